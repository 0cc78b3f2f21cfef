package com.mrmentor.platform.shared.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;

/**
 * One link of the audit chain: {@code link = SHA-256(previous link bytes || canonical bytes of the event)}, written
 * as 64 lowercase hex digits. The canonical bytes are the UTF-8 text of these lines joined by {@code \n} (no final
 * newline): the version tag {@value #VERSION}, the global position, event id, aggregate type, aggregate id, sequence
 * number, timestamp (as stored), payload type, payload revision, the stored payload bytes in base64, and the SHA-256
 * of the stored metadata bytes in hex; a missing value is the empty string. The first link's previous link is 32 zero
 * bytes. The metadata enters by its digest so that an export can prove it unaltered without carrying the client
 * addresses it holds; the payload enters whole (its personal fields are stored sealed), so that an auditor can check
 * amounts against the chained bytes. docs/audit.md gives the same definition for auditors who verify an export
 * without our code.
 */
public final class ChainLink {

    public static final String VERSION = "mentor-platform/event-chain/v1";
    /** The previous link of the first event. */
    public static final String GENESIS = "0".repeat(64);

    private static final HexFormat HEX = HexFormat.of();

    private ChainLink() {
    }

    /** The stored form of one event, exactly as the event table holds it. */
    public record StoredForm(long position, String eventIdentifier, String aggregateType, String aggregateIdentifier,
                             Long sequenceNumber, String timestamp, String payloadType, String payloadRevision,
                             byte[] payload, byte[] metadata) {

        /**
         * The stored form in the current row of {@code row}, whose columns are named as the event table's:
         * {@code global_index, event_identifier, type, aggregate_identifier, sequence_number, time_stamp, payload_type,
         * payload_revision, payload, meta_data}.
         */
        public static StoredForm read(ResultSet row) throws SQLException {
            return new StoredForm(row.getLong("global_index"), row.getString("event_identifier"),
                    row.getString("type"), row.getString("aggregate_identifier"), row.getLong("sequence_number"),
                    row.getString("time_stamp"), row.getString("payload_type"), row.getString("payload_revision"),
                    row.getBytes("payload"), row.getBytes("meta_data"));
        }

        /** The bytes the link covers. */
        public byte[] canonicalBytes() {
            Base64.Encoder base64 = Base64.getEncoder();
            String text = String.join("\n", VERSION, Long.toString(position), text(eventIdentifier),
                    text(aggregateType), text(aggregateIdentifier),
                    sequenceNumber == null ? "" : Long.toString(sequenceNumber), text(timestamp), text(payloadType),
                    text(payloadRevision), payload == null ? "" : base64.encodeToString(payload),
                    metadataDigest());
            return text.getBytes(StandardCharsets.UTF_8);
        }

        /** The digest of the stored metadata, as the link covers it and as exports carry it. */
        public String metadataDigest() {
            return metadata == null ? "" : sha256Hex(metadata);
        }

        private static String text(String value) {
            return value == null ? "" : value;
        }
    }

    /** The link following {@code previousLink} (hex) for the event {@code event}. */
    public static String next(String previousLink, StoredForm event) {
        MessageDigest sha256 = sha256();
        sha256.update(HEX.parseHex(previousLink));
        sha256.update(event.canonicalBytes());
        return HEX.formatHex(sha256.digest());
    }

    static String sha256Hex(byte[] bytes) {
        return HEX.formatHex(sha256().digest(bytes));
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }
}
