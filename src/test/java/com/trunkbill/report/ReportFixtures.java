package com.trunkbill.report;

import com.trunkbill.support.CdrKey;
import org.jooq.DSLContext;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

import static com.trunkbill.db.jooq.Tables.ACCOUNT;
import static com.trunkbill.db.jooq.Tables.CDR;
import static com.trunkbill.db.jooq.Tables.CDR_FILE;
import static com.trunkbill.db.jooq.Tables.CHANNEL_PLAN_RATE;
import static com.trunkbill.db.jooq.Tables.INVOICE;
import static com.trunkbill.db.jooq.Tables.INVOICE_LINE;
import static com.trunkbill.db.jooq.Tables.RATED_CDR;
import static com.trunkbill.db.jooq.Tables.RATE_TABLE_VERSION;
import static com.trunkbill.db.jooq.Tables.RATING_RUN;
import static com.trunkbill.db.jooq.Tables.TRUNK;
import static com.trunkbill.db.jooq.Tables.TRUNK_STATE;

/**
 * Inserts report fixtures straight into the schema (the import, rating and invoicing jobs are other features):
 * {@code fixtures.trunk("TRK-1").account("ACC-1").channels(2).insert()}, {@code fixtures.cdr("c1").file(f)...}.
 */
final class ReportFixtures {

    private final DSLContext db;
    private long nextLine = 1;

    ReportFixtures(DSLContext db) {
        this.db = db;
    }

    static Instant at(String instant) {
        return Instant.parse(instant);
    }

    void account(String accountId, String name) {
        db.insertInto(ACCOUNT).set(ACCOUNT.ACCOUNT_ID, accountId).set(ACCOUNT.NAME, name)
                .set(ACCOUNT.CURRENCY, "USD").set(ACCOUNT.COUNTRY, "US").set(ACCOUNT.PRICE_LIST, "STANDARD")
                .set(ACCOUNT.SNAPSHOT_ID, 1L).execute();
    }

    TrunkBuilder trunk(String trunkId) {
        return new TrunkBuilder(trunkId);
    }

    final class TrunkBuilder {
        private final String trunkId;
        private String accountId = "ACC-1";
        private String name;
        private String type = "STATIC";
        private String dataCenter = "NEW_YORK";
        private int channels = 2;
        private String plan = "METERED";
        private Instant createdAt = at("2026-01-01T00:00:00Z");
        private Instant deletedAt;

        private TrunkBuilder(String trunkId) {
            this.trunkId = trunkId;
            this.name = "Trunk " + trunkId;
        }

        TrunkBuilder account(String value) { accountId = value; return this; }
        TrunkBuilder name(String value) { name = value; return this; }
        TrunkBuilder freshworks() { type = "FRESHWORKS"; return this; }
        TrunkBuilder dataCenter(String value) { dataCenter = value; return this; }
        TrunkBuilder channels(int value) { channels = value; return this; }
        TrunkBuilder unlimitedUs() { plan = "UNLIMITED_US"; return this; }
        TrunkBuilder createdAt(String value) { createdAt = at(value); return this; }
        TrunkBuilder deletedAt(String value) { deletedAt = at(value); return this; }

        void insert() {
            db.insertInto(TRUNK).set(TRUNK.TRUNK_ID, trunkId).set(TRUNK.ACCOUNT_ID, accountId).set(TRUNK.NAME, name)
                    .set(TRUNK.TRUNK_TYPE, type).set(TRUNK.DATA_CENTER, dataCenter)
                    .set(TRUNK.CREATED_AT, createdAt).set(TRUNK.DELETED_AT, deletedAt)
                    .set(TRUNK.MISSING_PPU, false).set(TRUNK.SNAPSHOT_ID, 1L).execute();
            db.insertInto(TRUNK_STATE).set(TRUNK_STATE.TRUNK_ID, trunkId).set(TRUNK_STATE.EFFECTIVE_FROM, createdAt)
                    .set(TRUNK_STATE.CHANNELS, channels).set(TRUNK_STATE.CHANNEL_PLAN, plan)
                    .set(TRUNK_STATE.ADMIN_STATUS, "ENABLED").set(TRUNK_STATE.ACTION_STATUS, "SUCCESS")
                    .set(TRUNK_STATE.SNAPSHOT_ID, 1L).execute();
        }
    }

