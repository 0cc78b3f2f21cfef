package com.mrmentor.platform.shared.invoicing;

/** When GST on tokens falls due: the setting finance chooses, recorded on every purchase it applied to. */
public enum PointOfTaxation {
    /** Tokens are vouchers: a receipt at purchase, a tax invoice when they are redeemed (Circular 243/37/2024). */
    REDEMPTION,
    /** A tax invoice for the whole purchase at once; redemption issues nothing. */
    PURCHASE
}
