package com.trunkbill.support;

import org.apache.commons.csv.CSVRecord;

import java.util.Map;

/**
 * One record of an input CSV file, with the line number where it starts (SPEC §9: line numbers are those
 * where the record starts). Values are looked up by header name, case-insensitively, and trimmed;
 * an empty cell reads as {@code null} (SPEC §3: empty cell = absent).
 */
public final class CsvLine {

    private final long lineNo;
    private final CSVRecord record;
    private final Map<String, Integer> columnIndex;
    private final int headerWidth;

    CsvLine(long lineNo, CSVRecord record, Map<String, Integer> columnIndex, int headerWidth) {
        this.lineNo = lineNo;
        this.record = record;
        this.columnIndex = columnIndex;
        this.headerWidth = headerWidth;
    }

    public long lineNo() {
        return lineNo;
    }

    /** Whether the record has exactly as many fields as the header (else it is {@code MALFORMED_ROW}). */
    public boolean hasHeaderWidth() {
        return record.size() == headerWidth;
    }

    /** The trimmed value of a column, or null when empty or absent. {@code column} is lower case. */
    public String get(String column) {
        Integer index = columnIndex.get(column);
        if (index == null || index >= record.size()) {
            return null;
        }
        String value = record.get(index).trim();
        return value.isEmpty() ? null : value;
    }

    /** The raw (untrimmed) value of a column, or null when absent. */
    public String raw(String column) {
        Integer index = columnIndex.get(column);
        return index == null || index >= record.size() ? null : record.get(index);
    }

    /** The record's fields as read, for rejects files. */
    public String[] values() {
        return record.values();
    }
}
