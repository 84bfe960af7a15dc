package com.trunkbill.cdr.model;

import java.util.Arrays;
import java.util.List;

/**
 * The canonical CDR columns of SPEC §3.3, in their documented order, with the longest text each accepts
 * ({@code FIELD_TOO_LONG} beyond it). The limits are the schema's column sizes (table {@code cdr}); phone
 * numbers and instants have their own syntax checks, so they carry no length limit here.
 */
public enum CdrColumn {
    CDR_ID("cdr_id", 64),
    CALL_ID("call_id", 256),
    TRUNK_ID("trunk_id", 64),
    ACCOUNT_ID("account_id", 64),
    DATA_CENTER("data_center", 0),
    SOURCE("source", 32),
    DIRECTION("direction", 0),
    CALLER("caller", 0),
    CALLEE("callee", 0),
    START_TIME("start_time", 0),
    ANSWER_TIME("answer_time", 0),
    END_TIME("end_time", 0),
    SIP_STATUS("sip_status", 0),
    DISCONNECT_REASON("disconnect_reason", 64),
    CODEC("codec", 32);

    /**
     * Columns a canonical file must have in its header, else it is refused whole: those whose value is
     * always required or decides attribution and billing. The others may be left out of the header
     * (then every row reads them as empty).
     */
    public static final List<CdrColumn> REQUIRED_IN_HEADER = List.of(CDR_ID, TRUNK_ID, DIRECTION, CALLEE,
            START_TIME, ANSWER_TIME, END_TIME, SIP_STATUS);

    private static final List<String> HEADERS = Arrays.stream(values()).map(CdrColumn::header).toList();

    private final String header;
    private final int maxLength;

    CdrColumn(String header, int maxLength) {
        this.header = header;
        this.maxLength = maxLength;
    }

    /** The header name, lower case. */
    public String header() {
        return header;
    }

    /** Longest accepted value in characters; 0 = checked by syntax instead. */
    public int maxLength() {
        return maxLength;
    }

    public static List<String> headers() {
        return HEADERS;
    }

    public static int count() {
        return HEADERS.size();
    }
}