    /** A later snapshot's state of a trunk (channels change at {@code from}). */
    void trunkState(String trunkId, String from, int channels, String plan) {
        db.insertInto(TRUNK_STATE).set(TRUNK_STATE.TRUNK_ID, trunkId).set(TRUNK_STATE.EFFECTIVE_FROM, at(from))
                .set(TRUNK_STATE.CHANNELS, channels).set(TRUNK_STATE.CHANNEL_PLAN, plan)
                .set(TRUNK_STATE.ADMIN_STATUS, "ENABLED").set(TRUNK_STATE.ACTION_STATUS, "SUCCESS")
                .set(TRUNK_STATE.SNAPSHOT_ID, 2L).execute();
    }

    /**
     * An ingested file with its import-time counters; {@code read} is the rows read, accepted ones included.
     *
     * @return its file_id
     */
    long file(String name, String ingestedAt, long read, long accepted, long duplicates, long unknownTrunk,
              long accountMismatch, long noTrunk, long duplicateConflict, long malformed) {
        return db.insertInto(CDR_FILE).set(CDR_FILE.FILE_NAME, name).set(CDR_FILE.CONTENT_HASH, "hash-" + name)
                .set(CDR_FILE.FORMAT, "CSV").set(CDR_FILE.INGESTED_AT, at(ingestedAt)).set(CDR_FILE.READ_COUNT, read)
                .set(CDR_FILE.ACCEPTED, accepted).set(CDR_FILE.DUPLICATES, duplicates)
                .set(CDR_FILE.UNKNOWN_TRUNK, unknownTrunk).set(CDR_FILE.ACCOUNT_MISMATCH, accountMismatch)
                .set(CDR_FILE.NO_TRUNK, noTrunk).set(CDR_FILE.DUPLICATE_CONFLICT, duplicateConflict)
                .set(CDR_FILE.MALFORMED, malformed)
                .returningResult(CDR_FILE.FILE_ID).fetchOne().value1();
    }

    CdrBuilder cdr(String cdrId) {
        return new CdrBuilder(cdrId);
    }

    final class CdrBuilder {
        private final String cdrId;
        private long fileId;
        private String trunkId;
        private String accountId = "ACC-1";
        private boolean freshworksOutbound;
        private String direction = "OUTBOUND";
        private String callee = "+12125550100";
        private Instant start;
        private Instant answer;
        private Instant end;
        private int sipStatus = 200;
        private String disconnectReason;

        private CdrBuilder(String cdrId) {
            this.cdrId = cdrId;
        }

        CdrBuilder file(long value) { fileId = value; return this; }
        CdrBuilder trunk(String value) { trunkId = value; return this; }
        CdrBuilder account(String value) { accountId = value; return this; }
        CdrBuilder freshworksOutbound() { freshworksOutbound = true; return this; }
        CdrBuilder inbound() { direction = "INBOUND"; return this; }
        CdrBuilder callee(String value) { callee = value; return this; }

        /** An answered call (status 200), answered at its start. */
        CdrBuilder answered(String from, String to) {
            start = at(from);
            answer = start;
            end = at(to);
            sipStatus = 200;
            return this;
        }

        CdrBuilder unanswered(String from, String to, int status) {
            start = at(from);
            answer = null;
            end = at(to);
            sipStatus = status;
            return this;
        }

        CdrBuilder channelLimitRefusal(String when) {
            unanswered(when, when, 503);
            disconnectReason = "CHANNEL_LIMIT";
            return this;
        }

