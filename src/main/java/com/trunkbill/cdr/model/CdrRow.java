package com.trunkbill.cdr.model;

import java.util.Objects;

/**
 * One input record mapped onto the canonical columns, not yet validated. {@code values} holds the trimmed
 * text of each {@link CdrColumn} in enum order, null when empty or absent. {@code raw} is the record as read
 * (for the rejects file). {@code wrongWidth} marks a record whose field count differs from the header's
 * (or from the format's documented width); {@code mappingReject} is set when a foreign-format mapping
 * already knows the row is bad (an unknown Asterisk disposition, say).
 */
public record CdrRow(long lineNo, String[] values, String[] raw, boolean wrongWidth, Rejection mappingReject) {

    public CdrRow {
        Objects.requireNonNull(values, "values");
        if (values.length != CdrColumn.count()) {
            throw new IllegalArgumentException("a CdrRow has " + CdrColumn.count() + " values, got " + values.length);
        }
    }

    public static CdrRow of(long lineNo, String[] values, String[] raw) {
        return new CdrRow(lineNo, values, raw, false, null);
    }

    public String get(CdrColumn column) {
        return values[column.ordinal()];
    }
}
