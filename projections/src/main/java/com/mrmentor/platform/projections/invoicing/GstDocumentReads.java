package com.mrmentor.platform.projections.invoicing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mrmentor.platform.shared.invoicing.DocumentKind;
import com.mrmentor.platform.shared.invoicing.FindGstDocuments;
import com.mrmentor.platform.shared.invoicing.GstDocumentPage;
import com.mrmentor.platform.shared.invoicing.GstDocumentView;
import com.mrmentor.platform.shared.invoicing.PointOfTaxation;
import com.mrmentor.platform.shared.invoicing.TaxAmounts;
import com.mrmentor.platform.shared.invoicing.TaxSettingsView;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.io.UncheckedIOException;
import java.sql.Date;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Reads of the GST document read model and of the tax setting. */
@Component
public class GstDocumentReads {

    private final JdbcTemplate jdbc;
    private final ObjectMapper json;

    public GstDocumentReads(JdbcTemplate jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** One document, if the read model has it (and, with {@code buyerId}, if it is that buyer's). */
    public Optional<GstDocumentView> document(UUID documentId, UUID buyerId) {
        String sql = "SELECT document FROM gst_document_view WHERE document_id = ?"
                + (buyerId == null ? "" : " AND buyer_id = ?");
        Object[] args = buyerId == null ? new Object[]{documentId} : new Object[]{documentId, buyerId};
        return jdbc.queryForList(sql, String.class, args).stream().findFirst().map(this::parse);
    }

    /** The point of taxation finance last set, if it ever did. */
    public Optional<TaxSettingsView> taxSetting() {
        return jdbc.query("SELECT point_of_taxation, changed_at, changed_by, reason FROM tax_setting_view "
                        + "WHERE setting = ?", (rs, row) -> new TaxSettingsView(
                        PointOfTaxation.valueOf(rs.getString(1)), rs.getTimestamp(2).toInstant(),
                        rs.getObject(3, UUID.class), rs.getString(4)), TaxSettingProjection.POINT_OF_TAXATION)
                .stream().findFirst();
    }

    /** Documents matching the query, newest first, with the totals per kind of all that match. */
    public GstDocumentPage documents(FindGstDocuments query) {
        StringBuilder where = new StringBuilder(" WHERE 1 = 1");
        List<Object> args = new ArrayList<>();
        if (query.buyerId() != null) {
            where.append(" AND buyer_id = ?");
            args.add(query.buyerId());
        }
        if (query.from() != null) {
            where.append(" AND document_date >= ?");
            args.add(Date.valueOf(query.from()));
        }
        if (query.to() != null) {
            where.append(" AND document_date <= ?");
            args.add(Date.valueOf(query.to()));
        }
        if (query.placeOfSupply() != null) {
            where.append(" AND place_of_supply = ?");
            args.add(query.placeOfSupply());
        }
        if (query.kind() != null) {
            where.append(" AND kind = ?");
            args.add(query.kind().name());
        }
        List<GstDocumentPage.KindTotals> totals = jdbc.query("SELECT kind, COUNT(*), SUM(tokens), "
                        + "SUM(taxable_value), SUM(cgst), SUM(sgst), SUM(igst), SUM(total) FROM gst_document_view"
                        + where + " GROUP BY kind ORDER BY kind",
                (rs, row) -> new GstDocumentPage.KindTotals(DocumentKind.valueOf(rs.getString(1)), rs.getLong(2),
                        rs.getLong(3), new TaxAmounts(rs.getLong(4), rs.getLong(5), rs.getLong(6), rs.getLong(7)),
                        rs.getLong(8)), args.toArray());
        long total = totals.stream().mapToLong(GstDocumentPage.KindTotals::documents).sum();
        List<Object> pageArgs = new ArrayList<>(args);
        pageArgs.add(query.size());
        pageArgs.add((long) query.page() * query.size());
        List<GstDocumentView> items = jdbc.queryForList("SELECT document FROM gst_document_view" + where
                        + " ORDER BY issued_at DESC, number DESC LIMIT ? OFFSET ?", String.class, pageArgs.toArray())
                .stream().map(this::parse).toList();
        return new GstDocumentPage(items, query.page(), query.size(), total, totals);
    }

    private GstDocumentView parse(String document) {
        try {
            return json.readValue(document, GstDocumentView.class);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
