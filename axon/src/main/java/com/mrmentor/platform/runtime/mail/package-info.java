/**
 * Outgoing e-mail: plain-text templates from {@code classpath:mail/}, checked when the server starts; delivery in the
 * background with retries, over SMTP when {@code spring.mail.host} is set and to the log otherwise (a first run with
 * no mail server can still read its codes).
 */
package com.mrmentor.platform.runtime.mail;
