package com.mrmentor.platform.projections.identity;

import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

/** Sets of enum constants stored in one column, comma-separated and sorted, e.g. {@code ADMIN,FINANCE}. */
final class Csv {

    private Csv() {
    }

    static String of(Collection<? extends Enum<?>> values) {
        return values.stream().map(Enum::name).sorted().collect(Collectors.joining(","));
    }

    static <E extends Enum<E>> Set<E> parse(String column, Class<E> type) {
        EnumSet<E> values = EnumSet.noneOf(type);
        if (column != null && !column.isBlank()) {
            Arrays.stream(column.split(",")).map(String::trim).map(name -> Enum.valueOf(type, name))
                    .forEach(values::add);
        }
        return values;
    }
}
