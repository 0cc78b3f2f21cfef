package com.mrmentor.platform.shared.earnings;

/** How a payout reaches the mentor: a UPI id (VPA) or a bank account (IFSC and account number). */
public enum PayoutMethod {
    UPI, BANK
}
