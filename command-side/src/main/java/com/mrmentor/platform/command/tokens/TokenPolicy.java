package com.mrmentor.platform.command.tokens;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * Governance knobs of the token ledger.
 *
 * @param approvalThreshold grants of more tokens than this need a second approver
 * @param approvalTimeout   how long a grant request may wait for its decision before it lapses
 */
@ConfigurationProperties("platform.tokens")
public record TokenPolicy(@DefaultValue("100") long approvalThreshold,
                          @DefaultValue("P7D") Duration approvalTimeout) {

    /** Whether a grant of {@code amount} tokens must wait for a second approver. */
    public boolean needsApproval(long amount) {
        return amount > approvalThreshold;
    }
}
