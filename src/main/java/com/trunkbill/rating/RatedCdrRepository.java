package com.trunkbill.rating;

import com.trunkbill.db.BulkRowWriter;
import com.trunkbill.db.jooq.Indexes;
import com.trunkbill.inventory.model.ChannelPlan;
import com.trunkbill.rating.model.AppliedRate;
import com.trunkbill.rating.model.Category;
import com.trunkbill.rating.model.Cdr;
import com.trunkbill.rating.model.RatedCdr;
import com.trunkbill.rating.model.RatingCandidate;
import com.trunkbill.rating.model.RatingOutcome;
import com.trunkbill.rating.model.RatingScope;
import com.trunkbill.rating.model.RatingStatus;
import com.trunkbill.ratetable.model.Direction;
import com.trunkbill.support.BillingPeriod;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Record1;
import org.jooq.ResultQuery;
import org.jooq.SQLDialect;
import org.jooq.SelectJoinStep;
import org.jooq.SelectSelectStep;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static com.trunkbill.db.jooq.Tables.CDR;
import static com.trunkbill.db.jooq.Tables.RATED_CDR;

/**
 * {@code rated_cdr}: every rating ever made of a CDR, one row per (cdr_key, run_id), where {@code cdr_key} is the
 * CDR's storage key (V57: in the order CDRs arrive). Exactly one row per rated CDR has {@code is_current = true};
 * a new rating flips the previous current row in the same transaction.
 * Invoicing and reporting read the current rows ({@code where is_current}); {@code status = 'RATED'} rows
 * carry the cost, {@code NO_RATE} rows are pending (cost 0).
 */
@Repository
public class RatedCdrRepository {

    /** The columns of a new rating, in the order {@link #insert} writes them. */
    private static final List<Field<?>> COLUMNS = List.of(RATED_CDR.CDR_KEY, RATED_CDR.CDR_ID, RATED_CDR.RUN_ID,
            RATED_CDR.IS_CURRENT, RATED_CDR.STATUS, RATED_CDR.TRUNK_ID, RATED_CDR.ACCOUNT_ID, RATED_CDR.PERIOD,
            RATED_CDR.DIRECTION, RATED_CDR.CATEGORY, RATED_CDR.DESTINATION, RATED_CDR.CHANNEL_PLAN,
            RATED_CDR.RATES_VERSION_ID, RATED_CDR.RATE_ID, RATED_CDR.RATE_PER_MINUTE, RATED_CDR.CURRENCY,
            RATED_CDR.FIRST_INCREMENT_S, RATED_CDR.NEXT_INCREMENT_S, RATED_CDR.CONNECT_FEE, RATED_CDR.BILLABLE,
            RATED_CDR.DURATION_S, RATED_CDR.BILLED_S, RATED_CDR.COST, RATED_CDR.ANOMALIES, RATED_CDR.RATING_ERROR);
    /** The columns of a stored rating, in the order {@link #storedRating} reads them. */
    private static final List<Field<?>> RATING_COLUMNS = List.of(RATED_CDR.CDR_ID, RATED_CDR.RUN_ID,
            RATED_CDR.TRUNK_ID, RATED_CDR.ACCOUNT_ID, RATED_CDR.PERIOD, RATED_CDR.DIRECTION, RATED_CDR.STATUS,
            RATED_CDR.CATEGORY, RATED_CDR.DESTINATION, RATED_CDR.CHANNEL_PLAN, RATED_CDR.RATES_VERSION_ID,
            RATED_CDR.RATE_ID, RATED_CDR.RATE_PER_MINUTE, RATED_CDR.CURRENCY, RATED_CDR.FIRST_INCREMENT_S,
            RATED_CDR.NEXT_INCREMENT_S, RATED_CDR.CONNECT_FEE, RATED_CDR.BILLABLE, RATED_CDR.DURATION_S,
            RATED_CDR.BILLED_S, RATED_CDR.COST, RATED_CDR.ANOMALIES, RATED_CDR.IS_CURRENT, RATED_CDR.CDR_KEY);
    /** A page without a period with at most this many candidates reads them by key, more by the page's range. */
    static final int FEW_CANDIDATES = 200;
    private static final String NOT_CURRENT = "update rated_cdr set is_current = false where cdr_key = ? and run_id = ?";

