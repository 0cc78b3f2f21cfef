/**
 * GST documents (see docs/invoicing.md): number series without gaps, receipts and tax invoices of purchases, tax
 * invoices of redemptions, credit notes and refund vouchers of refunds, and the point-of-taxation setting.
 */
package com.mrmentor.platform.command.invoicing;
