package com.mrmentor.platform.command.invoicing;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import com.mrmentor.platform.shared.invoicing.DocumentKind;
import com.mrmentor.platform.shared.invoicing.DocumentNumberAssigned;
import com.mrmentor.platform.shared.invoicing.DocumentSeriesOpened;
import com.mrmentor.platform.shared.invoicing.FinancialYear;
import com.mrmentor.platform.shared.invoicing.InvoicingIds;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.serialization.Revision;
import org.axonframework.spring.stereotype.Aggregate;

import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * One document series ({@code MM}, {@code MR}, …): hands out the numbers {@code PREFIX/YY-YY/NNNNNN}, consecutive
 * from 1 in each financial year.
 *
 * <p>Why an aggregate: a number is taken by applying {@link DocumentNumberAssigned} in the unit of work that issues
 * the document, so the number and the document are stored in one transaction or not at all — a failed issue leaves
 * no gap. Concurrent issuers queue on the aggregate's lock (one node) or lose the append on its sequence number
 * (several nodes) and retry; either way no two documents share a number. The per-year counters are the whole
 * state, and snapshots keep loading it cheap however many documents a year brings.
 */
@Aggregate(snapshotTriggerDefinition = DocumentSeriesSnapshots.TRIGGER,
        snapshotFilter = DocumentSeriesSnapshots.FILTER)
@Revision(DocumentSeriesSnapshots.REVISION)
@JsonAutoDetect(fieldVisibility = Visibility.ANY, getterVisibility = Visibility.NONE,
        isGetterVisibility = Visibility.NONE)
public class DocumentSeries {

    /** GST allows at most 16 characters in a document number. */
    static final int MAX_NUMBER_LENGTH = 16;

    @AggregateIdentifier
    private String id;
    private String prefix;
    private DocumentKind kind;
    private final Map<String, Long> lastSequence = new HashMap<>();

    /** For Axon and for snapshots. */
    protected DocumentSeries() {
    }

    public DocumentSeries(String prefix, DocumentKind kind, Instant now) {
        apply(new DocumentSeriesOpened(prefix, kind, now));
    }

    /** Takes the next number of the financial year {@code documentDate} falls in, for {@code documentId}. */
    public DocumentNumberAssigned next(UUID documentId, LocalDate documentDate, Instant now) {
        String financialYear = FinancialYear.of(documentDate);
        long sequence = lastSequence.getOrDefault(financialYear, 0L) + 1;
        String number = format(prefix, financialYear, sequence);
        if (number.length() > MAX_NUMBER_LENGTH) {
            throw InvoicingRules.seriesExhausted(prefix, financialYear);
        }
        DocumentNumberAssigned assigned = new DocumentNumberAssigned(prefix, financialYear, sequence, number,
                documentId, kind, now);
        apply(assigned);
        return assigned;
    }

    /** {@code MM/26-27/000123}: six digits, more once a year passes 999 999 documents. */
    static String format(String prefix, String financialYear, long sequence) {
        return prefix + "/" + financialYear + "/" + String.format("%06d", sequence);
    }

    public DocumentKind kind() {
        return kind;
    }

    @EventSourcingHandler
    void on(DocumentSeriesOpened event) {
        id = InvoicingIds.series(event.prefix());
        prefix = event.prefix();
        kind = event.kind();
    }

    @EventSourcingHandler
    void on(DocumentNumberAssigned event) {
        lastSequence.merge(event.financialYear(), event.sequence(), Math::max);
    }
}
