package com.trunkbill.cdr.model;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static com.trunkbill.cdr.model.CdrColumn.ANSWER_TIME;
import static com.trunkbill.cdr.model.CdrColumn.CALLEE;
import static com.trunkbill.cdr.model.CdrColumn.CALLER;
import static com.trunkbill.cdr.model.CdrColumn.CALL_ID;
import static com.trunkbill.cdr.model.CdrColumn.CDR_ID;
import static com.trunkbill.cdr.model.CdrColumn.DIRECTION;
import static com.trunkbill.cdr.model.CdrColumn.DISCONNECT_REASON;
import static com.trunkbill.cdr.model.CdrColumn.END_TIME;
import static com.trunkbill.cdr.model.CdrColumn.SIP_STATUS;
import static com.trunkbill.cdr.model.CdrColumn.START_TIME;

/**
 * Asterisk {@code cdr_csv} ({@code Master.csv}: no header, 18 columns with {@code loguniqueid} and
 * {@code loguserfield} on). Mapping: cdr_id and call_id = uniqueid; trunk_id = the configured column
 * (default accountcode); account_id empty (taken from the trunk); direction from dcontext; caller = src;
 * callee = dst; start/answer/end = start/answer/end (local times; answer empty = unanswered);
 * sip_status from disposition (ANSWERED 200, NO ANSWER 480, BUSY 486, FAILED 500, CONGESTION 503);
 * disconnect_reason = disposition; codec empty (Master.csv has none). duration and billsec are ignored:
 * billing recomputes them from the instants (SPEC §4.1).
 */
public final class AsteriskCdrMapping extends ForeignCdrMapping {

    public static final List<String> COLUMNS = List.of("accountcode", "src", "dst", "dcontext", "clid", "channel",
            "dstchannel", "lastapp", "lastdata", "start", "answer", "end", "duration", "billsec", "disposition",
            "amaflags", "uniqueid", "userfield");

    static final Map<String, Integer> DISPOSITIONS = new LinkedHashMap<>();

    static {
        DISPOSITIONS.put("ANSWERED", 200);
        DISPOSITIONS.put("NO ANSWER", 480);
        DISPOSITIONS.put("BUSY", 486);
        DISPOSITIONS.put("FAILED", 500);
        DISPOSITIONS.put("CONGESTION", 503);
    }

    public AsteriskCdrMapping(ForeignFormatSettings settings) {
        super("asterisk", COLUMNS, settings);
    }

    @Override
    protected Rejection mapFields(String[] f, String[] canonical) {
        put(canonical, CDR_ID, f[16]);
        put(canonical, CALL_ID, f[16]);
        put(canonical, DIRECTION, direction(f[3]));
        put(canonical, CALLER, callerOrNull(f[1]));
        put(canonical, CALLEE, normaliseNumber(f[2]));
        put(canonical, START_TIME, instant(f[9]));
        put(canonical, ANSWER_TIME, instant(f[10]));
        put(canonical, END_TIME, instant(f[11]));
        put(canonical, DISCONNECT_REASON, f[14]);
        if (f[14] == null) {
            return null; // MISSING_FIELD sip_status
        }
        Integer status = DISPOSITIONS.get(f[14].toUpperCase(Locale.ROOT));
        if (status == null) {
            return unknownStatus("disposition", f[14], DISPOSITIONS);
        }
        put(canonical, SIP_STATUS, String.valueOf(status));
        return null;
    }
}
