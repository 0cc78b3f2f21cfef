package com.mrmentor.platform.shared.invoicing;

import java.time.Instant;
import java.util.UUID;

/** The point of taxation for new purchases; {@code changedAt} is null while the configured default applies. */
public record TaxSettingsView(PointOfTaxation pointOfTaxation, Instant changedAt, UUID changedBy, String reason) {
}
