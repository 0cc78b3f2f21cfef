package com.mrmentor.platform.shared.invoicing;

import java.time.LocalDate;
import java.util.UUID;

/**
 * GST documents dated {@code from}…{@code to} (inclusive, null: open), newest first. Every filter is optional:
 * {@code buyerId} (a user's own documents), {@code placeOfSupply} (state code) and {@code kind}.
 */
public record FindGstDocuments(UUID buyerId, LocalDate from, LocalDate to, String placeOfSupply, DocumentKind kind,
                               int page, int size) {
}