        String period() {
            LocalDate day = LocalDate.ofInstant(start, ZoneOffset.UTC);
            return day.toString().substring(0, 7);
        }

        String insert() {
            long line = nextLine++;
            db.insertInto(CDR).set(CDR.CDR_KEY, CdrKey.of(fileId, line)).set(CDR.CDR_ID, cdrId)
                    .set(CDR.FILE_ID, fileId).set(CDR.LINE_NO, line)
                    .set(CDR.CALL_ID, "call-" + cdrId).set(CDR.TRUNK_ID, trunkId)
                    .set(CDR.CDR_TRUNK_ID, freshworksOutbound ? null : trunkId)
                    .set(CDR.FRESHWORKS_OUTBOUND, freshworksOutbound).set(CDR.ACCOUNT_ID, accountId)
                    .set(CDR.DATA_CENTER, "NEW_YORK").set(CDR.SOURCE, freshworksOutbound ? "FRESHWORKS" : "SBC")
                    .set(CDR.DIRECTION, direction).set(CDR.CALLER, "+12125550199").set(CDR.CALLEE, callee)
                    .set(CDR.START_TIME, start).set(CDR.ANSWER_TIME, answer).set(CDR.END_TIME, end)
                    .set(CDR.SIP_STATUS, sipStatus).set(CDR.DISCONNECT_REASON, disconnectReason)
                    .set(CDR.CODEC, "PCMU").set(CDR.PERIOD, period()).set(CDR.CONTENT_HASH, "h-" + cdrId).execute();
            return cdrId;
        }
    }

    long ratingRun() {
        return db.insertInto(RATING_RUN).set(RATING_RUN.STARTED_AT, at("2026-11-01T02:00:00Z"))
                .returningResult(RATING_RUN.RUN_ID).fetchOne().value1();
    }

    /**
     * A rating of a CDR (copying trunk, account, period and direction from {@code cdr}).
     *
     * @param status   RATED or NO_RATE
     * @param category null for NO_RATE
     */
    void rated(String cdrId, long runId, boolean current, String status, String category, String destination,
               long durationS, long billedS, String cost, String anomalies) {
        var cdr = db.selectFrom(CDR).where(CDR.CDR_ID.eq(cdrId)).fetchSingle();
        boolean billable = cdr.getAnswerTime() != null && cdr.getSipStatus() == 200;
        db.insertInto(RATED_CDR).set(RATED_CDR.CDR_KEY, cdr.getCdrKey()).set(RATED_CDR.CDR_ID, cdrId)
                .set(RATED_CDR.RUN_ID, runId)
                .set(RATED_CDR.IS_CURRENT, current).set(RATED_CDR.STATUS, status)
                .set(RATED_CDR.TRUNK_ID, cdr.getTrunkId()).set(RATED_CDR.ACCOUNT_ID, cdr.getAccountId())
                .set(RATED_CDR.PERIOD, cdr.getPeriod()).set(RATED_CDR.DIRECTION, cdr.getDirection())
                .set(RATED_CDR.CATEGORY, category).set(RATED_CDR.DESTINATION, destination)
                .set(RATED_CDR.CURRENCY, "RATED".equals(status) ? "USD" : null)
                .set(RATED_CDR.FIRST_INCREMENT_S, 6).set(RATED_CDR.NEXT_INCREMENT_S, 6)
                .set(RATED_CDR.BILLABLE, billable).set(RATED_CDR.DURATION_S, durationS)
                .set(RATED_CDR.BILLED_S, billedS).set(RATED_CDR.COST, new BigDecimal(cost))
                .set(RATED_CDR.ANOMALIES, anomalies).execute();
    }

