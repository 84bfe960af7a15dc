package com.trunkbill.cdr.model;

/**
 * Why an input CDR row was not accepted (SPEC §8, §9). The malformed ones ({@link #isMalformed()}: the SPEC's eight,
 * the four out-of-bounds codes of {@link CdrBounds} and BAD_ENCODING) are counted together in
 * {@code cdr_file.malformed} and in the reconciliation's {@code malformed} column.
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
    /** start_time before the trunk's created_at (issue 12: the trunk did not exist yet). */
    START_BEFORE_TRUNK(true),
    /** start_time more than {@code trunkbill.cdr.bounds.max-age} (default 90 days) before the ingestion instant. */
    START_TOO_OLD(true),
    /** end_time - start_time over {@code trunkbill.cdr.bounds.max-duration} (default 7 days). */
    DURATION_TOO_LONG(true),
    /** end_time more than {@code trunkbill.cdr.bounds.future-tolerance} (default 1 day) after the ingestion instant. */
    END_IN_FUTURE(true),
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