    private final DSLContext db;

    public RatedCdrRepository(DSLContext db) {
        this.db = db;
    }

    /** One stored rating with the run that made it and the key of its CDR. */
    public record StoredRating(long cdrKey, long runId, boolean current, RatedCdr rating) {
    }

    /** The key of one stored rating: its CDR's key and its run. */
    public record RatingKey(long cdrKey, long runId) {
    }

    /** A stored CDR with its key. */
    private record StoredCdr(long key, Cdr cdr) {
    }

    /**
     * One keyset page: the candidates it holds, the key of the last CDR it scanned (the next page starts after it;
     * null when the page is empty and the scan had not started) and whether it was the last page.
     */
    public record CandidatePage(List<RatingCandidate> candidates, Long lastScannedKey, boolean last) {
    }

    /**
     * The next {@code limit} CDRs of a scope (only those of {@code accounts}, one partition of the run; null =
     * every account) after the CDR whose key is {@code afterKey} (exclusive; null = from the start), in
     * {@code cdr_key} order, each with its current rating. Without a period, CDRs whose current rating is RATED are
     * left out of the candidates (only never-rated, pending NO_RATE and RATING_ERROR ones are rated again).
     * <p>
     * Two index range scans per page and no join: the page of {@code cdr} (its primary key, {@code cdr_pk}, or
     * {@code cdr_period_key_idx} for a period), then the current ratings of that key range (the primary key of
     * {@code rated_cdr}). (An anti-join "not yet rated" lets PostgreSQL pick a plan that reads all of rated_cdr for
     * every page; a 2,000-value IN list is no index lookup for H2.) Without a period the page is told apart by keys
     * and statuses first ({@link #pendingCandidates}).
     */
    public CandidatePage candidates(RatingScope scope, Collection<String> accounts, Long afterKey, int limit) {
        return candidates(scope, accounts, afterKey, limit, Set.of());
    }

    /**
     * As {@link #candidates(RatingScope, Collection, Long, int)}; without a period, CDRs whose current rating was
     * made by one of {@code staleIngestRuns} are candidates too ({@link RatingRunRepository#staleIngestRuns}).
     */
    public CandidatePage candidates(RatingScope scope, Collection<String> accounts, Long afterKey, int limit,
                                    Set<Long> staleIngestRuns) {
        if (!scope.isReRating()) {
            return pendingCandidates(accounts, afterKey, limit, staleIngestRuns);
        }
        List<StoredCdr> cdrs = fetchByPosition(cdrPage(scope, accounts, afterKey, limit), RatedCdrRepository::cdr);
        if (cdrs.isEmpty()) {
            return new CandidatePage(List.of(), afterKey, true);
        }
        long lastKey = cdrs.get(cdrs.size() - 1).key();
        Map<Long, StoredRating> current = pageRatings(scope, accounts, afterKey, lastKey);
        List<RatingCandidate> candidates = new ArrayList<>(cdrs.size());
        for (StoredCdr cdr : cdrs) {
            candidates.add(candidate(cdr, current.get(cdr.key())));
        }
        return new CandidatePage(candidates, lastKey, cdrs.size() < limit);
    }

