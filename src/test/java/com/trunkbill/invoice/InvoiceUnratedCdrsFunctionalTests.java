package com.trunkbill.invoice;

import com.trunkbill.batch.JobLaunchService;
import com.trunkbill.batch.JobSummary;
import com.trunkbill.batch.TrunkbillExitStatus;
import com.trunkbill.cdr.model.CdrIdFingerprint;
import com.trunkbill.cli.RunPolicy;
import com.trunkbill.db.jooq.tables.records.CdrRecord;
import com.trunkbill.inventory.model.ServiceAddress;
import com.trunkbill.support.CdrKey;
import com.trunkbill.testsupport.DatabaseTest;
import com.trunkbill.testsupport.OnH2;
import com.trunkbill.testsupport.OnPostgres;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.beans.factory.annotation.Autowired;

import java.math.BigDecimal;
import java.time.Instant;

import static com.trunkbill.db.jooq.Tables.CDR;
import static com.trunkbill.db.jooq.Tables.INVOICE;
import static com.trunkbill.db.jooq.Tables.RATED_CDR;
import static com.trunkbill.invoice.InvoiceFixtures.aTrunk;
import static com.trunkbill.invoice.InvoiceFixtures.account;
import static com.trunkbill.invoice.InvoiceFixtures.newYork;
import static com.trunkbill.invoice.InvoiceFixtures.sampleTaxRows;
import static com.trunkbill.invoice.InvoiceFixtures.standardPlans;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 12 finding 1 and issue 11: invoicing a period whose accepted CDRs are not all rated or rejected (never
 * rated, or set aside as RATING_ERROR) builds the drafts but says so, with an exit status a scheduler notices;
 * {@code --finalize} refuses; a period with nothing to invoice says what to run first.
 */
public abstract class InvoiceUnratedCdrsFunctionalTests extends DatabaseTest {

    @Autowired
    JobLaunchService launcher;

    InvoiceFixtures.Db given;
    /** Line numbers of the accepted CDRs stored so far (file 1). */
    private long lines;

    JobExecution invoice(String period, boolean finalize) {
        return launcher.launch(InvoicingJobConfiguration.JOB_NAME, new JobParametersBuilder()
                .addString("period", period).addString("finalize", Boolean.toString(finalize))
                .toJobParameters(), RunPolicy.NEW_RUN_EACH_TIME).execution();
    }

    void octoberWithOneRatedCall() {
        given = new InvoiceFixtures.Db(db);
        ServiceAddress ny = newYork("ADDR-A-NY", "ACC-A");
        given.plans(standardPlans()).taxes(sampleTaxRows()).account(account("ACC-A", "USD", "US")).address(ny)
                .trunk(aTrunk("TA-1").of("ACC-A").channels(10).at(ny).build());
        String rated = given.ratedCdr("ACC-A", "TA-1", "TERMINATION", "Germany", "USD", "0.0250", 6_000,
                "2.5000000000");
        acceptedCdr(rated);
    }

    /** An accepted CDR of October 2026 (import's row; its rating, if any, is the fixture's). */
    void acceptedCdr(String cdrId) {
        Instant start = Instant.parse("2026-10-10T10:00:00Z");
        long line = ++lines;
        // under the key of its rating when the fixture rated it first
        Long key = db.select(RATED_CDR.CDR_KEY).from(RATED_CDR).where(RATED_CDR.CDR_ID.eq(cdrId)).limit(1)
                .fetchOptional(RATED_CDR.CDR_KEY).orElse(CdrKey.of(1, line));
        db.executeInsert(new CdrRecord(cdrId, 1L, line, "call-" + cdrId, "TA-1", "TA-1", false, "ACC-A", "NEW_YORK",
                "SBC", "OUTBOUND", "+15550000000", "+4915112345678", start, start, start.plusSeconds(60), 200, null,
                "PCMU", "2026-10", "hash-" + cdrId, key, CdrIdFingerprint.of(cdrId)));
    }

