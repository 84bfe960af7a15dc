package com.trunkbill.invoice;

import com.trunkbill.batch.JobLaunchService;
import com.trunkbill.batch.JobSummary;
import com.trunkbill.cli.ParsedOptions;
import com.trunkbill.cli.RunPolicy;
import com.trunkbill.rating.RateCommand;
import com.trunkbill.rating.RatingJobConfiguration;
import com.trunkbill.ratetable.RateTableImportJobConfiguration;
import com.trunkbill.testsupport.CanonicalCdrs;
import com.trunkbill.testsupport.DatabaseTest;
import com.trunkbill.testsupport.OnH2;
import com.trunkbill.testsupport.OnPostgres;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.beans.factory.annotation.Autowired;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static com.trunkbill.db.jooq.Tables.CHANNEL_PLAN_RATE;
import static com.trunkbill.db.jooq.Tables.FX_RATE;
import static com.trunkbill.db.jooq.Tables.INVOICE;
import static com.trunkbill.db.jooq.Tables.INVOICE_LINE;
import static com.trunkbill.db.jooq.Tables.RATE;
import static com.trunkbill.db.jooq.Tables.RATED_CDR;
import static com.trunkbill.db.jooq.Tables.TAX_RATE;
import static com.trunkbill.testsupport.InventoryFixtures.aTrunk;
import static com.trunkbill.testsupport.InventoryFixtures.anAccount;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Rates, fees, tax and FX rates of any scale (SPEC §3, issue 10): imported, stored and used exactly as written,
 * rounded only where SPEC §4.1 (per-CDR cost, 10 places half-up) and §5.2 (each line, minor unit) round.
 */
public abstract class ExactDecimalsFunctionalTests extends DatabaseTest {

    static final String CDR_HEADER = CanonicalCdrs.HEADER;

    @Autowired
    JobLaunchService launcher;

    JobExecution completed(String job, JobParameters parameters) {
        JobExecution execution = launcher.launch(job, parameters, RunPolicy.NEW_RUN_EACH_TIME).execution();
        assertThat(execution.getStatus()).as(JobSummary.lines(execution) + " " + execution.getAllFailureExceptions())
                .isEqualTo(BatchStatus.COMPLETED);
        return execution;
    }

    Path folder(String name, Map<String, String> files) throws IOException {
        Path dir = Files.createDirectories(tempDir.resolve(name));
        for (Map.Entry<String, String> file : files.entrySet()) {
            Files.writeString(dir.resolve(file.getKey()), file.getValue(), StandardCharsets.UTF_8);
        }
        return dir;
    }

