package com.trunkbill.rating;

import com.trunkbill.batch.JobLaunchService;
import com.trunkbill.cdr.ImportCdrsCommand;
import com.trunkbill.cli.JobCommand;
import com.trunkbill.cli.ParsedOptions;
import com.trunkbill.cli.RunPolicy;
import com.trunkbill.inventory.ImportInventoryCommand;
import com.trunkbill.invoice.InvoiceCommand;
import com.trunkbill.ratetable.ImportRatesCommand;
import com.trunkbill.report.ReconciliationRepository;
import com.trunkbill.testsupport.DatabaseTest;
import com.trunkbill.testsupport.OnH2;
import com.trunkbill.testsupport.OnPostgres;
import com.trunkbill.testsupport.PartitionSteps;
import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;

import javax.sql.DataSource;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;

import static com.trunkbill.db.jooq.Tables.CDR;
import static com.trunkbill.db.jooq.Tables.INVOICE;
import static com.trunkbill.db.jooq.Tables.INVOICE_LINE;
import static com.trunkbill.db.jooq.Tables.RATED_CDR;
import static com.trunkbill.db.jooq.Tables.RATING_RUN;
import static com.trunkbill.db.jooq.Tables.RATING_RUN_PARTITION;
import static com.trunkbill.db.jooq.Tables.RATING_RUN_TOTAL;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 9, part 1: {@code rate --partitions K} splits the rating step by a hash of account_id. The sample month
 * (20,000 CDRs) rated in 1 or 3 partitions gives the same ratings, invoices and reconciliation; a failed
 * partition is restarted alone.
 */
public abstract class PartitionedRatingFunctionalTests extends DatabaseTest {

    private static final String PERIOD = "2026-10";

    @Autowired
    JobLaunchService launcher;

    @Autowired
    ReconciliationRepository reconciliation;

    @Autowired
    FailingPartition failingPartition;

    @Autowired
    DataSource dataSource;

    @BeforeEach
    void importTheSampleMonth() {
        failingPartition.partition.set(null);
        run(new ImportInventoryCommand(), Map.of("dir", "sample-cdrs/inventory"));
        run(new ImportRatesCommand(), Map.of("dir", "rate-tables"));
        // the two-step path: the partitions of rate rate the whole month
        run(new ImportCdrsCommand(), Map.of("dir", "sample-cdrs", "no-rating", "true"));
    }

