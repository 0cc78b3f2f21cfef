package com.mrmentor.platform.shared.crm;

import java.util.UUID;

/** A rep's targets for a month and the progress derived from events: calls logged, leads converted. */
public record TargetProgressView(UUID repId, String month, int targetCalls, int targetConversions, long calls,
                                 long conversions) {
}
