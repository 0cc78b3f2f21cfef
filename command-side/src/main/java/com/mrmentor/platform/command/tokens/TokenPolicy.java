package com.mrmentor.platform.command.tokens;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Governance knobs of the token ledger.
 *
 * @param approvalThreshold grants of more tokens than this need a second approver
 */
@ConfigurationProperties("platform.tokens")
public record TokenPolicy(@DefaultValue("100") long approvalThreshold) {

    /** Whether a grant of {@code amount} tokens must wait for a second approver. */
    public boolean needsApproval(long amount) {
        return amount > approvalThreshold;
    }
}
