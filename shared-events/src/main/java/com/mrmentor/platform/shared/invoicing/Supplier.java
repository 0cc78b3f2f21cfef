package com.mrmentor.platform.shared.invoicing;

/**
 * The platform as the supplier printed on a document, as configured when the document was issued.
 *
 * @param legalName the registered legal name
 * @param address   the principal place of business
 * @param gstin     the supplier's GSTIN
 * @param state     the supplier's state (ISO 3166-2:IN code, e.g. {@code KA})
 */
public record Supplier(String legalName, String address, String gstin, String state) {
}
