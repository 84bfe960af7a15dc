package com.trunkbill.rating;

import com.trunkbill.inventory.model.ChannelPlan;
import com.trunkbill.rating.RatedCdrRepository.RatingKey;
import com.trunkbill.rating.RatedCdrRepository.StoredRating;
import com.trunkbill.rating.model.Anomaly;
import com.trunkbill.rating.model.AppliedRate;
import com.trunkbill.rating.model.Category;
import com.trunkbill.rating.model.RatedCdr;
import com.trunkbill.rating.model.RatingOutcome;
import com.trunkbill.rating.model.RatingScope;
import com.trunkbill.rating.model.RatingStatus;
import com.trunkbill.ratetable.model.Direction;
import com.trunkbill.testsupport.DatabaseTest;
import com.trunkbill.testsupport.OnH2;
import com.trunkbill.testsupport.OnPostgres;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static com.trunkbill.db.jooq.Tables.CDR;
import static com.trunkbill.db.jooq.Tables.RATED_CDR;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * Storing ratings ({@link RatedCdrRepository#supersede}) keeps every value exactly as rated, whatever the text
 * holds (quotes, commas, line breaks, backslashes, an empty string) and whatever the scale of the amounts, and a new
 * rating makes the previous one not current.
 */
public abstract class RatedCdrStorageFunctionalTests extends DatabaseTest {

    /** A rating error as an exception message may read: quotes, a comma, line breaks and backslashes. */
    static final String AWKWARD_ERROR = "rate \"0.1\" per minute, then\nline two\r\nC:\\rates\\N \\. and \"\"\n";

    @Autowired
    RatedCdrRepository ratedCdrs;

    /** As wide as rated_cdr.cost allows (DECIMAL(30, 10)): 20 digits, then 10 places. */
    static final BigDecimal WIDEST_COST = new BigDecimal("12345678901234567890.1234567891");

    /** Rates and fees are stored at any scale (SPEC §3 "any scale"). */
    static final AppliedRate FINE_RATE = new AppliedRate(7, 42, new BigDecimal("0.004999999999999999999999"),
            "USD", 60, 6, new BigDecimal("0.00000000000001"));

    static RatedCdr rated(String cdrId, String destination, BigDecimal cost, Set<Anomaly> anomalies) {
        return new RatedCdr(cdrId, "TRK-1", "ACC-1", "2026-10", Direction.OUTBOUND, RatingStatus.RATED,
                Category.TERMINATION, destination, ChannelPlan.METERED, FINE_RATE, true, 86_401, 86_406, cost,
                anomalies);
    }

    /** No category, destination, plan or rate; cost 0 at the cost's scale. */
    static RatedCdr unrated(String cdrId, RatingStatus status) {
        return new RatedCdr(cdrId, "TRK-2", "ACC-2", "2026-10", Direction.INBOUND, status, null, null, null, null,
                false, 0, 0, BigDecimal.ZERO.setScale(RatedCdr.COST_SCALE), Set.of());
    }

    RatingFixtures fixtures;
    /** cdr_id to the key of the CDR stored for it. */
    final Map<String, Long> keys = new HashMap<>();

    @BeforeEach
    void fixtures() {
        fixtures = new RatingFixtures(db);
    }

    /** The key of CDR {@code cdrId}, stored on first use (its ratings are found through it). */
    long key(String cdrId) {
        return keys.computeIfAbsent(cdrId, id -> {
            fixtures.insert(fixtures.cdr(id, "TRK-1", "ACC-1", Direction.OUTBOUND, "+12125550100",
                    "2026-10-05T10:00:00Z", 1_000, 200));
            return db.select(CDR.CDR_KEY).from(CDR).where(CDR.CDR_ID.eq(id)).fetchSingle().value1();
        });
    }

    /** New ratings of never-rated CDRs, as a rating run hands them to the repository. */
    List<RatingOutcome> outcomes(List<RatedCdr> ratings) {
        return ratings.stream().map(r -> new RatingOutcome(key(r.cdrId()), r, null, null)).toList();
    }

    @Test
    void awkwardValuesAreReadBackExactly() {
        RatedCdr widest = rated("C-1", "Korea, Republic of \"South\"", WIDEST_COST,
                EnumSet.of(Anomaly.TRUNK_INACTIVE, Anomaly.LONGER_THAN_24H));
        RatedCdr emptyDestination = rated("C-2", "", new BigDecimal("0.0000000001"), Set.of());
        RatedCdr error = unrated("C-3", RatingStatus.RATING_ERROR);
        RatedCdr noRate = unrated("C-4", RatingStatus.NO_RATE);

        ratedCdrs.supersede(5, List.of(), List.of(new RatingOutcome(key("C-1"), widest, null, null),
                new RatingOutcome(key("C-2"), emptyDestination, null, null),
                new RatingOutcome(key("C-3"), error, null, null, AWKWARD_ERROR),
                new RatingOutcome(key("C-4"), noRate, null, null)));

        for (RatedCdr rating : List.of(widest, emptyDestination, error, noRate)) {
            assertThat(ratedCdrs.history(rating.cdrId())).as(rating.cdrId())
                    .containsExactly(new StoredRating(key(rating.cdrId()), 5, true, rating));
        }
        assertThat(ratedCdrs.current("C-1").orElseThrow().cost().toPlainString())
                .isEqualTo("12345678901234567890.1234567891");
        assertThat(ratedCdrs.current("C-1").orElseThrow().rate().ratePerMinute().toPlainString())
                .isEqualTo("0.004999999999999999999999");
        assertThat(db.select(RATED_CDR.CDR_ID, RATED_CDR.CDR_KEY, RATED_CDR.DESTINATION, RATED_CDR.ANOMALIES,
                        RATED_CDR.RATING_ERROR).from(RATED_CDR).orderBy(RATED_CDR.CDR_ID).fetch()
                .map(r -> tuple(r.value1(), r.value2(), r.value3(), r.value4(), r.value5())))
                .containsExactly(
                        tuple("C-1", key("C-1"), "Korea, Republic of \"South\"", "TRUNK_INACTIVE,LONGER_THAN_24H",
                                null),
                        tuple("C-2", key("C-2"), "", null, null),
                        tuple("C-3", key("C-3"), null, null, AWKWARD_ERROR),
                        tuple("C-4", key("C-4"), null, null, null));
    }

    @Test
    void aNewRatingSupersedesTheCurrentOne() {
        ratedCdrs.supersede(1, List.of(), outcomes(List.of(unrated("C-1", RatingStatus.NO_RATE),
                unrated("C-2", RatingStatus.NO_RATE))));
        RatedCdr rerated = rated("C-1", "United States", new BigDecimal("0.0240000000"), Set.of());

        ratedCdrs.supersede(2, List.of(new RatingKey(key("C-1"), 1)), outcomes(List.of(rerated)));

        assertThat(ratedCdrs.history("C-1")).containsExactly(
                new StoredRating(key("C-1"), 1, false, unrated("C-1", RatingStatus.NO_RATE)),
                new StoredRating(key("C-1"), 2, true, rerated));
        assertThat(ratedCdrs.history("C-2")).containsExactly(
                new StoredRating(key("C-2"), 1, true, unrated("C-2", RatingStatus.NO_RATE)));
        assertThat(ratedCdrs.current("C-1")).contains(rerated);
        assertThat(ratedCdrs.history("NOT-STORED")).isEmpty();
    }

    @Test
    void aChunkOfManyRatingsIsStoredWhole() {
        List<RatedCdr> ratings = new ArrayList<>();
        for (int i = 0; i < 1_234; i++) {
            ratings.add(rated("C-%05d".formatted(i), "United States", new BigDecimal(i).movePointLeft(10),
                    Set.of()));
        }

        ratedCdrs.supersede(3, List.of(), outcomes(ratings));

        assertThat(db.fetchCount(RATED_CDR, RATED_CDR.IS_CURRENT.isTrue())).isEqualTo(1_234);
        // 1233 * 10^-10
        assertThat(ratedCdrs.current("C-01233").orElseThrow().cost()).isEqualTo(new BigDecimal("0.0000001233"));
    }

    @Test
    void aScopedPageReadsTheCurrentRatingsOfItsScopeOnly() {
        // C-1, C-3, C-5 on TRK-1 of ACC-1; C-2, C-4, C-6 on TRK-2 of ACC-2; C-3 re-rated once; keys in that order
        List<RatedCdr> ratings = new ArrayList<>();
        for (int i = 1; i <= 6; i++) {
            ratings.add(i % 2 == 1 ? rated("C-" + i, "United States", new BigDecimal("0.0100000000"), Set.of())
                    : unrated("C-" + i, RatingStatus.NO_RATE));
        }
        ratedCdrs.supersede(1, List.of(), outcomes(ratings));
        ratedCdrs.supersede(2, List.of(new RatingKey(key("C-3"), 1)),
                outcomes(List.of(rated("C-3", "United States", new BigDecimal("0.0200000000"), Set.of()))));

        assertThat(ratedCdrs.pageRatings(new RatingScope("2026-10", null, "TRK-1"), null, key("C-1"), key("C-5")))
                .containsOnlyKeys(key("C-3"), key("C-5"))
                .hasEntrySatisfying(key("C-3"), r -> assertThat(r.runId()).isEqualTo(2L));
        assertThat(ratedCdrs.pageRatings(new RatingScope("2026-10", "ACC-2", null), null, null, key("C-4")))
                .containsOnlyKeys(key("C-2"), key("C-4"));
        assertThat(ratedCdrs.pageRatings(new RatingScope("2026-10", null, null), null, key("C-1"), key("C-4")))
                .containsOnlyKeys(key("C-2"), key("C-3"), key("C-4"));
        assertThat(ratedCdrs.pageRatings(new RatingScope("2026-10", null, null), List.of("ACC-1"), null,
                key("C-6"))).containsOnlyKeys(key("C-1"), key("C-3"), key("C-5"));
    }
}

@OnH2
class RatedCdrStorageH2FunctionalTests extends RatedCdrStorageFunctionalTests {
}

@OnPostgres
class RatedCdrStoragePostgresFunctionalTests extends RatedCdrStorageFunctionalTests {
}
