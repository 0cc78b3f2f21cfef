package com.mrmentor.platform.query.invoicing;

import com.mrmentor.platform.shared.invoicing.DocumentKind;
import com.mrmentor.platform.shared.invoicing.FindGstDocument;
import com.mrmentor.platform.shared.invoicing.FindGstDocuments;
import com.mrmentor.platform.shared.invoicing.FindTaxSettings;
import com.mrmentor.platform.shared.invoicing.GstDocumentPage;
import com.mrmentor.platform.shared.invoicing.GstDocumentView;
import com.mrmentor.platform.shared.invoicing.TaxSettingsView;
import com.mrmentor.platform.shared.payments.IndianStates;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.UUID;

import static org.springframework.http.HttpStatus.BAD_REQUEST;
import static org.springframework.http.HttpStatus.NOT_FOUND;

/**
 * GST documents: finance's register (FINANCE, AUDITOR) by date of issue, place of supply and kind, with totals; each
 * buyer's own documents. Each document as JSON or as its printable HTML. Someone else's document does not exist for
 * a buyer (404).
 */
@RestController
@Validated
@Tag(name = "Invoicing: queries")
public class GstDocumentController {

    private final QueryGateway queries;

    public GstDocumentController(QueryGateway queries) {
        this.queries = queries;
    }

    @GetMapping("/api/finance/invoices")
    @Operation(summary = "GST documents issued from…to (dates in India, inclusive), newest first, by place of "
            + "supply (state code) and kind, with the totals per kind of all that match (FINANCE, AUDITOR)")
    public GstDocumentPage register(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
                                    LocalDate from,
                                    @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
                                    LocalDate to,
                                    @RequestParam(required = false) String state,
                                    @RequestParam(required = false) DocumentKind kind,
                                    @RequestParam(defaultValue = "0") @Min(0) int page,
                                    @RequestParam(defaultValue = "50") @Min(1) @Max(500) int size) {
        if (from != null && to != null && to.isBefore(from)) {
            throw new ResponseStatusException(BAD_REQUEST, "to must not be before from");
        }
        if (state != null && !IndianStates.isValid(state)) {
            throw new ResponseStatusException(BAD_REQUEST, "state must be an Indian state code such as KA or MH");
        }
        return page(new FindGstDocuments(null, from, to, state, kind, page, size));
    }

    @GetMapping("/api/finance/invoices/{documentId}")
    @Operation(summary = "One GST document (FINANCE, AUDITOR)")
    public GstDocumentView document(@PathVariable UUID documentId) {
        return find(documentId, null);
    }

    @GetMapping(value = "/api/finance/invoices/{documentId}/html", produces = MediaType.TEXT_HTML_VALUE)
    @Operation(summary = "One GST document, printable; the same bytes every time (FINANCE, AUDITOR)")
    public ResponseEntity<byte[]> documentHtml(@PathVariable UUID documentId) {
        return html(find(documentId, null));
    }

    @GetMapping("/api/me/documents")
    @Operation(summary = "Your GST documents (receipts, tax invoices, credit notes, refund vouchers), newest first")
    public GstDocumentPage mine(@RequestParam(required = false) DocumentKind kind,
                                @RequestParam(defaultValue = "0") @Min(0) int page,
                                @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size,
                                Authentication caller) {
        return page(new FindGstDocuments(UUID.fromString(caller.getName()), null, null, null, kind, page, size));
    }

    @GetMapping("/api/me/documents/{documentId}")
    @Operation(summary = "One of your GST documents")
    public GstDocumentView myDocument(@PathVariable UUID documentId, Authentication caller) {
        return find(documentId, UUID.fromString(caller.getName()));
    }

    @GetMapping(value = "/api/me/documents/{documentId}/html", produces = MediaType.TEXT_HTML_VALUE)
    @Operation(summary = "One of your GST documents, printable")
    public ResponseEntity<byte[]> myDocumentHtml(@PathVariable UUID documentId, Authentication caller) {
        return html(find(documentId, UUID.fromString(caller.getName())));
    }

    @GetMapping("/api/finance/tax-settings")
    @Operation(summary = "The point of taxation of new purchases and its last change (FINANCE, AUDITOR, ADMIN)")
    public TaxSettingsView taxSettings() {
        return queries.query(new FindTaxSettings(), ResponseTypes.instanceOf(TaxSettingsView.class)).join();
    }

    private GstDocumentPage page(FindGstDocuments query) {
        return queries.query(query, ResponseTypes.instanceOf(GstDocumentPage.class)).join();
    }

    private GstDocumentView find(UUID documentId, UUID buyerId) {
        GstDocumentView document = queries.query(new FindGstDocument(documentId, buyerId),
                ResponseTypes.instanceOf(GstDocumentView.class)).join();
        if (document == null) {
            throw new ResponseStatusException(NOT_FOUND, "No such document");
        }
        return document;
    }

    private static ResponseEntity<byte[]> html(GstDocumentView document) {
        return ResponseEntity.ok()
                .contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
                .header("Content-Disposition", "inline; filename=\"" + document.number().replace('/', '-')
                        + ".html\"")
                .body(GstDocumentHtml.render(document).getBytes(StandardCharsets.UTF_8));
    }
}
