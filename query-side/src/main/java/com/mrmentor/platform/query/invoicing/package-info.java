/**
 * GST documents for finance (by period, state and kind, with totals) and for their buyers, as JSON and as
 * printable HTML rendered from the document alone, so that it is the same bytes every time; the tax setting.
 */
package com.mrmentor.platform.query.invoicing;
