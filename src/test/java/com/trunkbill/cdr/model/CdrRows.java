package com.trunkbill.cdr.model;

import java.util.LinkedHashMap;
import java.util.Map;

/** Builds canonical rows for unit tests: a valid answered outbound call, with overrides by column name. */
final class CdrRows {

    private final Map<String, String> values = new LinkedHashMap<>();

    private CdrRows() {
        values.put("cdr_id", "cdr-1");
        values.put("call_id", "a84b4c76e66710@sbc-ny");
        values.put("trunk_id", "T1");
        values.put("account_id", "A1");
        values.put("data_center", "NEW_YORK");
        values.put("source", "SBC");
        values.put("direction", "OUTBOUND");
        values.put("caller", "+12125550100");
        values.put("callee", "+442079460123");
        values.put("start_time", "2026-10-05T14:00:00Z");
        values.put("answer_time", "2026-10-05T14:00:05Z");
        values.put("end_time", "2026-10-05T14:01:06Z");
        values.put("sip_status", "200");
        values.put("disconnect_reason", "NORMAL_CLEARING");
        values.put("codec", "PCMU");
    }

    static CdrRows aRow() {
        return new CdrRows();
    }

    CdrRows with(String column, String value) {
        if (!values.containsKey(column)) {
            throw new IllegalArgumentException(column);
        }
        values.put(column, value);
        return this;
    }

    CdrRow build() {
        String[] canonical = new String[CdrColumn.count()];
        for (CdrColumn column : CdrColumn.values()) {
            String value = values.get(column.header());
            canonical[column.ordinal()] = value == null || value.isBlank() ? null : value.trim();
        }
        return CdrRow.of(7, canonical, values.values().toArray(String[]::new));
    }

    Cdr valid() {
        CdrValidator.Result result = new CdrValidator().validate(build());
        if (!result.isValid()) {
            throw new AssertionError(result.rejection());
        }
        return result.cdr();
    }
}
