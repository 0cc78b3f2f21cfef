package com.mrmentor.platform.shared.invoicing;

import java.util.List;

/**
 * A page of documents, with the totals of every document the filters matched (not only this page's), per kind.
 */
public record GstDocumentPage(List<GstDocumentView> items, int page, int size, long total,
                              List<KindTotals> totals) {

    /** The sums of one kind of document over the whole filtered set. */
    public record KindTotals(DocumentKind kind, long documents, long tokens, TaxAmounts amounts, long total) {
    }
}