    @Test
    void thirteenDecimalRatesAndFeesAreStoredExactlyAndRoundedOnlyPerCdrAndPerLine() throws IOException {
        anAccount("A1").country("DE").insert(db);
        aTrunk("T1").account("A1").dataCenter("FRANKFURT").createdAt("2026-10-01T00:00:00Z").channels(10)
                .insert(db);
        Path rates = folder("rates", Map.of(
                "rates.csv", "price_list,direction,prefix,destination,rate_per_minute,currency,first_increment_s,"
                        + "next_increment_s,connect_fee,effective_from,effective_to\n"
                        + "STANDARD,OUTBOUND,44,UK,0.0049999999999,USD,60,60,0.0000000000001,2026-01-01,\n",
                "channel-plans.csv", "price_list,plan,price_per_channel_month,currency,fair_use_minutes_per_channel,"
                        + "overage_rate_per_minute,effective_from,effective_to\n"
                        + "STANDARD,METERED,1.0000000000001,USD,,,2026-01-01,\n"
                        + "STANDARD,UNLIMITED_US,20.0000000000001,USD,1000.0000000000001,0.0100000000001,2026-01-01,\n",
                "tax-rates.csv", "tax_code,tax_name,country,state,county,city,basis,rate,currency,applies_to,"
                        + "base_fraction,reverse_charge_b2b,effective_from,effective_to\n"
                        + "VAT,DE VAT,DE,,,,PERCENT,0.1900000000001,,ALL,0.9999999999999,false,2026-01-01,\n",
                "fx-rates.csv", "date,base,quote,rate\n2026-10-01,EUR,USD,1.0812345678901234567\n"));
        completed(RateTableImportJobConfiguration.JOB_NAME,
                new JobParametersBuilder().addString("dir", rates.toString()).toJobParameters());
        Path cdrs = folder("cdrs", Map.of("cdrs.csv", CDR_HEADER
                // 60,000 s answered: 1,000 billed minutes
                + "c-1,call-1,T1,A1,FRANKFURT,SBC,OUTBOUND,+4930123456,+442079460123,2026-10-05T10:00:00Z,"
                + "2026-10-05T10:00:00Z,2026-10-06T02:40:00Z,200,NORMAL_CLEARING,PCMA\n"
                // 61 s answered: 60/60 increments bill 120 s, 2 minutes
                + "c-2,call-2,T1,A1,FRANKFURT,SBC,OUTBOUND,+4930123456,+442079460123,2026-10-07T10:00:00Z,"
                + "2026-10-07T10:00:05Z,2026-10-07T10:01:06Z,200,NORMAL_CLEARING,PCMA\n"));
        completed("cdrImportJob", new JobParametersBuilder().addString("dir", cdrs.toString())
                .addString("format", "canonical").toJobParameters());
        completed(RatingJobConfiguration.JOB_NAME, new RateCommand().jobParameters(ParsedOptions.of("rate", Map.of())));
        completed(InvoicingJobConfiguration.JOB_NAME, new JobParametersBuilder().addString("period", "2026-10")
                .addString("finalize", "false").toJobParameters());

        // stored exactly as written
        assertThat(db.select(RATE.RATE_PER_MINUTE, RATE.CONNECT_FEE).from(RATE).fetchSingle())
                .satisfies(r -> {
                    assertThat(r.value1()).isEqualByComparingTo("0.0049999999999");
                    assertThat(r.value2()).isEqualByComparingTo("0.0000000000001");
                });
        assertThat(db.select(CHANNEL_PLAN_RATE.PRICE_PER_CHANNEL_MONTH, CHANNEL_PLAN_RATE.FAIR_USE_MINUTES_PER_CHANNEL,
                        CHANNEL_PLAN_RATE.OVERAGE_RATE_PER_MINUTE).from(CHANNEL_PLAN_RATE)
                .where(CHANNEL_PLAN_RATE.PLAN.eq("UNLIMITED_US")).fetchSingle())
                .satisfies(r -> {
                    assertThat(r.value1()).isEqualByComparingTo("20.0000000000001");
                    assertThat(r.value2()).isEqualByComparingTo("1000.0000000000001");
                    assertThat(r.value3()).isEqualByComparingTo("0.0100000000001");
                });
        assertThat(db.select(TAX_RATE.RATE, TAX_RATE.BASE_FRACTION).from(TAX_RATE).fetchSingle()).satisfies(r -> {
            assertThat(r.value1()).isEqualByComparingTo("0.1900000000001");
            assertThat(r.value2()).isEqualByComparingTo("0.9999999999999");
        });
        assertThat(db.select(FX_RATE.RATE).from(FX_RATE).fetchSingle().value1())
                .isEqualByComparingTo("1.0812345678901234567");

        // SPEC §4.1: cost = connect_fee + rate * billed minutes, rounded once to 10 places half-up
        // c-1: 0.0000000000001 + 0.0049999999999 * 1000 = 4.9999999999001 -> 4.9999999999
        // c-2: 0.0000000000001 + 0.0049999999999 * 2    = 0.0099999999999 -> 0.0100000000
        assertThat(db.select(RATED_CDR.CDR_ID, RATED_CDR.COST, RATED_CDR.RATE_PER_MINUTE, RATED_CDR.CONNECT_FEE)
                .from(RATED_CDR).where(RATED_CDR.IS_CURRENT.isTrue()).orderBy(RATED_CDR.CDR_ID).fetch())
                .satisfiesExactly(
                        r -> {
                            assertThat(r.value2()).isEqualByComparingTo("4.9999999999");
                            assertThat(r.value3()).isEqualByComparingTo("0.0049999999999");
                            assertThat(r.value4()).isEqualByComparingTo("0.0000000000001");
                        },
                        r -> assertThat(r.value2()).isEqualByComparingTo("0.0100000000"));

        // SPEC §5.2, each line to cents: usage 4.9999999999 + 0.0100000000 = 5.0099999999 -> 5.01
        // channel fee 1.0000000000001 * 10 channels * 31 days / 31 = 10.000000000001 -> 10.00
        // VAT: unit price = rate * base_fraction = 0.1900000000001 * 0.9999999999999 = 0.19000000000008099999999999
        // (kept exactly), * (5.01 + 10.00) = 2.8519000000012158... -> 2.85
        assertThat(db.select(INVOICE_LINE.KIND, INVOICE_LINE.AMOUNT, INVOICE_LINE.UNIT_PRICE).from(INVOICE_LINE)
                .orderBy(INVOICE_LINE.LINE_NO).fetch().map(r -> r.value1() + " " + r.value2().stripTrailingZeros()
                        .toPlainString() + " " + (r.value3() == null ? "-" : r.value3().stripTrailingZeros()
                        .toPlainString())))
                .containsExactly("CHANNEL_FEE 10 -", "USAGE 5.01 0.0049999999999",
                        "TAX 2.85 0.19000000000008099999999999");
        assertThat(db.select(INVOICE.SUBTOTAL, INVOICE.TAX_TOTAL, INVOICE.TOTAL).from(INVOICE).fetchSingle())
                .satisfies(r -> {
                    assertThat(r.value1()).isEqualByComparingTo("15.01");
                    assertThat(r.value2()).isEqualByComparingTo("2.85");
                    assertThat(r.value3()).isEqualByComparingTo("17.86");
                });
    }
}

@OnH2
class ExactDecimalsH2FunctionalTests extends ExactDecimalsFunctionalTests {
}

@OnPostgres
class ExactDecimalsPostgresFunctionalTests extends ExactDecimalsFunctionalTests {
}
