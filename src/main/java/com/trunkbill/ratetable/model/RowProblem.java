package com.trunkbill.ratetable.model;

/**
 * Why one row of a rate-table file is invalid: its line, a reason code, the field at fault (null when the
 * problem is the whole row) and a detail naming file, line and field, for the rejects file and the job's
 * failure message.
 */
public record RowProblem(long lineNo, String reason, String field, String detail) {

    /** SPEC §9 codes where they fit, plus the rate-table specific ones. */
    public static final String MALFORMED_ROW = "MALFORMED_ROW";
    public static final String MISSING_FIELD = "MISSING_FIELD";
    public static final String FIELD_TOO_LONG = "FIELD_TOO_LONG";
    public static final String BAD_NUMBER = "BAD_NUMBER";
    public static final String BAD_ENUM = "BAD_ENUM";
    public static final String BAD_DATE = "BAD_DATE";
    public static final String BAD_BOOLEAN = "BAD_BOOLEAN";
    public static final String BAD_PREFIX = "BAD_PREFIX";
    public static final String BAD_CURRENCY = "BAD_CURRENCY";
    public static final String BAD_COUNTRY = "BAD_COUNTRY";
    public static final String OUT_OF_RANGE = "OUT_OF_RANGE";
    public static final String EMPTY_PERIOD = "EMPTY_PERIOD";
    public static final String OVERLAPPING_RATES = "OVERLAPPING_RATES";
}
