package com.trunkbill.rating;

import com.trunkbill.batch.JobLaunchService;
import com.trunkbill.cdr.ImportCdrsCommand;
import com.trunkbill.cli.JobCommand;
import com.trunkbill.cli.ParsedOptions;
import com.trunkbill.inventory.ImportInventoryCommand;
import com.trunkbill.ratetable.ImportRatesCommand;
import com.trunkbill.rating.model.RatingScope;
import com.trunkbill.testsupport.DatabaseTest;
import com.trunkbill.testsupport.OnH2;
import org.jooq.Query;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.BatchStatus;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static com.trunkbill.db.jooq.Tables.CDR;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The keyset page of a rating run reads one page of rows, not the rest of the period: H2 only takes
 * {@code order by cdr_key} from an index when the ORDER BY names the index's leading equality columns, and
 * otherwise reads and sorts every remaining CDR of the period for each page, which makes a re-rating quadratic
 * (a 1,000,000-CDR period rated at 70 CDRs/s). Checked with H2's {@code EXPLAIN ANALYZE}, which counts the rows a
 * query scanned; PostgreSQL's planner orders by {@code cdr_key} from the {@code (period, cdr_key)} index by itself
 * and has no such count, so this test is H2's.
 */
@OnH2
class CandidatePageQueryH2FunctionalTests extends DatabaseTest {

    private static final String PERIOD = "2026-10";
    private static final int PAGE = 100;
    /** A page, and the row before it that H2 reads to start after {@code cdr_id > ?}. */
    private static final int ONE_PAGE = PAGE + 1;
    private static final Pattern SCAN_COUNT = Pattern.compile("scanCount: (\\d+)");

    @Autowired
    JobLaunchService launcher;

    @Autowired
    RatedCdrRepository ratedCdrs;

    @BeforeEach
    void importTheSampleMonth() {
        run(new ImportInventoryCommand(), Map.of("dir", "sample-cdrs/inventory"));
        run(new ImportRatesCommand(), Map.of("dir", "rate-tables"));
        run(new ImportCdrsCommand(), Map.of("dir", "sample-cdrs", "no-rating", "true"));
        assertThat(db.fetchCount(CDR, CDR.PERIOD.eq(PERIOD))).isGreaterThan(19_000);
    }

    @Test
    void aReRatingPageOfThePeriodScansOnePage() {
        RatingScope period = new RatingScope(PERIOD, null, null);

        assertThat(scanned(period, null, null)).isLessThanOrEqualTo(ONE_PAGE);
        assertThat(scanned(period, null, middleKey())).isLessThanOrEqualTo(ONE_PAGE);
    }

    @Test
    void aReRatingPageOfAnAccountOrTrunkScansThePeriodInKeyOrderUpToItsLastCdr() {
        String trunk = db.select(CDR.TRUNK_ID).from(CDR).where(CDR.ACCOUNT_ID.eq("ACC-US-ACME"))
                .groupBy(CDR.TRUNK_ID).orderBy(org.jooq.impl.DSL.count().desc(), CDR.TRUNK_ID).limit(1)
                .fetchSingle(CDR.TRUNK_ID);
        assertThat(db.fetchCount(CDR, CDR.TRUNK_ID.eq(trunk).and(CDR.PERIOD.eq(PERIOD)))).isGreaterThan(2 * PAGE);
        Long middle = middleKey();

        for (RatingScope scope : List.of(new RatingScope(PERIOD, "ACC-US-ACME", null),
                new RatingScope(PERIOD, null, trunk), new RatingScope(PERIOD, "ACC-US-ACME", trunk))) {
            for (Long after : Arrays.asList(null, middle)) {
                // the page's rows are read in (period, cdr_key) order up to its last CDR, and no further
                List<Long> page = ratedCdrs.cdrPage(scope, null, after, PAGE).fetch(CDR.CDR_KEY);
                assertThat(page).as(scope + " after " + after).hasSize(PAGE).isSorted();
                var upToLast = CDR.PERIOD.eq(PERIOD).and(CDR.CDR_KEY.le(page.get(PAGE - 1)));
                int periodRowsUpToLast = db.fetchCount(CDR, after == null ? upToLast
                        : upToLast.and(CDR.CDR_KEY.gt(after)));
                int restOfPeriod = db.fetchCount(CDR, after == null ? CDR.PERIOD.eq(PERIOD)
                        : CDR.PERIOD.eq(PERIOD).and(CDR.CDR_KEY.gt(after)));

                assertThat(scanned(ratedCdrs.cdrPage(scope, null, after, PAGE))).as(scope + " after " + after)
                        .isLessThanOrEqualTo(periodRowsUpToLast + 1);
                assertThat(periodRowsUpToLast).isLessThan(restOfPeriod / 2);
            }
        }
    }

    @Test
    void aPartitionsReRatingPageScansAboutAPageOfThePeriodInKeyOrder() {
        // two accounts holding about half of the month: a page in cdr_key order reads about two pages of the period
        List<String> partition = List.of("ACC-DE-MUELLER", "ACC-US-ACME");

        assertThat(scanned(new RatingScope(PERIOD, null, null), partition, middleKey())).isLessThan(4 * PAGE);
    }

    @Test
    void aPageOfARunWithoutPeriodScansAboutAPage() {
        // such a run reads the page's keys first (RatedCdrRepository.pendingCandidates)
        assertThat(scanned(ratedCdrs.keyPage(null, middleKey(), PAGE))).isLessThanOrEqualTo(ONE_PAGE);
        assertThat(scanned(ratedCdrs.keyPage(List.of("ACC-DE-MUELLER", "ACC-US-ACME"), middleKey(), PAGE)))
                .isLessThan(4 * PAGE);
    }

    /** The rows H2 scanned for one candidate page. */
    private long scanned(RatingScope scope, Collection<String> accounts, Long afterKey) {
        return scanned(ratedCdrs.cdrPage(scope, accounts, afterKey, PAGE));
    }

    private long scanned(Query query) {
        String sql = db.renderInlined(query);
        String plan = db.fetch("explain analyze " + sql).get(0).get(0, String.class);
        Matcher count = SCAN_COUNT.matcher(plan);
        assertThat(count.find()).as(plan).isTrue();
        return Long.parseLong(count.group(1));
    }

    private Long middleKey() {
        return db.select(CDR.CDR_KEY).from(CDR).orderBy(CDR.CDR_KEY).offset(db.fetchCount(CDR) / 2).limit(1)
                .fetchSingle(CDR.CDR_KEY);
    }

    private void run(JobCommand command, Map<String, String> options) {
        var execution = launcher.launch(command.jobName(),
                command.jobParameters(ParsedOptions.of(command.name(), options)), command.runPolicy()).execution();
        assertThat(execution.getStatus()).as(command.name()).isEqualTo(BatchStatus.COMPLETED);
    }
}
