package com.trunkbill.inventory.model;

import java.util.Map;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

/**
 * One input record before validation: its line number, its trimmed fields by lower-case column name (null =
 * empty or no such column, SPEC §3), which columns the file's header has, the values as read (for the rejects
 * file) and whether it has the header's width.
 */
public record RawRow(long lineNo, UnaryOperator<String> fields, Predicate<String> headerColumns, String[] values,
                     boolean fullWidth) {

    public String get(String column) {
        return fields.apply(column);
    }

    /** Whether the file's header has the (lower-case) column, empty cell or not. */
    public boolean hasColumn(String column) {
        return headerColumns.test(column);
    }

    /**
     * For tests and tools: a full-width row from a column map (blank values read as empty); the map's keys are
     * the header's columns.
     */
    public static RawRow of(long lineNo, Map<String, String> fields) {
        return new RawRow(lineNo, column -> {
            String value = fields.get(column);
            return value == null || value.isBlank() ? null : value.trim();
        }, fields::containsKey, fields.values().toArray(String[]::new), true);
    }
}
