package com.trunkbill.cdr.model;

import com.trunkbill.inventory.model.DataCenter;
import com.trunkbill.ratetable.model.Direction;

import java.time.Instant;
import java.util.Locale;

import static com.trunkbill.cdr.model.CdrColumn.ACCOUNT_ID;
import static com.trunkbill.cdr.model.CdrColumn.ANSWER_TIME;
import static com.trunkbill.cdr.model.CdrColumn.CALLEE;
import static com.trunkbill.cdr.model.CdrColumn.CALLER;
import static com.trunkbill.cdr.model.CdrColumn.CALL_ID;
import static com.trunkbill.cdr.model.CdrColumn.CDR_ID;
import static com.trunkbill.cdr.model.CdrColumn.CODEC;
import static com.trunkbill.cdr.model.CdrColumn.DATA_CENTER;
import static com.trunkbill.cdr.model.CdrColumn.DIRECTION;
import static com.trunkbill.cdr.model.CdrColumn.DISCONNECT_REASON;
import static com.trunkbill.cdr.model.CdrColumn.END_TIME;
import static com.trunkbill.cdr.model.CdrColumn.SIP_STATUS;
import static com.trunkbill.cdr.model.CdrColumn.SOURCE;
import static com.trunkbill.cdr.model.CdrColumn.START_TIME;
import static com.trunkbill.cdr.model.CdrColumn.TRUNK_ID;

/**
 * Validates one CDR row (SPEC §3.3, §8, §9). The checks run in this order and the first failure is the
 * row's reason: record width ({@code MALFORMED_ROW}), required values ({@code MISSING_FIELD}: cdr_id,
 * direction, callee, start_time, end_time, sip_status, and account_id + data_center for Freshworks outbound
 * traffic without trunk_id),
 * lengths ({@code FIELD_TOO_LONG}), enumerations ({@code BAD_ENUM}: direction, data_center, case-insensitive),
 * instants ({@code BAD_INSTANT}), numbers ({@code BAD_NUMBER}: callee, caller when given, sip_status), then
 * chronology ({@code END_BEFORE_START}, {@code ANSWER_OUTSIDE_CALL}). caller is optional (withheld caller
 * ids exist); when given it must be E.164.
 */
public final class CdrValidator {

    private final ContentHash contentHash = new ContentHash();

    /** The outcome: exactly one of {@code cdr} and {@code rejection} is set. */
    public record Result(Cdr cdr, Rejection rejection) {
        public boolean isValid() {
            return cdr != null;
        }
    }

