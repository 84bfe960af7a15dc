package com.trunkbill.rating;

import com.trunkbill.rating.model.Anomaly;
import com.trunkbill.rating.model.Category;
import com.trunkbill.rating.model.RatedCdr;
import com.trunkbill.rating.model.RatingStatus;
import com.trunkbill.ratetable.model.Direction;
import com.trunkbill.support.BillingPeriod;
import com.trunkbill.support.CdrKey;
import org.javamoney.moneta.Money;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;
import org.springframework.stereotype.Repository;

import javax.money.CurrencyUnit;
import javax.money.Monetary;
import javax.money.MonetaryAmount;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static com.trunkbill.db.jooq.Tables.CDR;
import static com.trunkbill.db.jooq.Tables.RATED_CDR;
import static org.jooq.impl.DSL.count;
import static org.jooq.impl.DSL.max;
import static org.jooq.impl.DSL.min;
import static org.jooq.impl.DSL.sum;

/**
 * The read model of current rated usage that {@code rating} publishes. Rating owns its tables ({@code rated_cdr},
 * {@code rating_run}, {@code rating_run_total}); invoicing, reports, channel usage, fair use and the metrics read
 * rated usage only through this class, so the rule "a CDR's current rating is its one {@code is_current} row;
 * rated usage is the current ratings with status RATED" is written once, here, and the storage can change
 * behind it.
 * <p>
 * Every query is one set-based SQL statement that aggregates in the database, as the callers did before; what
 * leaves this class is typed: {@link Category}, {@link RatingStatus}, {@link Anomaly}, {@link CurrencyUnit} and
 * the exact, unrounded sum of CDR costs as a {@link MonetaryAmount}. For queries over CDRs that need each CDR's
 * current rating (channel usage), {@link #currentRatingIsNot} is the jOOQ building block.
 */
@Repository
public class RatedUsage {

    private final DSLContext db;

    public RatedUsage(DSLContext db) {
        this.db = db;
    }

    // ------------------------------------------------------------------ building blocks

    /** A CDR's current rating: its one {@code is_current} row (a never-rated CDR has none). */
    static Condition current() {
        return RATED_CDR.IS_CURRENT.isTrue();
    }

    /** Rated usage: the current RATED ratings (NO_RATE and RATING_ERROR are not usage). */
    static Condition currentRated() {
        return current().and(RATED_CDR.STATUS.eq(RatingStatus.RATED.name()));
    }

    /** Rated usage of one period. */
    static Condition currentRated(BillingPeriod period) {
        return RATED_CDR.PERIOD.eq(period.toString()).and(currentRated());
    }

    /**
     * The CDR whose key is {@code cdrKey} ({@code cdr.cdr_key}) was never rated, or its current rating is not
     * {@code status}. A {@code not exists}, so that the database looks only for the few ratings of that status
     * (PostgreSQL hashes them) rather than joining every CDR to its rating.
     */
    public static Condition currentRatingIsNot(Field<Long> cdrKey, RatingStatus status) {
        return DSL.notExists(DSL.selectOne().from(RATED_CDR)
                .where(RATED_CDR.CDR_KEY.eq(cdrKey)).and(current()).and(RATED_CDR.STATUS.eq(status.name())));
    }

    // ------------------------------------------------------------------ usage of a period

    /**
     * Rated usage of one account, trunk, category, destination and rate currency in a period.
     *
     * @param uniformRatePerMinute the rate per minute when every rating of the group had the same one, else null
     * @param cost                 the exact sum of the unrounded CDR costs (SPEC §4.1), in the rate currency
     */
    public record UsageLine(String accountId, String trunkId, Category category, String destination,
                            CurrencyUnit currency, BigDecimal uniformRatePerMinute, long billedSeconds,
                            MonetaryAmount cost) {
    }

