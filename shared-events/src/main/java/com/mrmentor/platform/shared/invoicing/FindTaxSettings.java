package com.mrmentor.platform.shared.invoicing;

/** The point of taxation in force and its last change. */
public record FindTaxSettings() {
}