    @Test
    void threePartitionsRateTheMonthExactlyAsOne() throws SQLException {
        assertThat(rate(1).getStatus()).isEqualTo(BatchStatus.COMPLETED);
        Outcome one = outcome();
        forgetRatings();

        JobExecution three = rate(3);

        assertThat(three.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(partitionSteps(three)).containsOnlyKeys("rateCdrsStep:partition0", "rateCdrsStep:partition1",
                "rateCdrsStep:partition2").allSatisfy((name, runs) -> assertThat(runs).isEqualTo(1));
        Outcome partitioned = outcome();
        assertThat(partitioned.ratings()).hasSize(db.fetchCount(CDR)).isEqualTo(one.ratings());
        assertThat(partitioned.invoices()).isNotEmpty().isEqualTo(one.invoices());
        assertThat(partitioned.lines()).isNotEmpty().isEqualTo(one.lines());
        assertThat(partitioned.reconciliation()).isEqualTo(one.reconciliation());
        assertThat(partitioned.run()).isEqualTo(one.run());
        // the sample's accounts spread over the three: each partition committed a position of its own
        assertThat(db.fetchCount(RATING_RUN_PARTITION)).isEqualTo(3);
        // 3 partitions + the run lock + the job repository: the pool of 4 grew to 5
        assertThat(dataSource.unwrap(HikariDataSource.class).getMaximumPoolSize()).isGreaterThanOrEqualTo(5);
    }

    @Test
    void aFailedPartitionIsRestartedAloneAndTheRunCountsEveryCdrOnce() {
        rate(1);
        Outcome one = outcome();
        forgetRatings();
        failingPartition.partition.set("rateCdrsStep:partition1");

        JobExecution failed = rate(3);

        assertThat(failed.getStatus()).isEqualTo(BatchStatus.FAILED);
        assertThat(failingPartition.partition.get()).isNull(); // it failed once
        JobExecution restarted = rate(3);

        assertThat(restarted.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(restarted.getJobInstance().getInstanceId()).isEqualTo(failed.getJobInstance().getInstanceId());
        // the partitions that completed are not run again; the failed one runs a second time
        assertThat(partitionSteps(failed, restarted)).containsEntry("rateCdrsStep:partition0", 1)
                .containsEntry("rateCdrsStep:partition1", 2).containsEntry("rateCdrsStep:partition2", 1);
        Outcome partitioned = outcome();
        assertThat(partitioned.ratings()).isEqualTo(one.ratings());
        assertThat(partitioned.invoices()).isEqualTo(one.invoices());
        assertThat(partitioned.lines()).isEqualTo(one.lines());
        assertThat(partitioned.reconciliation()).isEqualTo(one.reconciliation());
        // one rating run for the failed execution and its restart, counting every CDR once
        assertThat(partitioned.run()).isEqualTo(one.run());
        assertThat(db.fetchCount(RATING_RUN)).isEqualTo(1);
    }

    private JobExecution rate(int partitions) {
        var parameters = new RateCommand().jobParameters(ParsedOptions.of("rate",
                Map.of("partitions", Integer.toString(partitions))));
        return launcher.launch(RatingJobConfiguration.JOB_NAME, parameters, RunPolicy.NEW_RUN_EACH_TIME).execution();
    }

    private void run(JobCommand command, Map<String, String> options) {
        JobExecution execution = launcher.launch(command.jobName(),
                command.jobParameters(ParsedOptions.of(command.name(), options)), command.runPolicy()).execution();
        assertThat(execution.getStatus()).as(command.name()).isEqualTo(BatchStatus.COMPLETED);
    }

    /** What rating left behind, then invoices the period: everything but ids and times. */
    private Outcome outcome() {
        run(new InvoiceCommand(), Map.of("period", PERIOD));
        List<String> ratings = db.select(RATED_CDR.fields()).from(RATED_CDR).where(RATED_CDR.IS_CURRENT.isTrue())
                .orderBy(RATED_CDR.CDR_ID).fetch(r -> {
                    var rating = r.into(RATED_CDR);
                    rating.setRunId(0L); // the run ids differ; every other column must not
                    return rating.toString();
                });
        List<String> invoices = db.selectFrom(INVOICE).orderBy(INVOICE.INVOICE_ID)
                .fetch(r -> {
                    r.setCreatedAt(null);
                    return r.toString();
                });
        List<String> lines = db.selectFrom(INVOICE_LINE).orderBy(INVOICE_LINE.INVOICE_ID, INVOICE_LINE.LINE_NO)
                .fetch(Object::toString);
        var run = db.select(RATING_RUN.CDRS_RATED, RATING_RUN.CDRS_CHANGED, RATING_RUN.CDRS_NO_RATE,
                RATING_RUN.CDRS_ANOMALOUS, RATING_RUN.STATUS).from(RATING_RUN).fetchSingle().toString()
                + db.select(RATING_RUN_TOTAL.CURRENCY, RATING_RUN_TOTAL.COST, RATING_RUN_TOTAL.COST_DELTA)
                .from(RATING_RUN_TOTAL).orderBy(RATING_RUN_TOTAL.CURRENCY).fetch();
        return new Outcome(ratings, invoices, lines, reconciliation.reconcile().toString(), run);
    }

    private record Outcome(List<String> ratings, List<String> invoices, List<String> lines, String reconciliation,
                           String run) {
    }

    /** Back to "imported, never rated" (the invoices are rebuilt by the next invoice run). */
    private void forgetRatings() {
        db.deleteFrom(RATED_CDR).execute();
        db.deleteFrom(RATING_RUN_PARTITION).execute();
        db.deleteFrom(RATING_RUN_TOTAL).execute();
        db.deleteFrom(RATING_RUN).execute();
    }

    /** Step executions of the partitions in these job executions, by name. */
    private Map<String, Integer> partitionSteps(JobExecution... executions) {
        return PartitionSteps.count(db, "rateCdrsStep", executions);
    }
}

@OnH2
@Import(FailingPartition.Configuration.class)
class PartitionedRatingH2FunctionalTests extends PartitionedRatingFunctionalTests {
}

@OnPostgres
@Import(FailingPartition.Configuration.class)
class PartitionedRatingPostgresFunctionalTests extends PartitionedRatingFunctionalTests {
}
