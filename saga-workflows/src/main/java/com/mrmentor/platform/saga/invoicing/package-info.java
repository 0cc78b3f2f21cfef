/** Invoicing: the tax invoice of each redemption, asked for when the ledger captures a hold. */
package com.mrmentor.platform.saga.invoicing;
