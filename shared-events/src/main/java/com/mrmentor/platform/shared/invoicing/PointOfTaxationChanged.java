package com.mrmentor.platform.shared.invoicing;

import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.util.UUID;

/** Finance moved the point of taxation of purchases from now on (earlier purchases keep theirs). */
@Revision("1")
public record PointOfTaxationChanged(PointOfTaxation pointOfTaxation, PointOfTaxation previous, String reason,
                                     UUID changedBy, Instant changedAt) {
}