    void channelPlan(String priceList, String plan, String pricePerChannelMonth, String fairUseMinutes,
                     String overageRate) {
        Long version = db.select(RATE_TABLE_VERSION.VERSION_ID).from(RATE_TABLE_VERSION)
                .where(RATE_TABLE_VERSION.TABLE_NAME.eq("CHANNEL_PLANS")).fetchOne(0, Long.class);
        if (version == null) {
            version = db.insertInto(RATE_TABLE_VERSION).set(RATE_TABLE_VERSION.TABLE_NAME, "CHANNEL_PLANS")
                    .set(RATE_TABLE_VERSION.SOURCE_FILE, "channel-plans.csv")
                    .set(RATE_TABLE_VERSION.CONTENT_HASH, "plans").set(RATE_TABLE_VERSION.ROW_COUNT, 2)
                    .set(RATE_TABLE_VERSION.IMPORTED_AT, at("2026-01-01T00:00:00Z"))
                    .returningResult(RATE_TABLE_VERSION.VERSION_ID).fetchOne().value1();
        }
        int rowId = db.fetchCount(CHANNEL_PLAN_RATE) + 1;
        db.insertInto(CHANNEL_PLAN_RATE).set(CHANNEL_PLAN_RATE.VERSION_ID, version)
                .set(CHANNEL_PLAN_RATE.ROW_ID, (long) rowId).set(CHANNEL_PLAN_RATE.PRICE_LIST, priceList)
                .set(CHANNEL_PLAN_RATE.PLAN, plan)
                .set(CHANNEL_PLAN_RATE.PRICE_PER_CHANNEL_MONTH, new BigDecimal(pricePerChannelMonth))
                .set(CHANNEL_PLAN_RATE.CURRENCY, "USD")
                .set(CHANNEL_PLAN_RATE.FAIR_USE_MINUTES_PER_CHANNEL, fairUseMinutes == null ? null
                        : new BigDecimal(fairUseMinutes))
                .set(CHANNEL_PLAN_RATE.OVERAGE_RATE_PER_MINUTE, overageRate == null ? null
                        : new BigDecimal(overageRate))
                .set(CHANNEL_PLAN_RATE.EFFECTIVE_FROM, LocalDate.parse("2026-01-01")).execute();
    }

    void invoice(String invoiceId, String accountId, String period, String status, String subtotal,
                 String taxTotal, String total) {
        db.insertInto(INVOICE).set(INVOICE.INVOICE_ID, invoiceId).set(INVOICE.ACCOUNT_ID, accountId)
                .set(INVOICE.PERIOD, period).set(INVOICE.CURRENCY, "USD").set(INVOICE.STATUS, status)
                .set(INVOICE.SUBTOTAL, new BigDecimal(subtotal)).set(INVOICE.TAX_TOTAL, new BigDecimal(taxTotal))
                .set(INVOICE.TOTAL, new BigDecimal(total)).set(INVOICE.CREATED_AT, at("2026-11-01T03:00:00Z"))
                .execute();
    }

    void trunkLine(String invoiceId, int lineNo, String kind, String trunkId, String amount) {
        db.insertInto(INVOICE_LINE).set(INVOICE_LINE.INVOICE_ID, invoiceId).set(INVOICE_LINE.LINE_NO, lineNo)
                .set(INVOICE_LINE.KIND, kind).set(INVOICE_LINE.TRUNK_ID, trunkId)
                .set(INVOICE_LINE.AMOUNT, new BigDecimal(amount)).set(INVOICE_LINE.CURRENCY, "USD").execute();
    }

    void taxLine(String invoiceId, int lineNo, String taxCode, String jurisdiction, String base, String amount) {
        db.insertInto(INVOICE_LINE).set(INVOICE_LINE.INVOICE_ID, invoiceId).set(INVOICE_LINE.LINE_NO, lineNo)
                .set(INVOICE_LINE.KIND, "TAX").set(INVOICE_LINE.TAX_CODE, taxCode)
                .set(INVOICE_LINE.JURISDICTION, jurisdiction).set(INVOICE_LINE.TAX_BASE, new BigDecimal(base))
                .set(INVOICE_LINE.AMOUNT, new BigDecimal(amount)).set(INVOICE_LINE.CURRENCY, "USD").execute();
    }
}