    /**
     * The rated usage of a period that bills something (billed seconds or a cost: a non-billable call makes no
     * line), per account, trunk, category, destination and rate currency, ordered by them (one query).
     * <p>
     * Whether a group had one rate is told by its lowest and highest rate, not by {@code count(distinct ...)}: a
     * distinct count makes PostgreSQL sort the whole month, where min and max let it aggregate in parallel.
     */
    public List<UsageLine> usageLines(BillingPeriod period) {
        Field<Long> billedSeconds = sum(RATED_CDR.BILLED_S).cast(Long.class).as("billed_seconds");
        Field<BigDecimal> cost = sum(RATED_CDR.COST).as("cost");
        Field<Integer> ratings = count().as("ratings");
        Field<Integer> rated = count(RATED_CDR.RATE_PER_MINUTE).as("with_rate");
        Field<BigDecimal> lowestRate = min(RATED_CDR.RATE_PER_MINUTE).as("lowest_rate");
        Field<BigDecimal> rate = max(RATED_CDR.RATE_PER_MINUTE).as("rate");
        return db.select(RATED_CDR.ACCOUNT_ID, RATED_CDR.TRUNK_ID, RATED_CDR.CATEGORY, RATED_CDR.DESTINATION,
                        RATED_CDR.CURRENCY, ratings, rated, lowestRate, rate, billedSeconds, cost)
                .from(RATED_CDR)
                .where(RATED_CDR.PERIOD.eq(period.toString()))
                .and(currentRated())
                .and(RATED_CDR.BILLED_S.gt(0L).or(RATED_CDR.COST.ne(BigDecimal.ZERO)))
                .groupBy(RATED_CDR.ACCOUNT_ID, RATED_CDR.TRUNK_ID, RATED_CDR.CATEGORY, RATED_CDR.DESTINATION,
                        RATED_CDR.CURRENCY)
                .orderBy(RATED_CDR.ACCOUNT_ID, RATED_CDR.TRUNK_ID, RATED_CDR.CATEGORY, RATED_CDR.DESTINATION,
                        RATED_CDR.CURRENCY)
                .fetch(r -> {
                    // one rate for every CDR of the group (none may lack it)
                    boolean oneRate = r.get(rated).equals(r.get(ratings)) && r.get(rate) != null
                            && r.get(lowestRate).compareTo(r.get(rate)) == 0;
                    CurrencyUnit currency = currency(r.get(RATED_CDR.CURRENCY));
                    return new UsageLine(r.get(RATED_CDR.ACCOUNT_ID), r.get(RATED_CDR.TRUNK_ID),
                            category(r.get(RATED_CDR.CATEGORY)), r.get(RATED_CDR.DESTINATION), currency,
                            oneRate ? r.get(rate) : null, r.get(billedSeconds), money(r.get(cost), currency));
                });
    }

    /** Rated usage of one destination and category in one rate currency; cost as in {@link UsageLine}. */
    public record DestinationUsage(String destination, Category category, CurrencyUnit currency, long calls,
                                   long billedSeconds, MonetaryAmount cost) {
    }

    /**
     * The rated usage of a period with a destination, per destination, category and rate currency, ranked: by
     * currency (alphabetical), then cost, then calls (both descending), then destination and category (one query).
     */
    public List<DestinationUsage> destinationsByCost(BillingPeriod period) {
        Field<BigDecimal> cost = DSL.sum(RATED_CDR.COST);
        return db.select(RATED_CDR.DESTINATION, RATED_CDR.CATEGORY, RATED_CDR.CURRENCY, DSL.count(),
                        DSL.sum(RATED_CDR.BILLED_S), cost)
                .from(RATED_CDR)
                .where(currentRated(period)).and(RATED_CDR.DESTINATION.isNotNull())
                .groupBy(RATED_CDR.DESTINATION, RATED_CDR.CATEGORY, RATED_CDR.CURRENCY)
                .orderBy(RATED_CDR.CURRENCY, cost.desc(), DSL.count().desc(), RATED_CDR.DESTINATION,
                        RATED_CDR.CATEGORY)
                .fetch(r -> {
                    CurrencyUnit currency = currency(r.value3());
                    return new DestinationUsage(r.value1(), category(r.value2()), currency, r.value4(),
                            r.value5() == null ? 0 : r.value5().longValueExact(), money(r.value6(), currency));
                });
    }