    public Result validate(CdrRow row) {
        if (row.mappingReject() != null) {
            return new Result(null, row.mappingReject());
        }
        if (row.wrongWidth()) {
            return reject(RejectReason.MALFORMED_ROW, "line " + row.lineNo() + ": " + row.raw().length
                    + " fields, not the header's width");
        }
        for (CdrColumn column : new CdrColumn[] {CDR_ID, DIRECTION, CALLEE, START_TIME, END_TIME, SIP_STATUS}) {
            if (row.get(column) == null) {
                return missing(column, "");
            }
        }
        if (row.get(TRUNK_ID) == null && isFreshworksOutbound(row)) {
            // SPEC §3.3: Freshworks outbound traffic carries no trunk_id, "then account_id and data_center are
            // set". An empty trunk_id of any other traffic is NO_TRUNK (SPEC §9), decided by TrunkAttribution.
            if (row.get(ACCOUNT_ID) == null) {
                return missing(ACCOUNT_ID, " (required for Freshworks outbound traffic without trunk_id)");
            }
            if (row.get(DATA_CENTER) == null) {
                return missing(DATA_CENTER, " (required for Freshworks outbound traffic without trunk_id)");
            }
        }
        for (CdrColumn column : CdrColumn.values()) {
            String value = row.get(column);
            if (column.maxLength() > 0 && value != null && value.length() > column.maxLength()) {
                return reject(RejectReason.FIELD_TOO_LONG, column.header() + " has " + value.length()
                        + " characters, at most " + column.maxLength() + " allowed");
            }
        }
        Direction direction = direction(row.get(DIRECTION));
        if (direction == null) {
            return reject(RejectReason.BAD_ENUM, "direction '" + row.get(DIRECTION) + "' is not INBOUND or OUTBOUND");
        }
        DataCenter dataCenter = null;
        if (row.get(DATA_CENTER) != null) {
            dataCenter = dataCenter(row.get(DATA_CENTER));
            if (dataCenter == null) {
                return reject(RejectReason.BAD_ENUM, "data_center '" + row.get(DATA_CENTER) + "' is not a known data center");
            }
        }
        Instant start = FastInstantParser.parseOrNull(row.get(START_TIME));
        if (start == null) {
            return badInstant(START_TIME, row);
        }
        Instant answer = null;
        if (row.get(ANSWER_TIME) != null) {
            answer = FastInstantParser.parseOrNull(row.get(ANSWER_TIME));
            if (answer == null) {
                return badInstant(ANSWER_TIME, row);
            }
        }
        Instant end = FastInstantParser.parseOrNull(row.get(END_TIME));
        if (end == null) {
            return badInstant(END_TIME, row);
        }
        if (!isE164(row.get(CALLEE))) {
            return reject(RejectReason.BAD_NUMBER, "callee '" + row.get(CALLEE) + "' is not E.164 (+ then 8 to 15 digits)");
        }
        if (row.get(CALLER) != null && !isE164(row.get(CALLER))) {
            return reject(RejectReason.BAD_NUMBER, "caller '" + row.get(CALLER) + "' is not E.164 (+ then 8 to 15 digits)");
        }
        int sipStatus = sipStatus(row.get(SIP_STATUS));
        if (sipStatus < 0) {
            return reject(RejectReason.BAD_NUMBER, "sip_status '" + row.get(SIP_STATUS) + "' is not a SIP response code 100..699");
        }
        if (end.isBefore(start)) {
            return reject(RejectReason.END_BEFORE_START, "end_time " + end + " is before start_time " + start);
        }
        if (answer != null && (answer.isBefore(start) || answer.isAfter(end))) {
            return reject(RejectReason.ANSWER_OUTSIDE_CALL, "answer_time " + answer + " is outside [" + start + ", " + end + "]");
        }
        Cdr cdr = new Cdr(row.lineNo(), row.get(CDR_ID), row.get(CALL_ID), row.get(TRUNK_ID), row.get(ACCOUNT_ID),
                dataCenter, row.get(SOURCE), direction, row.get(CALLER), row.get(CALLEE), start, answer, end,
                sipStatus, row.get(DISCONNECT_REASON), row.get(CODEC), contentHash.of(row.values()));
        return new Result(cdr, null);
    }

    private static boolean isFreshworksOutbound(CdrRow row) {
        return TrunkAttribution.FRESHWORKS_SOURCE.equalsIgnoreCase(row.get(SOURCE))
                && "OUTBOUND".equalsIgnoreCase(row.get(DIRECTION));
    }

    /** SPEC §3: {@code +} then 8 to 15 digits. */
    public static boolean isE164(String number) {
        if (number == null || number.length() < 9 || number.length() > 16 || number.charAt(0) != '+') {
            return false;
        }
        for (int i = 1; i < number.length(); i++) {
            char c = number.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    private static Direction direction(String text) {
        if (text.equalsIgnoreCase("OUTBOUND")) {
            return Direction.OUTBOUND;
        }
        if (text.equalsIgnoreCase("INBOUND")) {
            return Direction.INBOUND;
        }
        return null;
    }

    private static DataCenter dataCenter(String text) {
        try {
            return DataCenter.valueOf(text.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static int sipStatus(String text) {
        if (text.length() != 3) {
            return -1;
        }
        int value = 0;
        for (int i = 0; i < 3; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value >= 100 && value <= 699 ? value : -1;
    }

    private static Result missing(CdrColumn column, String why) {
        return reject(RejectReason.MISSING_FIELD, column.header() + " is empty" + why);
    }

    private static Result badInstant(CdrColumn column, CdrRow row) {
        return reject(RejectReason.BAD_INSTANT, column.header() + " '" + row.get(column)
                + "' is not an ISO-8601 instant with an offset or Z");
    }

    private static Result reject(RejectReason reason, String detail) {
        return new Result(null, new Rejection(reason, detail));
    }
}
