package com.trunkbill.rating;

import com.trunkbill.cdr.model.CdrIdFingerprint;
import com.trunkbill.db.jooq.tables.records.CdrRecord;
import com.trunkbill.db.jooq.tables.records.RateRecord;
import com.trunkbill.inventory.model.ActionStatus;
import com.trunkbill.inventory.model.AdminStatus;
import com.trunkbill.inventory.model.ChannelPlan;
import com.trunkbill.inventory.model.TrunkType;
import com.trunkbill.ratetable.model.Direction;
import com.trunkbill.ratetable.model.RateTable;
import com.trunkbill.support.BillingPeriod;
import com.trunkbill.support.CdrKey;
import org.jooq.DSLContext;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import static com.trunkbill.db.jooq.Tables.ACCOUNT;
import static com.trunkbill.db.jooq.Tables.CDR;
import static com.trunkbill.db.jooq.Tables.RATE;
import static com.trunkbill.db.jooq.Tables.RATE_TABLE_VERSION;
import static com.trunkbill.db.jooq.Tables.TRUNK;
import static com.trunkbill.db.jooq.Tables.TRUNK_STATE;

/**
 * Database fixtures for rating tests, written straight with jOOQ: accounts, trunks with their states, rate
 * table versions and accepted CDRs (import is another feature's job).
 */
final class RatingFixtures {

    static final Instant CREATED = Instant.parse("2026-01-01T00:00:00Z");
    private static final long SNAPSHOT = 1;

    private final DSLContext db;
    /**
     * Line numbers of the CDRs made so far, all of file 1, over every fixture (a database may get CDRs from more
     * than one): their keys are unique and in the order the CDRs are made.
     */
    private static final AtomicLong LINES = new AtomicLong();

    RatingFixtures(DSLContext db) {
        this.db = db;
    }

    void account(String accountId, String priceList, String currency) {
        db.insertInto(ACCOUNT)
                .set(ACCOUNT.ACCOUNT_ID, accountId)
                .set(ACCOUNT.NAME, accountId + " Ltd")
                .set(ACCOUNT.CURRENCY, currency)
                .set(ACCOUNT.COUNTRY, "US")
                .set(ACCOUNT.PRICE_LIST, priceList)
                .set(ACCOUNT.SNAPSHOT_ID, SNAPSHOT)
                .execute();
    }

    TrunkBuilder trunk(String trunkId, String accountId) {
        return new TrunkBuilder(trunkId, accountId);
    }

    RatesBuilder rates() {
        return new RatesBuilder();
    }

    /** An answered call ({@code millis} long after an instant answer) or, with status != 200, an unanswered one. */
    CdrRecord cdr(String cdrId, String trunkId, String accountId, Direction direction, String callee, String start,
                  long millis, int sipStatus) {
        Instant startTime = Instant.parse(start);
        long line = LINES.incrementAndGet();
        return new CdrRecord(cdrId, 1L, line, "call-" + cdrId, trunkId, trunkId, false, accountId, "NEW_YORK", "SBC",
                direction.name(), "+15550000000", callee, startTime, sipStatus == 200 ? startTime : null,
                startTime.plusMillis(millis), sipStatus, sipStatus == 503 ? "CHANNEL_LIMIT" : null, "PCMU",
                BillingPeriod.of(startTime).toString(), "hash-" + cdrId, CdrKey.of(1, line),
                CdrIdFingerprint.of(cdrId));
    }

    /** Inserts CDRs with multi-row statements of 500 rows. */
    void insert(List<CdrRecord> cdrs) {
        for (int from = 0; from < cdrs.size(); from += 500) {
            var insert = db.insertInto(CDR).columns(CDR.fields());
            for (CdrRecord cdr : cdrs.subList(from, Math.min(cdrs.size(), from + 500))) {
                insert = insert.values(cdr.intoList());
            }
            insert.execute();
        }
    }

    void insert(CdrRecord... cdrs) {
        insert(List.of(cdrs));
    }

