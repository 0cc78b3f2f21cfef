package com.mrmentor.platform.runtime.mail;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.mail.javamail.JavaMailSenderImpl;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.awaitility.Awaitility.await;

/** Sending never holds the caller; failures are retried with a growing pause, then logged, never thrown. */
@ExtendWith(OutputCaptureExtension.class)
class MailDispatcherTest {

    private static final OutgoingMail MAIL = new OutgoingMail("reader@example.com", "Subject line", "Code 123456");

    private MailDispatcher dispatcher;

    @AfterEach
    void stop() {
        if (dispatcher != null) {
            dispatcher.close();
        }
    }

    @Test
    void anUnreachableSmtpServerIsTriedSendAttemptsTimesThenLoggedNotThrown(CapturedOutput output) throws IOException {
        JavaMailSenderImpl sender = new JavaMailSenderImpl();
        sender.setHost("127.0.0.1");
        sender.setPort(aClosedPort());
        SmtpMailTransport.applyTimeoutDefaults(sender.getJavaMailProperties());
        SmtpMailTransport smtp = new SmtpMailTransport(sender, "no-reply@mentor.test");
        AtomicInteger tries = new AtomicInteger();
        dispatcher = new MailDispatcher(mail -> {
            tries.incrementAndGet();
            smtp.send(mail);
        }, 3, Duration.ofMillis(20), 10);
        TemplatedIdentityMail identityMail = new TemplatedIdentityMail(
                MailTemplates.load(TemplatedIdentityMail.TEMPLATES), dispatcher);

        assertThatCode(() -> identityMail.sendPasswordResetCode("reader@example.com", "123456", Duration.ofMinutes(5)))
                .doesNotThrowAnyException();

        await().atMost(Duration.ofSeconds(20)).until(() -> dispatcher.pending() == 0);
        assertThat(tries).hasValue(3);
        assertThat(output.getOut())
                .contains("failed (attempt 1 of 3)")
                .contains("failed (attempt 2 of 3)")
                .contains("Gave up sending 'Reset your Mentor Platform password' to r***@example.com after 3 attempts")
                .doesNotContain("reader@example.com")
                .doesNotContain("123456");
    }

    @Test
    void aPassingFailureIsRetriedAndTheMessageSent() {
        List<OutgoingMail> sent = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger tries = new AtomicInteger();
        dispatcher = new MailDispatcher(mail -> {
            if (tries.incrementAndGet() == 1) {
                throw new IllegalStateException("421 try again later");
            }
            sent.add(mail);
        }, 3, Duration.ofMillis(20), 10);

        dispatcher.send(MAIL);

        await().atMost(Duration.ofSeconds(5)).until(() -> dispatcher.pending() == 0);
        assertThat(sent).containsExactly(MAIL);
        assertThat(tries).hasValue(2);
    }

    @Test
    void anUndeliverableMessageIsNotRetried(CapturedOutput output) {
        AtomicInteger tries = new AtomicInteger();
        dispatcher = new MailDispatcher(mail -> {
            tries.incrementAndGet();
            throw new MailTransport.UndeliverableMail("bad address", null);
        }, 3, Duration.ofMillis(20), 10);

        dispatcher.send(MAIL);

        await().atMost(Duration.ofSeconds(5)).until(() -> dispatcher.pending() == 0);
        assertThat(tries).hasValue(1);
        assertThat(output.getOut()).contains("Not sending 'Subject line' to r***@example.com: bad address");
    }

    @Test
    void theCallerDoesNotWaitForASlowServer() throws InterruptedException {
        CountDownLatch serverAnswers = new CountDownLatch(1);
        dispatcher = new MailDispatcher(mail -> waitFor(serverAnswers), 3, Duration.ofMillis(20), 10);

        long started = System.nanoTime();
        dispatcher.send(MAIL);
        long tookMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);

        assertThat(tookMillis).isLessThan(1_000);
        assertThat(dispatcher.pending()).isEqualTo(1);
        serverAnswers.countDown();
        await().atMost(Duration.ofSeconds(5)).until(() -> dispatcher.pending() == 0);
    }

    @Test
    void aFullQueueDropsTheMessageAndSaysSo(CapturedOutput output) {
        CountDownLatch serverAnswers = new CountDownLatch(1);
        List<OutgoingMail> sent = Collections.synchronizedList(new ArrayList<>());
        dispatcher = new MailDispatcher(mail -> {
            waitFor(serverAnswers);
            sent.add(mail);
        }, 1, Duration.ZERO, 2);
        OutgoingMail third = new OutgoingMail("third@example.com", "Third", "body");

        dispatcher.send(MAIL);
        dispatcher.send(MAIL);
        dispatcher.send(third);
        serverAnswers.countDown();

        await().atMost(Duration.ofSeconds(5)).until(() -> dispatcher.pending() == 0);
        assertThat(sent).containsExactly(MAIL, MAIL);
        assertThat(output.getOut()).contains("Mail queue full (2 waiting): dropped 'Third' to t***@example.com");
    }

    @Test
    void thePauseDoublesForEachFurtherAttemptUpToFiveMinutes() {
        dispatcher = new MailDispatcher(mail -> { }, 30, Duration.ofSeconds(2), 10);

        assertThat(dispatcher.delayBefore(2)).isEqualTo(Duration.ofSeconds(2));
        assertThat(dispatcher.delayBefore(3)).isEqualTo(Duration.ofSeconds(4));
        assertThat(dispatcher.delayBefore(4)).isEqualTo(Duration.ofSeconds(8));
        assertThat(dispatcher.delayBefore(30)).isEqualTo(Duration.ofMinutes(5));
    }

    private static void waitFor(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static int aClosedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