    /**
     * The answered (billable) rated calls of one trunk in a period, whatever their category: how many, how many
     * shorter than the short-call threshold, the longest, how many longer than the long-call threshold, and the
     * outbound and total call seconds.
     */
    public record AnsweredTraffic(long calls, long shortCalls, long longestSeconds, long longCalls,
                                  long outboundSeconds, long totalSeconds) {
    }

    /**
     * What fair use reads of a period's rated usage, per trunk id: the billed seconds of its US_UNLIMITED usage
     * (SPEC §4.3; trunks without such usage are absent) and its answered traffic (trunks without answered calls
     * are absent).
     */
    public record FairUseUsage(Map<String, Long> usUnlimitedSeconds, Map<String, AnsweredTraffic> answeredTraffic) {
    }

    /**
     * Fair use's figures of a period in one pass over its rated usage (one query).
     *
     * @param shortCallSeconds a call is short below this duration
     * @param longCallSeconds  a call is long above this duration
     */
    public FairUseUsage fairUseUsage(BillingPeriod period, int shortCallSeconds, long longCallSeconds) {
        Condition usUnlimited = RATED_CDR.CATEGORY.eq(Category.US_UNLIMITED.name());
        Condition answered = RATED_CDR.BILLABLE.isTrue();
        Field<Long> usUnlimitedCalls = countWhere(usUnlimited);
        Field<Long> usUnlimitedSeconds = DSL.sum(DSL.when(usUnlimited, RATED_CDR.BILLED_S)
                .otherwise(DSL.inline(0L))).cast(SQLDataType.BIGINT);
        Field<Long> calls = countWhere(answered);
        Field<Long> shortCalls = countWhere(answered.and(RATED_CDR.DURATION_S.lt((long) shortCallSeconds)));
        Field<Long> longest = DSL.max(DSL.when(answered, RATED_CDR.DURATION_S));
        Field<Long> longCalls = countWhere(answered.and(RATED_CDR.DURATION_S.gt(longCallSeconds)));
        Field<Long> outboundSeconds = DSL.sum(DSL.when(answered.and(RATED_CDR.DIRECTION.eq(Direction.OUTBOUND.name())),
                RATED_CDR.DURATION_S).otherwise(DSL.inline(0L))).cast(SQLDataType.BIGINT);
        Field<Long> totalSeconds = DSL.sum(DSL.when(answered, RATED_CDR.DURATION_S).otherwise(DSL.inline(0L)))
                .cast(SQLDataType.BIGINT);
        Map<String, Long> seconds = new HashMap<>();
        Map<String, AnsweredTraffic> traffic = new HashMap<>();
        db.select(RATED_CDR.TRUNK_ID, usUnlimitedCalls, usUnlimitedSeconds, calls, shortCalls, longest, longCalls,
                        outboundSeconds, totalSeconds)
                .from(RATED_CDR)
                .where(currentRated(period)).and(usUnlimited.or(answered))
                .groupBy(RATED_CDR.TRUNK_ID)
                .forEach(r -> {
                    if (r.value2() > 0) {
                        seconds.put(r.value1(), r.value3());
                    }
                    if (r.value4() > 0) {
                        traffic.put(r.value1(), new AnsweredTraffic(r.value4(), r.value5(), r.value6(), r.value7(),
                                r.value8(), r.value9()));
                    }
                });
        return new FairUseUsage(seconds, traffic);
    }

    // ------------------------------------------------------------------ all periods

    /** How many CDRs have a current rating RATED and how many NO_RATE, over all periods. */
    public record CurrentRatingCounts(long rated, long noRate) {
    }

