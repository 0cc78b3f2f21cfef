package com.mrmentor.platform.shared.invoicing;

import java.util.UUID;

/** One document; when {@code buyerId} is set, only if it is that buyer's. */
public record FindGstDocument(UUID documentId, UUID buyerId) {
}
