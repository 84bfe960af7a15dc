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
    private final String encodingProblem;

    CsvLine(long lineNo, CSVRecord record, Map<String, Integer> columnIndex, int headerWidth, String encodingProblem) {
        this.encodingProblem = encodingProblem;
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
        return get(columnIndex.getOrDefault(column, -1));
    }

    /**
     * The trimmed value at a position of the header ({@link CsvInput#columnPosition}), or null when empty or absent
     * (a position of -1, or past the end of a short record).
     */
    public String get(int position) {
        if (position < 0 || position >= record.size()) {
            return null;
        }
        String value = record.get(position).trim();
        return value.isEmpty() ? null : value;
    }

    /** The raw (untrimmed) value of a column, or null when absent. */
    public String raw(String column) {
        Integer index = columnIndex.get(column);
        return index == null || index >= record.size() ? null : record.get(index);
    }

    /** The record's fields as read, for rejects files (invalid UTF-8 shown as U+FFFD). */
    public String[] values() {
        return encodingProblem == null ? record.values() : CsvInput.printable(record.values());
    }

    /**
     * Null when the record is clean UTF-8 text, else what is wrong ("invalid UTF-8 in field 3", "a NUL character
     * in field 2"); only readers opened with {@link CsvInput#openRejectingBadlyEncodedRows} return such records.
     */
    public String encodingProblem() {
        return encodingProblem;
    }
}
