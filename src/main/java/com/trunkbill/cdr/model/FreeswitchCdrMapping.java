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
import static com.trunkbill.cdr.model.CdrColumn.CODEC;
import static com.trunkbill.cdr.model.CdrColumn.DIRECTION;
import static com.trunkbill.cdr.model.CdrColumn.DISCONNECT_REASON;
import static com.trunkbill.cdr.model.CdrColumn.END_TIME;
import static com.trunkbill.cdr.model.CdrColumn.SIP_STATUS;
import static com.trunkbill.cdr.model.CdrColumn.START_TIME;

/**
 * FreeSWITCH {@code mod_cdr_csv} with its default {@code example} template (no header, 15 columns).
 * Mapping: cdr_id and call_id = uuid; trunk_id = the configured column (default accountcode); direction from
 * context; caller = caller_id_number; callee = destination_number; start/answer/end = start_stamp /
 * answer_stamp / end_stamp (local times); codec = read_codec; disconnect_reason = hangup_cause.
 * sip_status: 200 when answered (answer_stamp set), else from hangup_cause by the Q.850 → SIP table of
 * RFC 3398 as FreeSWITCH applies it (USER_BUSY 486, NO_ANSWER 480, ...); an unknown cause is {@code BAD_ENUM}.
 */
public final class FreeswitchCdrMapping extends ForeignCdrMapping {

    public static final List<String> COLUMNS = List.of("caller_id_name", "caller_id_number", "destination_number",
            "context", "start_stamp", "answer_stamp", "end_stamp", "duration", "billsec", "hangup_cause", "uuid",
            "bleg_uuid", "accountcode", "read_codec", "write_codec");

    static final Map<String, Integer> UNANSWERED_CAUSES = new LinkedHashMap<>();

    static {
        UNANSWERED_CAUSES.put("NORMAL_CLEARING", 480);
        UNANSWERED_CAUSES.put("NO_ANSWER", 480);
        UNANSWERED_CAUSES.put("NO_USER_RESPONSE", 408);
        UNANSWERED_CAUSES.put("USER_BUSY", 486);
        UNANSWERED_CAUSES.put("ORIGINATOR_CANCEL", 487);
        UNANSWERED_CAUSES.put("CALL_REJECTED", 603);
        UNANSWERED_CAUSES.put("UNALLOCATED_NUMBER", 404);
        UNANSWERED_CAUSES.put("NO_ROUTE_DESTINATION", 404);
        UNANSWERED_CAUSES.put("INVALID_NUMBER_FORMAT", 484);
        UNANSWERED_CAUSES.put("NORMAL_TEMPORARY_FAILURE", 503);
        UNANSWERED_CAUSES.put("SWITCH_CONGESTION", 503);
        UNANSWERED_CAUSES.put("NORMAL_CIRCUIT_CONGESTION", 503);
        UNANSWERED_CAUSES.put("DESTINATION_OUT_OF_ORDER", 502);
        UNANSWERED_CAUSES.put("RECOVERY_ON_TIMER_EXPIRE", 504);
        UNANSWERED_CAUSES.put("MEDIA_TIMEOUT", 408);
        UNANSWERED_CAUSES.put("INCOMPATIBLE_DESTINATION", 488);
        UNANSWERED_CAUSES.put("SERVICE_UNAVAILABLE", 503);
        UNANSWERED_CAUSES.put("LOSE_RACE", 500);
    }

    public FreeswitchCdrMapping(ForeignFormatSettings settings) {
        super("freeswitch", COLUMNS, settings);
    }

    @Override
    protected Rejection mapFields(String[] f, String[] canonical) {
        put(canonical, CDR_ID, f[10]);
        put(canonical, CALL_ID, f[10]);
        put(canonical, DIRECTION, direction(f[3]));
        put(canonical, CALLER, callerOrNull(f[1]));
        put(canonical, CALLEE, normaliseNumber(f[2]));
        put(canonical, START_TIME, instant(f[4]));
        put(canonical, ANSWER_TIME, instant(f[5]));
        put(canonical, END_TIME, instant(f[6]));
        put(canonical, DISCONNECT_REASON, f[9]);
        put(canonical, CODEC, f[13]);
        if (f[5] != null) {
            put(canonical, SIP_STATUS, "200");
            return null;
        }
        if (f[9] == null) {
            return null; // MISSING_FIELD sip_status
        }
        Integer status = UNANSWERED_CAUSES.get(f[9].toUpperCase(Locale.ROOT));
        if (status == null) {
            return unknownStatus("hangup_cause", f[9], UNANSWERED_CAUSES);
        }
        put(canonical, SIP_STATUS, String.valueOf(status));
        return null;
    }
}
