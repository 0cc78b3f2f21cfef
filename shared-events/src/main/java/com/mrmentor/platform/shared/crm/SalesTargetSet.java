package com.mrmentor.platform.shared.crm;

import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.time.YearMonth;
import java.util.UUID;

/** A rep's targets for a month were set; progress is derived from the month's events. */
@Revision("1")
public record SalesTargetSet(UUID repId, YearMonth month, int calls, int conversions, UUID setBy, Instant setAt) {
}
