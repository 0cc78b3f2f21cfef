package com.mrmentor.platform.runtime.ops;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Clob;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

/**
 * SHA-256 of a read model's rows: every table of the group in the catalog's order, its rows ordered by their key
 * columns, every column of each row by name. Values are written in one canonical text form per kind (instants in
 * UTC, decimals without trailing zeros, bytes as base64), each with its length, so the digest depends on the data,
 * not on the driver or on how a database orders its columns. Plain {@code SELECT * ... ORDER BY}: it runs on H2 and
 * PostgreSQL alike. The caller decides the transaction (one snapshot for all tables).
 */
@Component
class ReadModelChecksum {

    /** The digest of one table and how many rows it covered. */
    record TableChecksum(String table, long rows, String sha256) {
    }

    /** The digest of a whole read model (over its tables' digests, in catalog order). */
    record Checksum(String sha256, List<TableChecksum> tables) {
    }

    private static final int FETCH_SIZE = 1_000;
    private static final byte[] NULL = {0};

    private final JdbcTemplate jdbc;

    ReadModelChecksum(JdbcTemplate jdbc) {
        JdbcTemplate streaming = new JdbcTemplate(jdbc.getDataSource());
        streaming.setFetchSize(FETCH_SIZE);
        this.jdbc = streaming;
    }

    Checksum of(ReadModelCatalog.ReadModel model) {
        MessageDigest total = sha256();
        List<TableChecksum> tables = new ArrayList<>();
        for (ReadModelCatalog.Table table : model.tables()) {
            TableChecksum sum = of(table);
            tables.add(sum);
            update(total, sum.table());
            update(total, Long.toString(sum.rows()));
            update(total, sum.sha256());
        }
        return new Checksum(HexFormat.of().formatHex(total.digest()), tables);
    }

    private TableChecksum of(ReadModelCatalog.Table table) {
        MessageDigest digest = sha256();
        long[] rows = {0};
        // names come from the catalog (code), never from a request
        String sql = "SELECT * FROM " + table.name()
                + (table.prefix() == null ? "" : " WHERE " + table.prefixColumn() + " LIKE ?")
                + " ORDER BY " + String.join(", ", table.orderBy());
        RowCallbackHandler row = rs -> {
            rows[0]++;
            writeRow(digest, rs);
        };
        if (table.prefix() == null) {
            jdbc.query(sql, row);
        } else {
            jdbc.query(sql, row, table.prefix() + "%");
        }
        return new TableChecksum(table.name(), rows[0], HexFormat.of().formatHex(digest.digest()));
    }

    private static void writeRow(MessageDigest digest, ResultSet rs) throws SQLException {
        ResultSetMetaData meta = rs.getMetaData();
        List<Integer> columns = new ArrayList<>();
        for (int i = 1; i <= meta.getColumnCount(); i++) {
            columns.add(i);
        }
        columns.sort((a, b) -> label(meta, a).compareTo(label(meta, b)));
        digest.update((byte) 'R');
        for (int column : columns) {
            update(digest, label(meta, column));
            Object value = rs.getObject(column);
            if (value == null) {
                digest.update(NULL);
            } else {
                update(digest, canonical(value));
            }
        }
    }

    /** One text form per kind of value, the same whichever driver produced it. */
    static String canonical(Object value) throws SQLException {
        if (value instanceof Timestamp timestamp) {
            return timestamp.toInstant().toString();
        }
        if (value instanceof OffsetDateTime dateTime) {
            return dateTime.toInstant().toString();
        }
        if (value instanceof java.sql.Date date) {
            return date.toLocalDate().toString();
        }
        if (value instanceof BigDecimal decimal) {
            return decimal.signum() == 0 ? "0" : decimal.stripTrailingZeros().toPlainString();
        }
        if (value instanceof Float || value instanceof Double) {
            return BigDecimal.valueOf(((Number) value).doubleValue()).stripTrailingZeros().toPlainString();
        }
        if (value instanceof Number number) {
            return new BigDecimal(number.toString()).toPlainString();
        }
        if (value instanceof byte[] bytes) {
            return Base64.getEncoder().encodeToString(bytes);
        }
        if (value instanceof Clob clob) {
            return clob.getSubString(1, (int) clob.length());
        }
        return value.toString();
    }

    private static String label(ResultSetMetaData meta, int column) {
        try {
            return meta.getColumnLabel(column).toLowerCase(Locale.ROOT);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void update(MessageDigest digest, String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        digest.update(ByteBuffer.allocate(4).putInt(bytes.length).array());
        digest.update(bytes);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
