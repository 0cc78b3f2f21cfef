package com.mrmentor.platform.command.common;

import com.mrmentor.platform.shared.common.RuleViolation;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

class CommandSenderTest {

    private final CommandGateway gateway = mock(CommandGateway.class);
    private final CommandSender sender = new CommandSender(gateway, Duration.ofSeconds(1));

    @Test
    void aViolationShippedAsCommandFailureDetailsSurfacesAsTheRuleViolation() {
        RuleViolation violation = new RuleViolation("code-resend-too-soon", RuleViolation.Kind.TOO_MANY_REQUESTS,
                "too soon");
        when(gateway.send(any())).thenReturn(CompletableFuture.failedFuture(
                new CommandExecutionException("too soon", null, violation.toBusinessError())));

        assertThatThrownBy(() -> sender.send("command"))
                .isInstanceOfSatisfying(RuleViolation.class, thrown -> {
                    assertThat(thrown.code()).isEqualTo("code-resend-too-soon");
                    assertThat(thrown.kind()).isEqualTo(RuleViolation.Kind.TOO_MANY_REQUESTS);
                    assertThat(thrown.getMessage()).isEqualTo("too soon");
                });
    }

    @Test
    void aFailureWithoutBusinessDetailsIsRethrownAsItIs() {
        CommandExecutionException failure = new CommandExecutionException("boom", null);
        when(gateway.send(any())).thenReturn(CompletableFuture.failedFuture(failure));

        assertThatThrownBy(() -> sender.send("command")).isSameAs(failure);
    }
}
