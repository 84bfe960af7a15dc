package com.trunkbill.invoice;

import com.trunkbill.batch.JobLaunchService;
import com.trunkbill.cli.RunPolicy;
import com.trunkbill.db.jooq.tables.records.RatedCdrRecord;
import com.trunkbill.inventory.model.ServiceAddress;
import com.trunkbill.testsupport.DatabaseTest;
import com.trunkbill.testsupport.OnH2;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.beans.factory.annotation.Autowired;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static com.trunkbill.invoice.InvoiceFixtures.aTrunk;
import static com.trunkbill.invoice.InvoiceFixtures.account;
import static com.trunkbill.invoice.InvoiceFixtures.newYork;
import static com.trunkbill.invoice.InvoiceFixtures.sampleTaxRows;
import static com.trunkbill.invoice.InvoiceFixtures.standardPlans;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Throughput of invoicingJob (not part of the suite: {@code ./mvnw -B -o -Pbenchmark verify
 * -Dtest=InvoicingJobBenchmark}): 1,000 accounts, 3 trunks each, 600,000 current ratings in 30,000 usage lines.
 */
@OnH2
class InvoicingJobBenchmark extends DatabaseTest {

    @Autowired
    JobLaunchService launcher;

    @Test
    void invoicesAThousandAccounts() {
        InvoiceFixtures.Db given = new InvoiceFixtures.Db(db);
        given.plans(standardPlans()).taxes(sampleTaxRows());
        List<RatedCdrRecord> ratings = new ArrayList<>();
        long cdr = 0;
        for (int a = 0; a < 1000; a++) {
            String accountId = String.format("ACC-%04d", a);
            ServiceAddress ny = newYork("ADDR-" + a, accountId);
            given.account(account(accountId, "USD", "US")).address(ny);
            for (int t = 0; t < 3; t++) {
                String trunkId = accountId + "-T" + t;
                given.trunk(aTrunk(trunkId).of(accountId).channels(10 + t).at(ny).build());
                for (int d = 0; d < 10; d++) {
                    for (int r = 0; r < 20; r++) {
                        RatedCdrRecord rating = new RatedCdrRecord();
                        rating.setCdrId("CDR-" + (++cdr));
                        rating.setRunId(1L);
                        rating.setIsCurrent(true);
                        rating.setStatus("RATED");
                        rating.setTrunkId(trunkId);
                        rating.setAccountId(accountId);
                        rating.setPeriod("2026-10");
                        rating.setDirection("OUTBOUND");
                        rating.setCategory("TERMINATION");
                        rating.setDestination("Destination " + d);
                        rating.setRatePerMinute(new BigDecimal("0.0125"));
                        rating.setCurrency("USD");
                        rating.setBillable(true);
                        rating.setDurationS(60L + r);
                        rating.setBilledS(66L + r);
                        rating.setCost(new BigDecimal("0.0125").multiply(BigDecimal.valueOf(66 + r))
                                .divide(BigDecimal.valueOf(60), 10, RoundingMode.HALF_UP));
                        ratings.add(rating);
                    }
                }
            }
            if (ratings.size() >= 10_000) {
                db.batchInsert(ratings).execute();
                ratings.clear();
            }
        }
        db.batchInsert(ratings).execute();

        long started = System.nanoTime();
        JobExecution run = launcher.launch(InvoicingJobConfiguration.JOB_NAME, new JobParametersBuilder()
                .addString("period", "2026-10").addString("finalize", "true").toJobParameters(),
                RunPolicy.NEW_RUN_EACH_TIME).execution();
        double seconds = (System.nanoTime() - started) / 1e9;
        assertThat(run.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        run.getStepExecutions().forEach(step -> System.out.printf("BENCHMARK %s %s ms%n", step.getStepName(),
                Duration.between(step.getStartTime(), step.getEndTime()).toMillis()));
        System.out.printf("BENCHMARK invoicingJob --finalize: 1000 invoices, 600000 ratings in %.1f s%n", seconds);
    }
}
