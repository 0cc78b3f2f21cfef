package com.mrmentor.platform.command.common;

import com.mrmentor.platform.shared.common.BusinessError;
import com.mrmentor.platform.shared.common.RuleViolation;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Sends a command and waits, bounded, for its result. Endpoints answer synchronously so that the idempotency layer
 * can record the final response; a rule violation surfaces as the exception the handler threw.
 */
@Component
public class CommandSender {

    private final CommandGateway gateway;
    private final Duration timeout;

    public CommandSender(CommandGateway gateway,
                         @Value("${platform.commands.timeout:PT10S}") Duration timeout) {
        this.gateway = gateway;
        this.timeout = timeout;
    }

    /** Sends {@code command} and returns the handler's result. */
    public <R> R send(Object command) {
        return send(command, timeout);
    }

    /** Sends {@code command} and returns the handler's result, waiting up to {@code timeout} (batches of work). */
    @SuppressWarnings("unchecked")
    public <R> R send(Object command, Duration timeout) {
        try {
            return (R) gateway.send(command).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException | CompletionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            // RuleViolationTransport ships a handler's violation as the details of a CommandExecutionException (so
            // that it survives Axon Server); callers catch the RuleViolation itself (e.g. to keep answers that must
            // not reveal whether an account exists the same), so it is rebuilt here.
            if (cause instanceof CommandExecutionException failed
                    && failed.getDetails().orElse(null) instanceof BusinessError error) {
                throw RuleViolation.from(error);
            }
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(cause);
        } catch (TimeoutException e) {
            throw new CommandTimedOut(command.getClass().getSimpleName(), timeout);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CommandTimedOut(command.getClass().getSimpleName(), timeout);
        }
    }

    /** The command was not answered in time; its outcome is unknown to the caller. */
    public static class CommandTimedOut extends RuntimeException {
        public CommandTimedOut(String command, Duration timeout) {
            super(command + " was not answered within " + timeout.toSeconds() + " s; its outcome is unknown");
        }
    }
}
