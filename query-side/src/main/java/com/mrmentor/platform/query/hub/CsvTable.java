package com.mrmentor.platform.query.hub;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Writes rows as CSV (RFC 4180): a field holding a comma, quote or line break is quoted with its quotes doubled;
 * lines end with CRLF. Text that a spreadsheet would run as a formula (starting with {@code = + - @}, tab or carriage
 * return) is prefixed with an apostrophe, so that a name such as {@code =HYPERLINK(…)} stays text.
 */
final class CsvTable {

    private final StringBuilder out = new StringBuilder();

    /** Adds a row of values: null as an empty field, numbers and booleans as written, everything else as text. */
    CsvTable row(List<?> values) {
        out.append(values.stream().map(CsvTable::field).collect(Collectors.joining(","))).append("\r\n");
        return this;
    }

    @Override
    public String toString() {
        return out.toString();
    }

    static String field(Object value) {
        if (value == null) {
            return "";
        }
        String text = value.toString();
        if (!(value instanceof Number) && !(value instanceof Boolean) && !text.isEmpty()
                && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
            text = "'" + text;
        }
        if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
            return '"' + text.replace("\"", "\"\"") + '"';
        }
        return text;
    }
}
