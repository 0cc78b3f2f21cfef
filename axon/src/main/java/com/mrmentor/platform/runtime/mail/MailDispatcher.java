package com.mrmentor.platform.runtime.mail;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Sends in the background, so that a slow or unreachable mail server never holds a request: two threads, at most
 * {@value #DEFAULT_CAPACITY} messages waiting, each tried {@code sendAttempts} times with a doubling pause between
 * tries. A thread does not sleep through a pause: the next try is scheduled. Failures are logged, never thrown: the
 * user can always ask for another code. Messages still waiting when the server stops are lost (and counted in the
 * log).
 */
public class MailDispatcher implements AutoCloseable {

    static final int DEFAULT_CAPACITY = 1000;
    private static final int THREADS = 2;
    private static final Duration MAX_BACKOFF = Duration.ofMinutes(5);
    private static final Duration SHUTDOWN_GRACE = Duration.ofSeconds(10);
    private static final Logger log = LoggerFactory.getLogger(MailDispatcher.class);

    private final MailTransport transport;
    private final int attempts;
    private final Duration backoff;
    private final int capacity;
    private final ScheduledThreadPoolExecutor executor;
    /** Messages accepted and neither sent nor given up: queued, being sent, or waiting for a retry. */
    private final AtomicInteger pending = new AtomicInteger();

    public MailDispatcher(MailTransport transport, MailProperties properties) {
        this(transport, properties.sendAttempts(), properties.retryBackoff(), DEFAULT_CAPACITY);
    }

    MailDispatcher(MailTransport transport, int attempts, Duration backoff, int capacity) {
        this.transport = transport;
        this.attempts = attempts;
        this.backoff = backoff;
        this.capacity = capacity;
        this.executor = new ScheduledThreadPoolExecutor(THREADS, threadFactory());
        // at shutdown, retries still waiting for their turn are dropped rather than holding the JVM
        this.executor.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
    }

    /** Queues {@code mail}; returns at once and never throws. */
    public void send(OutgoingMail mail) {
        if (pending.incrementAndGet() > capacity) {
            pending.decrementAndGet();
            log.error("Mail queue full ({} waiting): dropped '{}' to {}", capacity, mail.subject(), mail.maskedTo());
            return;
        }
        try {
            executor.execute(() -> attempt(mail, 1));
        } catch (RejectedExecutionException e) {
            pending.decrementAndGet();
            log.error("Server stopping: dropped '{}' to {}", mail.subject(), mail.maskedTo());
        }
    }

    /** How many messages are queued, being sent, or waiting for a retry. */
    public int pending() {
        return pending.get();
    }

    private void attempt(OutgoingMail mail, int attempt) {
        try {
            transport.send(mail);
            pending.decrementAndGet();
            log.debug("Sent '{}' to {} (attempt {})", mail.subject(), mail.maskedTo(), attempt);
        } catch (MailTransport.UndeliverableMail e) {
            pending.decrementAndGet();
            log.error("Not sending '{}' to {}: {}", mail.subject(), mail.maskedTo(), e.getMessage(), e);
        } catch (RuntimeException e) {
            if (attempt >= attempts) {
                pending.decrementAndGet();
                log.error("Gave up sending '{}' to {} after {} attempts", mail.subject(), mail.maskedTo(), attempts, e);
                return;
            }
            Duration delay = delayBefore(attempt + 1);
            log.warn("Sending '{}' to {} failed (attempt {} of {}), next try in {}: {}", mail.subject(),
                    mail.maskedTo(), attempt, attempts, delay, e.toString());
            try {
                executor.schedule(() -> attempt(mail, attempt + 1), delay.toMillis(), TimeUnit.MILLISECONDS);
            } catch (RejectedExecutionException stopping) {
                pending.decrementAndGet();
                log.error("Server stopping: gave up sending '{}' to {}", mail.subject(), mail.maskedTo());
            }
        }
    }

    /** The pause before attempt {@code next} (2, 3, ...): the backoff, doubled for each further attempt, capped. */
    Duration delayBefore(int next) {
        int doublings = Math.min(next - 2, 20);
        Duration delay = backoff.multipliedBy(1L << doublings);
        return delay.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : delay;
    }

    /** Lets messages being sent finish (up to ten seconds), then stops; whatever still waits is logged as lost. */
    @Override
    public void close() {
        executor.shutdown();
        try {
            if (!executor.awaitTermination(SHUTDOWN_GRACE.toMillis(), TimeUnit.MILLISECONDS)) {
                executor.shutdownNow();
            }
        } catch (InterruptedException e) {
            executor.shutdownNow();
            Thread.currentThread().interrupt();
        }
        int lost = pending.get();
        if (lost > 0) {
            log.warn("Stopped with {} e-mails unsent", lost);
        }
    }

    private static ThreadFactory threadFactory() {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, "mail-sender-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