    /**
     * A page of a run without a period, which rates only what is pending: never rated, NO_RATE, RATING_ERROR, or
     * rated at ingest with reference data that is no longer current. Most CDRs are none of these, so the page is
     * first told apart by keys and statuses alone (the page's cdr_keys, then the current run and status of that
     * key range), and only the candidates are read whole: by key when they are few, by the page's range as a
     * re-rating page is when they are many. The same two index range scans as a re-rating page, without moving
     * and mapping the whole rows of CDRs that are skipped.
     */
    private CandidatePage pendingCandidates(Collection<String> accounts, Long afterKey, int limit,
                                            Set<Long> staleIngestRuns) {
        List<Long> keys = keyPage(accounts, afterKey, limit).fetch(CDR.CDR_KEY);
        if (keys.isEmpty()) {
            return new CandidatePage(List.of(), afterKey, true);
        }
        long lastKey = keys.get(keys.size() - 1);
        boolean last = keys.size() < limit;
        Condition range = ratingRange(accounts, afterKey, lastKey);
        // cdr_key to whether its current rating is to be made again (absent: never rated)
        Map<Long, Boolean> pending = new HashMap<>();
        db.select(RATED_CDR.CDR_KEY, RATED_CDR.RUN_ID, RATED_CDR.STATUS).from(RATED_CDR)
                .where(range).and(RATED_CDR.IS_CURRENT.isTrue())
                .forEach(r -> pending.put(r.value1(),
                        !RatingStatus.RATED.name().equals(r.value3()) || staleIngestRuns.contains(r.value2())));
        List<Long> wanted = new ArrayList<>();
        Set<Long> wantedWithRating = new HashSet<>();
        for (Long key : keys) {
            Boolean again = pending.get(key);
            if (again == null) {
                wanted.add(key);
            } else if (again) {
                wanted.add(key);
                wantedWithRating.add(key);
            }
        }
        if (wanted.isEmpty()) {
            return new CandidatePage(List.of(), lastKey, last);
        }
        // by key when they are few, else by the page's range
        boolean few = wanted.size() <= FEW_CANDIDATES;
        Map<Long, StoredCdr> cdrs = new HashMap<>();
        fetchByPosition(cdrSelect().where(few ? CDR.CDR_KEY.in(wanted)
                        : keyPageCondition(accounts, afterKey).and(CDR.CDR_KEY.le(lastKey))), RatedCdrRepository::cdr)
                .forEach(cdr -> cdrs.put(cdr.key(), cdr));
        Map<Long, StoredRating> current = wantedWithRating.isEmpty() ? Map.of()
                : currentRatings(few ? RATED_CDR.CDR_KEY.in(wantedWithRating) : range);
        List<RatingCandidate> candidates = new ArrayList<>(wanted.size());
        for (Long key : wanted) {
            StoredCdr cdr = cdrs.get(key);
            StoredRating rating = wantedWithRating.contains(key) ? current.get(key) : null;
            if (cdr == null || (rating == null && wantedWithRating.contains(key))) {
                continue; // no longer there since its key was read: nothing to rate
            }
            candidates.add(candidate(cdr, rating));
        }
        return new CandidatePage(candidates, lastKey, last);
    }

    /**
     * The ratings of a key range ({@code afterKey} exclusive, null = from the start, to {@code lastKey}) of
     * {@code accounts} (null = every account). Only the key range, on purpose: a "period = ?" filter here would
     * invite the (period, account_id, is_current) index, which reads the whole period for every page.
     */
    private static Condition ratingRange(Collection<String> accounts, Long afterKey, long lastKey) {
        Condition range = RATED_CDR.CDR_KEY.le(lastKey);
        if (afterKey != null) {
            range = range.and(RATED_CDR.CDR_KEY.gt(afterKey));
        }
        return accounts == null ? range : range.and(RATED_CDR.ACCOUNT_ID.in(accounts));
    }

    /**
     * The current ratings of a re-rating page: those of the page's key range ({@code afterKey} exclusive, null =
     * from the start, to {@code lastKey}) in the scope's account or trunk, and in {@code accounts} (null = every
     * account). A scoped page's range spans the CDRs of every other account and trunk too (an account with a tenth
     * of the CDRs, a range ten times its page), so the scope is a filter here, or a scoped re-rating would read and
     * map every rating of the period.
     */
    Map<Long, StoredRating> pageRatings(RatingScope scope, Collection<String> accounts, Long afterKey, long lastKey) {
        Condition range = ratingRange(accounts, afterKey, lastKey);
        if (scope.accountId() != null) {
            range = range.and(RATED_CDR.ACCOUNT_ID.eq(scope.accountId()));
        }
        if (scope.trunkId() != null) {
            range = range.and(RATED_CDR.TRUNK_ID.eq(scope.trunkId()));
        }
        return currentRatings(range);
    }

    /** cdr_key to its current rating, of the ratings that {@code where} selects. */
    private Map<Long, StoredRating> currentRatings(Condition where) {
        Map<Long, StoredRating> current = new HashMap<>();
        for (StoredRating stored : fetchByPosition(db.select(RATING_COLUMNS).from(RATED_CDR).where(where)
                .and(RATED_CDR.IS_CURRENT.isTrue()), RatedCdrRepository::storedRating)) {
            current.put(stored.cdrKey(), stored);
        }
        return current;
    }