    public CurrentRatingCounts currentRatingCounts() {
        var counts = db.select(
                        DSL.count().filterWhere(RATED_CDR.STATUS.eq(RatingStatus.RATED.name())),
                        DSL.count().filterWhere(RATED_CDR.STATUS.eq(RatingStatus.NO_RATE.name())))
                .from(RATED_CDR).where(current()).fetchSingle();
        return new CurrentRatingCounts(counts.value1(), counts.value2());
    }

    /** Rate currency to the exact sum of the rated usage's costs, over all periods (one query). */
    public Map<CurrencyUnit, MonetaryAmount> moneyRatedByCurrency() {
        Map<CurrencyUnit, MonetaryAmount> money = new LinkedHashMap<>();
        db.select(RATED_CDR.CURRENCY, DSL.sum(RATED_CDR.COST)).from(RATED_CDR)
                .where(currentRated())
                .and(RATED_CDR.CURRENCY.isNotNull())
                .groupBy(RATED_CDR.CURRENCY)
                .forEach(r -> {
                    CurrencyUnit currency = currency(r.value1());
                    money.put(currency, money(r.value2(), currency));
                });
        return money;
    }

    // ------------------------------------------------------------------ by CDR file (reconciliation)

    /**
     * The current ratings of the accepted CDRs of one file: RATED (and how many of them anomalous), NO_RATE, never
     * rated, RATING_ERROR.
     */
    public record FileRatingCounts(long rated, long anomalous, long noRate, long notYetRated, long ratingErrors) {

        public static final FileRatingCounts NONE = new FileRatingCounts(0, 0, 0, 0, 0);
    }

    /**
     * What the current ratings of one file's accepted CDRs add up to: how many of each status, anomaly to the rated
     * CDRs flagged with it (SPEC §4.5; a CDR with several anomalies counts once under each), and rate currency to
     * the exact sum of the costs of its rated CDRs.
     */
    public record FileRating(FileRatingCounts counts, Map<Anomaly, Long> anomalies,
                             Map<CurrencyUnit, MonetaryAmount> moneyRated) {

        /** A file without accepted CDRs. */
        public static final FileRating NONE = new FileRating(FileRatingCounts.NONE, Map.of(), Map.of());
    }

    /**
     * CDR file id to what its current ratings add up to, for every file: one pass over the current ratings, grouped
     * by file, status, anomalies and currency (a handful of groups per file; a rating's file is the high half of its
     * key, {@link CdrKey}, so no CDR is joined), and one count of the stored CDRs per file: those without a current
     * rating are the ones not rated yet.
     */
    public Map<Long, FileRating> ratingByFile() {
        Field<Long> fileId = fileOf(RATED_CDR.CDR_KEY).as("file_id");
        Field<Integer> ratings = DSL.count();
        Field<BigDecimal> cost = DSL.sum(RATED_CDR.COST);
        Map<Long, FileTally> tallies = new HashMap<>();
        db.select(fileId, RATED_CDR.STATUS, RATED_CDR.ANOMALIES, RATED_CDR.CURRENCY, ratings, cost)
                .from(RATED_CDR)
                .where(current())
                .groupBy(fileId, RATED_CDR.STATUS, RATED_CDR.ANOMALIES, RATED_CDR.CURRENCY)
                .forEach(r -> tallies.computeIfAbsent(r.value1(), f -> new FileTally())
                        .add(r.value2(), r.value3(), r.value4(), r.get(ratings), r.get(cost)));
        db.select(CDR.FILE_ID, DSL.count()).from(CDR).groupBy(CDR.FILE_ID)
                .forEach(r -> tallies.computeIfAbsent(r.value1(), f -> new FileTally()).stored(r.value2()));
        Map<Long, FileRating> byFile = new HashMap<>();
        tallies.forEach((id, tally) -> byFile.put(id, tally.rating()));
        return byFile;
    }

