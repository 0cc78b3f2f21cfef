package com.mrmentor.platform.saga.tokens;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * How long a grant request may wait for its second approver.
 *
 * @param approvalTimeout after this, counted from the request, the request lapses
 */
@ConfigurationProperties("platform.tokens")
public record TokenGrantApprovalProperties(@DefaultValue("P7D") Duration approvalTimeout) {
}
