package com.mrmentor.platform.command.identity;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * How often the unauthenticated identity endpoints may be called. (Failed sign-ins have their own throttle,
 * {@link SignInThrottle}; the one-a-minute resend rule is the account's own.)
 *
 * @param signUpsPerIp         sign-ups from one client address per {@code window}
 * @param resendsPerIp         code resends from one client address per {@code window}
 * @param resetRequestsPerEmail password-reset requests for one e-mail per {@code window}
 * @param resetRequestsPerIp   password-reset requests from one client address per {@code window}
 * @param codeAttemptsPerIp    code submissions (verify, reset) from one client address per {@code window}
 * @param window               the sliding window all of these count in
 */
@ConfigurationProperties("platform.identity.limits")
public record AbuseLimits(@DefaultValue("10") int signUpsPerIp,
                          @DefaultValue("20") int resendsPerIp,
                          @DefaultValue("5") int resetRequestsPerEmail,
                          @DefaultValue("20") int resetRequestsPerIp,
                          @DefaultValue("30") int codeAttemptsPerIp,
                          @DefaultValue("PT15M") Duration window) {
}