    /** The groups of one file added up ({@link #ratingByFile}). */
    private static final class FileTally {

        private long stored;
        private long rated;
        private long anomalous;
        private long noRate;
        private long ratingErrors;
        private final Map<Anomaly, Long> anomalies = new EnumMap<>(Anomaly.class);
        private final Map<CurrencyUnit, MonetaryAmount> moneyRated = new LinkedHashMap<>();

        /** {@code cdrs} CDRs whose current rating has this status, anomalies and currency. */
        void add(String status, String anomalyCodes, String currencyCode, long cdrs, BigDecimal cost) {
            switch (RatingStatus.valueOf(status)) {
                case NO_RATE -> noRate += cdrs;
                case RATING_ERROR -> ratingErrors += cdrs;
                case RATED -> {
                    rated += cdrs;
                    if (anomalyCodes != null) {
                        anomalous += cdrs;
                        for (Anomaly kind : RatedCdr.parseAnomalies(anomalyCodes)) {
                            anomalies.merge(kind, cdrs, Long::sum);
                        }
                    }
                    if (currencyCode != null) {
                        CurrencyUnit currency = currency(currencyCode);
                        moneyRated.merge(currency, money(cost, currency), MonetaryAmount::add);
                    }
                }
            }
        }

        /** The file's stored CDRs, rated or not. */
        void stored(long cdrs) {
            stored += cdrs;
        }

        FileRating rating() {
            long notYetRated = stored - rated - noRate - ratingErrors;
            return new FileRating(new FileRatingCounts(rated, anomalous, noRate, notYetRated, ratingErrors),
                    Map.copyOf(anomalies), Collections.unmodifiableMap(moneyRated));
        }
    }

    /** A CDR set aside as RATING_ERROR and why (issue 12). */
    public record RatingError(String cdrId, String error) {
    }

    /** CDR file id to its CDRs set aside as RATING_ERROR, the first {@code limit} over all files in cdr_id order. */
    public Map<Long, List<RatingError>> ratingErrorsByFile(int limit) {
        Map<Long, List<RatingError>> byFile = new HashMap<>();
        db.select(fileOf(RATED_CDR.CDR_KEY), RATED_CDR.CDR_ID, RATED_CDR.RATING_ERROR)
                .from(RATED_CDR)
                .where(current()).and(RATED_CDR.STATUS.eq(RatingStatus.RATING_ERROR.name()))
                .orderBy(RATED_CDR.CDR_ID)
                .limit(limit)
                .forEach(r -> byFile.computeIfAbsent(r.value1(), f -> new ArrayList<>())
                        .add(new RatingError(r.value2(), r.value3())));
        return byFile;
    }

    // ------------------------------------------------------------------ mapping

    /** The id of the CDR file a key's CDR came from: the high half of the key ({@link CdrKey}). */
    private static Field<Long> fileOf(Field<Long> cdrKey) {
        return cdrKey.shr(DSL.inline(CdrKey.LINE_BITS));
    }

    private static Field<Long> countWhere(Condition condition) {
        return DSL.sum(DSL.when(condition, DSL.inline(1)).otherwise(DSL.inline(0))).cast(SQLDataType.BIGINT);
    }

    private static Category category(String code) {
        return code == null ? null : Category.valueOf(code);
    }

    private static CurrencyUnit currency(String code) {
        return code == null ? null : Monetary.getCurrency(code);
    }

    /** The exact sum as money; a sum without a currency is only ever 0 (no rate row was used), so it stays 0. */
    private static MonetaryAmount money(BigDecimal amount, CurrencyUnit currency) {
        if (currency == null) {
            if (amount != null && amount.signum() != 0) {
                throw new IllegalStateException("rated usage: a cost of " + amount.toPlainString()
                        + " without a rate currency");
            }
            return null;
        }
        return Money.of(amount, currency);
    }
}
