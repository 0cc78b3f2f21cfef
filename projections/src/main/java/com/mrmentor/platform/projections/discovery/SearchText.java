package com.mrmentor.platform.projections.discovery;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The normalised text a mentor is found by, and the words of a search, made the same way so that they meet in SQL
 * that runs on PostgreSQL and on H2 alike (ADR 0004): lower case, accents stripped ({@code Trà Đá} → {@code tra da}),
 * words of letters and digits (and {@code +}, {@code #}, so that {@code C++} and {@code C#} stay words) separated by
 * single spaces, with a space before the first word and after the last. A search word {@code w} then matches a word
 * start with {@code LIKE '% w%'}; a word never holds {@code %}, {@code _} or {@code \}, so it needs no escaping.
 */
public final class SearchText {

    private SearchText() {
    }

    /** The searchable document of the given parts (null parts are left out): {@code " word word "}. */
    public static String document(List<String> parts) {
        List<String> words = new ArrayList<>();
        parts.stream().filter(Objects::nonNull).forEach(part -> words.addAll(words(part)));
        return " " + String.join(" ", words) + (words.isEmpty() ? "" : " ");
    }

    /** The distinct words of a search, in order; empty for null or blank text. */
    public static List<String> terms(String query) {
        Set<String> distinct = new LinkedHashSet<>(words(query));
        return List.copyOf(distinct);
    }

    /** The LIKE pattern that finds documents with a word starting with {@code term}. */
    public static String pattern(String term) {
        if (term.isEmpty() || term.chars().anyMatch(c -> c == '%' || c == '_' || c == '\\' || c == ' ')) {
            throw new IllegalArgumentException("Not a search word: '" + term + "'");
        }
        return "% " + term + "%";
    }

    /**
     * The comparison key of a tag, track, company or language: trimmed, inner spaces collapsed, lower case
     * ({@code " Spring  Boot"} → {@code "spring boot"}); null for null or blank.
     */
    public static String key(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return value.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }

    /** The distinct keys of {@code values}, blanks left out. */
    public static List<String> keys(List<String> values) {
        return values == null ? List.of() : values.stream().map(SearchText::key).filter(Objects::nonNull)
                .distinct().collect(Collectors.toList());
    }

    static List<String> words(String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        String folded = Normalizer.normalize(text, Normalizer.Form.NFKD)
                .replaceAll("\\p{M}+", "")
                .replace('đ', 'd').replace('Đ', 'd').replace('ø', 'o').replace('Ø', 'o')
                .replace('ł', 'l').replace('Ł', 'l').replace("ß", "ss")
                .toLowerCase(Locale.ROOT);
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        folded.codePoints().forEach(c -> {
            if (Character.isLetterOrDigit(c) || c == '+' || c == '#') {
                word.appendCodePoint(c);
            } else if (!word.isEmpty()) {
                words.add(word.toString());
                word.setLength(0);
            }
        });
        if (!word.isEmpty()) {
            words.add(word.toString());
        }
        return words;
    }
}
