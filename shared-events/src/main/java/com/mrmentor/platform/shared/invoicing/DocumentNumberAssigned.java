package com.mrmentor.platform.shared.invoicing;

import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.util.UUID;

/**
 * The series gave its next number to a document, in the same transaction that issued the document: a number is
 * never taken by a document that was not stored, so the numbers of a financial year run 1, 2, 3… without gaps.
 */
@Revision("1")
public record DocumentNumberAssigned(String prefix, String financialYear, long sequence, String number,
                                     UUID documentId, DocumentKind kind, Instant assignedAt) {
}
