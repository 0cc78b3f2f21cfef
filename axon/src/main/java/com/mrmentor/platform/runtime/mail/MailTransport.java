package com.mrmentor.platform.runtime.mail;

/** Delivers one message now, on the calling thread; {@link MailDispatcher} calls it in the background. */
public interface MailTransport {

    /**
     * Sends {@code mail}.
     *
     * @throws UndeliverableMail if trying again cannot help (e.g. a malformed address)
     * @throws RuntimeException  for any other failure, which is retried
     */
    void send(OutgoingMail mail);

    /** A failure that no retry can fix. */
    class UndeliverableMail extends RuntimeException {
        public UndeliverableMail(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
