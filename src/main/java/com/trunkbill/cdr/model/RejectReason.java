package com.trunkbill.cdr.model;

/**
 * Why an input CDR row was not accepted (SPEC §8, §9). The malformed ones ({@link #isMalformed()}) are, counted together
 * in {@code cdr_file.malformed} and in the reconciliation's {@code malformed} column.
 */
public enum RejectReason {
    /** Not a CSV record of the header's width (canonical) or of the format's documented width. */
    MALFORMED_ROW(true),
    /** A required value is empty. */
    MISSING_FIELD(true),
    /** A value longer than its column allows ({@link CdrColumn#maxLength()}). */
    FIELD_TOO_LONG(true),
    /** A value outside its enumeration: direction, data_center, or an unknown Asterisk/FreeSWITCH status. */
    BAD_ENUM(true),
    /** Not an ISO-8601 instant with an offset or Z. */
    BAD_INSTANT(true),
    /** A phone number that is not E.164 ({@code +} then 8 to 15 digits), or a sip_status outside 100..699. */
    BAD_NUMBER(true),
    END_BEFORE_START(true),
    /** answer_time before start_time or after end_time. */
    ANSWER_OUTSIDE_CALL(true),
    /** Bytes that are not UTF-8, or a NUL character: the row is never rewritten into other text (issue 12). */
    BAD_ENCODING(true),
    UNKNOWN_TRUNK(false),
    ACCOUNT_MISMATCH(false),
    NO_TRUNK(false),
    DUPLICATE_CONFLICT(false);

    private final boolean malformed;

    RejectReason(boolean malformed) {
        this.malformed = malformed;
    }

    public boolean isMalformed() {
        return malformed;
    }
}