    void ratingError(String cdrId) {
        acceptedCdr(cdrId);
        long key = db.select(CDR.CDR_KEY).from(CDR).where(CDR.CDR_ID.eq(cdrId)).fetchSingle().value1();
        db.insertInto(RATED_CDR).set(RATED_CDR.CDR_KEY, key).set(RATED_CDR.CDR_ID, cdrId).set(RATED_CDR.RUN_ID, 1L)
                .set(RATED_CDR.IS_CURRENT, true).set(RATED_CDR.STATUS, "RATING_ERROR")
                .set(RATED_CDR.TRUNK_ID, "TA-1").set(RATED_CDR.ACCOUNT_ID, "ACC-A").set(RATED_CDR.PERIOD, "2026-10")
                .set(RATED_CDR.DIRECTION, "OUTBOUND").set(RATED_CDR.BILLABLE, false).set(RATED_CDR.DURATION_S, 0L)
                .set(RATED_CDR.BILLED_S, 0L).set(RATED_CDR.COST, BigDecimal.ZERO)
                .set(RATED_CDR.RATING_ERROR, "cdr " + cdrId + ": long overflow (ArithmeticException)").execute();
    }

    @Test
    void aFullyRatedPeriodCompletesAsBefore() {
        octoberWithOneRatedCall();

        JobExecution run = invoice("2026-10", false);

        assertThat(run.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(run.getExitStatus().getExitCode()).isEqualTo(ExitStatus.COMPLETED.getExitCode());
        assertThat(JobSummary.lines(run)).noneMatch(line -> line.contains("warning"));
    }

    @Test
    void unratedCdrsGiveDraftsAWarningAndADistinctExitStatus() {
        octoberWithOneRatedCall();
        acceptedCdr("NEVER-RATED");
        ratingError("POISON");

        JobExecution run = invoice("2026-10", false);

        assertThat(run.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(run.getExitStatus().getExitCode()).isEqualTo(TrunkbillExitStatus.COMPLETED_WITH_UNRATED_CDRS);
        assertThat(db.fetchCount(INVOICE, INVOICE.STATUS.eq("DRAFT"))).isEqualTo(1);
        assertThat(JobSummary.lines(run)).contains("warning: 2 CDRs of 2026-10 are accepted but neither rated nor"
                + " rejected (1 never rated, 1 RATING_ERROR): these drafts lack their usage; run `trunkbill rate"
                + " --period 2026-10`, then see reports/2026-10/reconciliation-detail.csv (`trunkbill report"
                + " --period 2026-10`) for the CDRs that still cannot be rated");
    }

    @Test
    void finalizeRefusesWhileCdrsAreUnrated() {
        octoberWithOneRatedCall();
        ratingError("POISON");

        JobExecution run = invoice("2026-10", true);

        assertThat(run.getStatus()).isEqualTo(BatchStatus.FAILED);
        assertThat(run.getAllFailureExceptions()).singleElement().satisfies(e -> assertThat(e.getMessage())
                .isEqualTo("invoice --finalize refused: 1 CDRs of 2026-10 are accepted but neither rated nor rejected"
                        + " (0 never rated, 1 RATING_ERROR); run `trunkbill rate --period 2026-10`, then see"
                        + " reports/2026-10/reconciliation-detail.csv (`trunkbill report --period 2026-10`) for"
                        + " the CDRs that still cannot be rated; nothing was finalized"));
        assertThat(db.fetchCount(INVOICE, INVOICE.STATUS.eq("FINAL"))).isZero();

        // once the CDR is rated (here: rejected as NO_RATE pending), finalization goes through
        db.update(RATED_CDR).set(RATED_CDR.STATUS, "NO_RATE").where(RATED_CDR.CDR_ID.eq("POISON")).execute();
        JobExecution rerun = invoice("2026-10", true);
        assertThat(rerun.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(db.fetchCount(INVOICE, INVOICE.STATUS.eq("FINAL"))).isEqualTo(1);
    }

    @Test
    void anEmptyPeriodSaysWhatToRunFirst() {
        JobExecution run = invoice("2026-10", false);

        assertThat(run.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(JobSummary.lines(run)).contains("warning: nothing rated for 2026-10; run import-cdrs and rate first");
        assertThat(db.fetchCount(CDR)).isZero();
    }
}

@OnH2
class InvoiceUnratedCdrsH2FunctionalTests extends InvoiceUnratedCdrsFunctionalTests {
}

@OnPostgres
class InvoiceUnratedCdrsPostgresFunctionalTests extends InvoiceUnratedCdrsFunctionalTests {
}
