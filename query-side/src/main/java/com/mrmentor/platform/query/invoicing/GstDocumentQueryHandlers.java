package com.mrmentor.platform.query.invoicing;

import com.mrmentor.platform.projections.invoicing.GstDocumentReads;
import com.mrmentor.platform.shared.invoicing.FindGstDocument;
import com.mrmentor.platform.shared.invoicing.FindGstDocuments;
import com.mrmentor.platform.shared.invoicing.FindTaxSettings;
import com.mrmentor.platform.shared.invoicing.GstDocumentPage;
import com.mrmentor.platform.shared.invoicing.GstDocumentView;
import com.mrmentor.platform.shared.invoicing.PointOfTaxation;
import com.mrmentor.platform.shared.invoicing.TaxSettingsView;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** Answers the invoicing queries from the documents' and the tax setting's read models. */
@Component
public class GstDocumentQueryHandlers {

    private final GstDocumentReads reads;
    private final PointOfTaxation configured;

    public GstDocumentQueryHandlers(GstDocumentReads reads,
                                    @Value("${platform.invoicing.point-of-taxation:REDEMPTION}")
                                    PointOfTaxation configured) {
        this.reads = reads;
        this.configured = configured;
    }

    /** The document, or null. */
    @QueryHandler
    public GstDocumentView handle(FindGstDocument query) {
        return reads.document(query.documentId(), query.buyerId()).orElse(null);
    }

    @QueryHandler
    public GstDocumentPage handle(FindGstDocuments query) {
        return reads.documents(query);
    }

    /** The setting finance last made, or the configured default. */
    @QueryHandler
    public TaxSettingsView handle(FindTaxSettings query) {
        return reads.taxSetting().orElse(new TaxSettingsView(configured, null, null, null));
    }
}
