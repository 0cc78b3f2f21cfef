package com.mrmentor.platform.shared.invoicing;

/** Open the number series of {@code kind} if it is not open yet. */
public record OpenDocumentSeries(DocumentKind kind) {
}
