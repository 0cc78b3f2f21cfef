package com.mrmentor.platform.shared.invoicing;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/** A number series was opened for documents of {@code kind}, numbered {@code prefix/YY-YY/NNNNNN}. */
@Revision("1")
public record DocumentSeriesOpened(String prefix, DocumentKind kind, Instant openedAt) {
}