    final class TrunkBuilder {
        private final String trunkId;
        private final String accountId;
        private TrunkType type = TrunkType.STATIC;
        private ChannelPlan plan = ChannelPlan.METERED;
        private AdminStatus admin = AdminStatus.ENABLED;
        private ActionStatus action = ActionStatus.SUCCESS;
        private Instant deletedAt;

        private TrunkBuilder(String trunkId, String accountId) {
            this.trunkId = trunkId;
            this.accountId = accountId;
        }

        TrunkBuilder type(TrunkType value) {
            type = value;
            return this;
        }

        TrunkBuilder plan(ChannelPlan value) {
            plan = value;
            return this;
        }

        TrunkBuilder admin(AdminStatus value) {
            admin = value;
            return this;
        }

        TrunkBuilder deletedAt(String value) {
            deletedAt = Instant.parse(value);
            return this;
        }

        void insert() {
            db.insertInto(TRUNK)
                    .set(TRUNK.TRUNK_ID, trunkId)
                    .set(TRUNK.ACCOUNT_ID, accountId)
                    .set(TRUNK.NAME, "trunk " + trunkId)
                    .set(TRUNK.TRUNK_TYPE, type.name())
                    .set(TRUNK.DATA_CENTER, "NEW_YORK")
                    .set(TRUNK.CREATED_AT, CREATED)
                    .set(TRUNK.DELETED_AT, deletedAt)
                    .set(TRUNK.MISSING_PPU, false)
                    .set(TRUNK.SNAPSHOT_ID, SNAPSHOT)
                    .execute();
            db.insertInto(TRUNK_STATE)
                    .set(TRUNK_STATE.TRUNK_ID, trunkId)
                    .set(TRUNK_STATE.EFFECTIVE_FROM, CREATED)
                    .set(TRUNK_STATE.CHANNELS, 10)
                    .set(TRUNK_STATE.CHANNEL_PLAN, plan.name())
                    .set(TRUNK_STATE.ADMIN_STATUS, admin.name())
                    .set(TRUNK_STATE.ACTION_STATUS, action.name())
                    .set(TRUNK_STATE.SNAPSHOT_ID, SNAPSHOT)
                    .execute();
        }
    }

    /** A new version of the RATES table (it becomes the active one). */
    final class RatesBuilder {
        private final List<RateRecord> rows = new ArrayList<>();

        RatesBuilder row(String priceList, Direction direction, String prefix, String destination, String perMinute,
                         String currency, int first, int next, String connectFee, String from, String to) {
            RateRecord row = new RateRecord(null, (long) rows.size() + 1, priceList, direction.name(), prefix,
                    destination, new BigDecimal(perMinute), currency, first, next, new BigDecimal(connectFee),
                    from == null ? null : LocalDate.parse(from), to == null ? null : LocalDate.parse(to));
            rows.add(row);
            return this;
        }

        RatesBuilder outbound(String prefix, String destination, String perMinute, int first, int next, String fee) {
            return row("STANDARD", Direction.OUTBOUND, prefix, destination, perMinute, "USD", first, next, fee,
                    null, null);
        }

        long insert() {
            long version = db.insertInto(RATE_TABLE_VERSION)
                    .set(RATE_TABLE_VERSION.TABLE_NAME, RateTable.RATES.name())
                    .set(RATE_TABLE_VERSION.SOURCE_FILE, "rates.csv")
                    .set(RATE_TABLE_VERSION.CONTENT_HASH, "hash-" + System.nanoTime())
                    .set(RATE_TABLE_VERSION.ROW_COUNT, rows.size())
                    .set(RATE_TABLE_VERSION.IMPORTED_AT, Instant.now())
                    .returning(RATE_TABLE_VERSION.VERSION_ID)
                    .fetchSingle()
                    .getVersionId();
            for (RateRecord row : rows) {
                row.setVersionId(version);
                db.insertInto(RATE).set(row).execute();
            }
            return version;
        }
    }
}