    /**
     * The rows of {@code query}, rendered by jOOQ and read with plain JDBC on the transaction's connection, each
     * mapped by column position; every read of CDR pages and stored ratings here goes through it, so a stored rating
     * has one mapping. The pages of a rating run are its hot read path: jOOQ building a record per row and looking
     * its values up by field took about a third of a re-rating's JVM time, which is most of its time (the JVM, not
     * the database, bounds a re-rating; docs/performance.md).
     */
    private <T> List<T> fetchByPosition(ResultQuery<?> query, RowMapper<T> mapper) {
        return db.connectionResult(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(query.getSQL())) {
                List<Object> values = query.getBindValues();
                for (int i = 0; i < values.size(); i++) {
                    statement.setObject(i + 1, values.get(i));
                }
                List<T> rows = new ArrayList<>();
                try (ResultSet row = statement.executeQuery()) {
                    while (row.next()) {
                        rows.add(mapper.mapRow(row, rows.size()));
                    }
                }
                return rows;
            }
        });
    }

    /** The keys of the next {@code limit} CDRs (of {@code accounts}, null = every account) after {@code afterKey}. */
    ResultQuery<Record1<Long>> keyPage(Collection<String> accounts, Long afterKey, int limit) {
        return db.select(CDR.CDR_KEY).from(CDR).where(keyPageCondition(accounts, afterKey)).orderBy(CDR.CDR_KEY)
                .limit(limit);
    }

    private static Condition keyPageCondition(Collection<String> accounts, Long afterKey) {
        Condition page = afterKey == null ? DSL.noCondition() : CDR.CDR_KEY.gt(afterKey);
        return accounts == null ? page : page.and(CDR.ACCOUNT_ID.in(accounts));
    }

    private static RatingCandidate candidate(StoredCdr cdr, StoredRating current) {
        return current == null ? new RatingCandidate(cdr.key(), cdr.cdr(), null, null)
                : new RatingCandidate(cdr.key(), cdr.cdr(), current.rating(), current.runId());
    }

    /**
     * The query of one keyset page of a re-rating: the next {@code limit} CDRs of the scope (and of {@code accounts},
     * null = every account) after the CDR whose key is {@code afterKey}, in cdr_key order. (A run without a period
     * reads its pages by keys first, {@link #pendingCandidates}.)
     * <p>
     * A re-rating page reads the {@code (period, cdr_key)} index in order and filters the scope's account or trunk
     * and the partition's accounts (V56 dropped the account and trunk indexes, which cost every ingested CDR two
     * index inserts). Its ORDER BY names the index's columns, which changes nothing in the order: H2 only reads a
     * page in index order when the ORDER BY starts with the index's columns, and otherwise reads and sorts the rest
     * of the period for every page (quadratic). H2 is told the index ({@code USE INDEX}), since it might otherwise
     * take {@code cdr}'s primary key, which holds every period.
     */
    ResultQuery<? extends Record> cdrPage(RatingScope scope, Collection<String> accounts, Long afterKey, int limit) {
        Condition condition = keyPageCondition(accounts, afterKey).and(CDR.PERIOD.eq(scope.period()));
        if (scope.accountId() != null) {
            condition = condition.and(CDR.ACCOUNT_ID.eq(scope.accountId()));
        }
        if (scope.trunkId() != null) {
            condition = condition.and(CDR.TRUNK_ID.eq(scope.trunkId()));
        }
        Table<?> source = db.dialect().family() == SQLDialect.H2
                ? DSL.table("{0} use index ({1})", CDR, DSL.name(Indexes.CDR_PERIOD_KEY_IDX.getName()))
                : CDR;
        return cdrColumns().from(source).where(condition).orderBy(CDR.PERIOD, CDR.CDR_KEY).limit(limit);
    }

    /** The columns of {@link #cdr}, from {@code cdr}. */
    private SelectJoinStep<? extends Record> cdrSelect() {
        return cdrColumns().from(CDR);
    }

    private SelectSelectStep<? extends Record> cdrColumns() {
        return db.select(CDR.CDR_ID, CDR.TRUNK_ID, CDR.ACCOUNT_ID, CDR.PERIOD, CDR.DIRECTION, CDR.CALLEE,
                CDR.START_TIME, CDR.ANSWER_TIME, CDR.END_TIME, CDR.SIP_STATUS, CDR.DISCONNECT_REASON, CDR.CDR_KEY);
    }

    /** The accounts that have CDRs in the scope, in account_id order. */
    public List<String> accounts(RatingScope scope) {
        Condition condition = DSL.noCondition();
        if (scope.isReRating()) {
            condition = CDR.PERIOD.eq(scope.period());
            if (scope.accountId() != null) {
                condition = condition.and(CDR.ACCOUNT_ID.eq(scope.accountId()));
            }
        }
        return db.selectDistinct(CDR.ACCOUNT_ID).from(CDR).where(condition).orderBy(CDR.ACCOUNT_ID)
                .fetch(CDR.ACCOUNT_ID);
    }

    /**
     * Stores new ratings made by run {@code runId}, each under its CDR's key, a RATING_ERROR rating with its message:
     * the superseded rows stop being current (updated by primary key), the new rows become current. Call it inside
     * the chunk's transaction.
     * <p>
     * Plain JDBC on the transaction's connection rather than jOOQ: this is the hot path of rating, and rendering and
     * binding a 24-column multi-row INSERT per 500 ratings cost more than the database's own work. The superseded
     * rows are one JDBC batch of updates by primary key; the new rows go through {@link BulkRowWriter} (COPY on
     * PostgreSQL, a JDBC batch on H2).
     */
    public void supersede(long runId, List<RatingKey> superseded, List<RatingOutcome> ratings) {
        if (superseded.isEmpty() && ratings.isEmpty()) {
            return;
        }
        db.connection(connection -> {
            if (!superseded.isEmpty()) {
                notCurrent(connection, superseded);
            }
            if (!ratings.isEmpty()) {
                insert(connection, runId, ratings);
            }
        });
    }

    private static void notCurrent(Connection connection, List<RatingKey> superseded) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(NOT_CURRENT)) {
            for (RatingKey key : superseded) {
                update.setLong(1, key.cdrKey());
                update.setLong(2, key.runId());
                update.addBatch();
            }
            update.executeBatch();
        }
    }

    private static void insert(Connection connection, long runId, List<RatingOutcome> outcomes) {
        try (BulkRowWriter rows = BulkRowWriter.open(connection, RATED_CDR, COLUMNS)) {
            for (RatingOutcome outcome : outcomes) {
                RatedCdr rating = outcome.rating();
                rows.number(outcome.cdrKey()).text(rating.cdrId()).number(runId).bool(true)
                        .text(rating.status().name())
                        .text(rating.trunkId()).text(rating.accountId()).text(rating.period())
                        .text(rating.direction().name())
                        .text(rating.category() == null ? null : rating.category().name())
                        .text(rating.destination())
                        .text(rating.channelPlan() == null ? null : rating.channelPlan().name());
                AppliedRate rate = rating.rate();
                if (rate == null) {
                    // rates_version_id to connect_fee
                    rows.nullValue().nullValue().nullValue().nullValue().nullValue().nullValue().nullValue();
                } else {
                    rows.number(rate.versionId()).number(rate.rateId()).decimal(rate.ratePerMinute())
                            .text(rate.currency()).number(rate.firstIncrementS()).number(rate.nextIncrementS())
                            .decimal(rate.connectFee());
                }
                rows.bool(rating.billable()).number(rating.durationS()).number(rating.billedS())
                        .decimal(rating.cost()).text(rating.anomalyCodes()).text(outcome.error())
                        .endRow();
            }
        }
    }

    /** The current rating of a CDR; empty when it was never rated. */
    public Optional<RatedCdr> current(String cdrId) {
        return fetchByPosition(db.select(RATING_COLUMNS).from(RATED_CDR)
                        .where(RATED_CDR.CDR_KEY.eq(keyOf(cdrId))).and(RATED_CDR.IS_CURRENT.isTrue()),
                RatedCdrRepository::storedRating).stream().findFirst().map(StoredRating::rating);
    }

    /**
     * The key of the CDR whose id is {@code cdrId}, as a scalar subquery, so that its ratings are found by the
     * primary key of {@code rated_cdr}; no rating matches a CDR that is not stored. {@code cdr} has no index on
     * {@code cdr_id} (V60: only the import checks cdr_ids, in memory), so this reads the table: for one CDR at a
     * time, as the storage tests ask, not for a batch path.
     */
    private Field<Long> keyOf(String cdrId) {
        return DSL.field(db.select(CDR.CDR_KEY).from(CDR).where(CDR.CDR_ID.eq(cdrId)));
    }

    /**
     * Where the rating of a period stands: its current RATED ratings, and its accepted CDRs that are neither rated
     * nor rejected: never rated, or set aside as RATING_ERROR (NO_RATE counts as rejected, SPEC §7).
     */
    public record PeriodRating(long rated, long notYetRated, long ratingErrors) {

        /** Accepted CDRs of the period that are neither rated nor rejected. */
        public long unrated() {
            return notYetRated + ratingErrors;
        }
    }

    public PeriodRating periodRating(BillingPeriod period) {
        int rated = db.fetchCount(RATED_CDR, RATED_CDR.PERIOD.eq(period.toString())
                .and(RATED_CDR.IS_CURRENT.isTrue()).and(RATED_CDR.STATUS.eq(RatingStatus.RATED.name())));
        var unrated = db.select(
                        DSL.count().filterWhere(RATED_CDR.CDR_KEY.isNull()),
                        DSL.count().filterWhere(RATED_CDR.STATUS.eq(RatingStatus.RATING_ERROR.name())))
                .from(CDR)
                .leftJoin(RATED_CDR).on(RATED_CDR.CDR_KEY.eq(CDR.CDR_KEY).and(RATED_CDR.IS_CURRENT.isTrue()))
                .where(CDR.PERIOD.eq(period.toString()))
                .fetchSingle();
        return new PeriodRating(rated, unrated.value1(), unrated.value2());
    }

    /** How many CDRs are set aside as RATING_ERROR (their current rating), over all periods. */
    public int currentRatingErrors() {
        return db.fetchCount(RATED_CDR, RATED_CDR.IS_CURRENT.isTrue()
                .and(RATED_CDR.STATUS.eq(RatingStatus.RATING_ERROR.name())));
    }

    /** Every rating of a CDR, oldest run first. */
    public List<StoredRating> history(String cdrId) {
        return fetchByPosition(db.select(RATING_COLUMNS).from(RATED_CDR)
                        .where(RATED_CDR.CDR_KEY.eq(keyOf(cdrId))).orderBy(RATED_CDR.RUN_ID),
                RatedCdrRepository::storedRating);
    }

    /** A row of {@link #cdrColumns}, by position. */
    private static StoredCdr cdr(ResultSet r, int row) throws SQLException {
        return new StoredCdr(r.getLong(12), new Cdr(r.getString(1), r.getString(2), r.getString(3), r.getString(4),
                Direction.valueOf(r.getString(5)), r.getString(6), instant(r, 7), instant(r, 8), instant(r, 9),
                r.getInt(10), r.getString(11)));
    }

    private static Instant instant(ResultSet r, int column) throws SQLException {
        OffsetDateTime time = r.getObject(column, OffsetDateTime.class);
        return time == null ? null : time.toInstant();
    }

    /** A row of {@link #RATING_COLUMNS}, by position. */
    private static StoredRating storedRating(ResultSet r, int row) throws SQLException {
        long rateId = r.getLong(12);
        AppliedRate rate = r.wasNull() ? null : new AppliedRate(r.getLong(11), rateId, r.getBigDecimal(13),
                r.getString(14), r.getInt(15), r.getInt(16), r.getBigDecimal(17));
        String category = r.getString(8);
        String plan = r.getString(10);
        RatedCdr rating = new RatedCdr(r.getString(1), r.getString(3), r.getString(4), r.getString(5),
                Direction.valueOf(r.getString(6)), RatingStatus.valueOf(r.getString(7)),
                category == null ? null : Category.valueOf(category), r.getString(9),
                plan == null ? null : ChannelPlan.valueOf(plan), rate, r.getBoolean(18), r.getLong(19),
                r.getLong(20), r.getBigDecimal(21), RatedCdr.parseAnomalies(r.getString(22)));
        return new StoredRating(r.getLong(24), r.getLong(2), r.getBoolean(23), rating);
    }
}
