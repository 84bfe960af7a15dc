package com.trunkbill.ratetable;

import com.trunkbill.batch.JobLaunchService;
import com.trunkbill.batch.JobSummary;
import com.trunkbill.cli.RunPolicy;
import com.trunkbill.inventory.model.ChannelPlan;
import com.trunkbill.ratetable.model.ChannelPlanRow;
import com.trunkbill.ratetable.model.Direction;
import com.trunkbill.ratetable.model.EffectiveDates;
import com.trunkbill.ratetable.model.FxRow;
import com.trunkbill.ratetable.model.RateRow;
import com.trunkbill.ratetable.model.RateTable;
import com.trunkbill.ratetable.model.TaxAppliesTo;
import com.trunkbill.ratetable.model.TaxBasis;
import com.trunkbill.ratetable.model.TaxRow;
import com.trunkbill.testsupport.DatabaseTest;
import com.trunkbill.testsupport.OnH2;
import com.trunkbill.testsupport.OnPostgres;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.beans.factory.annotation.Autowired;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import static com.trunkbill.db.jooq.Tables.CHANNEL_PLAN_RATE;
import static com.trunkbill.db.jooq.Tables.FX_RATE;
import static com.trunkbill.db.jooq.Tables.RATE;
import static com.trunkbill.db.jooq.Tables.RATE_TABLE_VERSION;
import static com.trunkbill.db.jooq.Tables.TAX_RATE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** rateTableImportJob over the shipped rate tables and over broken files, on H2 and PostgreSQL. */
public abstract class RateTableImportJobFunctionalTests extends DatabaseTest {

    private static final Path SHIPPED = Path.of("rate-tables");
    private static final String RATES_HEADER = "price_list,direction,prefix,destination,rate_per_minute,currency,"
            + "first_increment_s,next_increment_s,connect_fee,effective_from,effective_to\n";

    @Autowired
    JobLaunchService launcher;

    @Autowired
    RateTableRepository repository;

    private JobExecution importRates(Path dir) {
        return launcher.launch(RateTableImportJobConfiguration.JOB_NAME,
                new JobParametersBuilder().addString("dir", dir.toAbsolutePath().toString()).toJobParameters(),
                RunPolicy.NEW_RUN_EACH_TIME).execution();
    }

    private static String failure(JobExecution execution) {
        return execution.getAllFailureExceptions().get(0).getMessage();
    }

    private Path dirWith(String name, Map<String, String> files) throws IOException {
        Path dir = Files.createDirectories(tempDir.resolve(name));
        for (Map.Entry<String, String> file : files.entrySet()) {
            Files.writeString(dir.resolve(file.getKey()), file.getValue(), StandardCharsets.UTF_8);
        }
        return dir;
    }

    private long version(RateTable table) {
        return repository.activeVersion(table).orElseThrow();
    }

    @Test
    void importsTheShippedRateTablesAsTheFirstVersionOfEachTable() {
        JobExecution execution = importRates(SHIPPED);

        assertThat(execution.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(db.fetchCount(RATE)).isEqualTo(357);
        assertThat(db.fetchCount(CHANNEL_PLAN_RATE)).isEqualTo(4);
        assertThat(db.fetchCount(TAX_RATE)).isEqualTo(22);
        assertThat(db.fetchCount(FX_RATE)).isEqualTo(462);
        assertThat(db.selectFrom(RATE_TABLE_VERSION).orderBy(RATE_TABLE_VERSION.VERSION_ID)
                .fetch(r -> r.getTableName() + " " + r.getRowCount() + " " + r.getContentHash().length()))
                .containsExactly("RATES 357 64", "CHANNEL_PLANS 4 64", "TAX_RATES 22 64", "FX_RATES 462 64");
        assertThat(JobSummary.lines(execution)).containsExactly(
                "rates.csv: 357 rows loaded as version " + version(RateTable.RATES) + " (first version)",
                "channel-plans.csv: 4 rows loaded as version " + version(RateTable.CHANNEL_PLANS)
                        + " (first version)",
                "tax-rates.csv: 22 rows loaded as version " + version(RateTable.TAX_RATES) + " (first version)",
                "fx-rates.csv: 462 rows loaded as version " + version(RateTable.FX_RATES) + " (first version)");
        assertThat(execution.getStepExecutions().iterator().next().getWriteCount()).isEqualTo(357 + 4 + 22 + 462);

        // rates.csv lines 40 and 41: the only mid-period change, Germany - Mobile 0.0390 then 0.0325 from 10-15.
        List<RateRow> germanyMobile = repository.activeRates().stream()
                .filter(r -> r.priceList().equals("STANDARD") && r.direction() == Direction.OUTBOUND
                        && r.prefix().equals("4915")).toList();
        long rates = version(RateTable.RATES);
        LocalDate october15 = LocalDate.parse("2026-10-15");
        assertThat(germanyMobile).containsExactly(
                new RateRow(rates, 40, "STANDARD", Direction.OUTBOUND, "4915", "Germany - Mobile",
                        germanyMobile.get(0).ratePerMinute(), "USD", 1, 1, germanyMobile.get(0).connectFee(),
                        new EffectiveDates(LocalDate.parse("2026-01-01"), october15)),
                new RateRow(rates, 41, "STANDARD", Direction.OUTBOUND, "4915", "Germany - Mobile",
                        germanyMobile.get(1).ratePerMinute(), "USD", 1, 1, germanyMobile.get(1).connectFee(),
                        new EffectiveDates(october15, null)));
        assertThat(germanyMobile.get(0).ratePerMinute()).isEqualByComparingTo("0.0390");
        assertThat(germanyMobile.get(1).ratePerMinute()).isEqualByComparingTo("0.0325");
        assertThat(germanyMobile.get(1).connectFee()).isEqualByComparingTo("0");
        // line 20: US Premium 1900 at 60/60 with a connect fee of 0.0100 USD.
        RateRow premium = repository.activeRates().stream().filter(r -> r.rateId() == 20).findFirst().orElseThrow();
        assertThat(premium.prefix()).isEqualTo("1900");
        assertThat(premium.ratePerMinute()).isEqualByComparingTo("0.9500");
        assertThat(premium.connectFee()).isEqualByComparingTo("0.0100");
        assertThat(premium.firstIncrementS()).isEqualTo(60);
        assertThat(premium.nextIncrementS()).isEqualTo(60);

        ChannelPlanRow unlimited = repository.activeChannelPlans().stream()
                .filter(p -> p.priceList().equals("STANDARD") && p.plan() == ChannelPlan.UNLIMITED_US)
                .findFirst().orElseThrow();
        assertThat(unlimited.pricePerChannelMonth()).isEqualByComparingTo("25.00");
        assertThat(unlimited.fairUseMinutesPerChannel()).isEqualByComparingTo("3000");
        assertThat(unlimited.overageRatePerMinute()).isEqualByComparingTo("0.0100");
        ChannelPlanRow metered = repository.activeChannelPlans().get(0);
        assertThat(metered.plan()).isEqualTo(ChannelPlan.METERED);
        assertThat(metered.fairUseMinutesPerChannel()).isNull();
        assertThat(metered.overageRatePerMinute()).isNull();

        TaxRow usf = repository.activeTaxRates().get(0);
        assertThat(usf.taxCode()).isEqualTo("US-USF");
        assertThat(usf.taxName()).isEqualTo("Federal Universal Service Fund (VoIP, interstate safe harbor)");
        assertThat(usf.basis()).isEqualTo(TaxBasis.PERCENT);
        assertThat(usf.rate()).isEqualByComparingTo("0.376");
        assertThat(usf.baseFraction()).isEqualByComparingTo("0.649");
        assertThat(usf.appliesTo()).isEqualTo(TaxAppliesTo.ALL);
        assertThat(usf.state()).isNull();
        assertThat(usf.currency()).isNull();
        TaxRow deVat = taxRow("DE-VAT");
        assertThat(deVat.reverseChargeB2b()).isTrue();
        assertThat(deVat.rate()).isEqualByComparingTo("0.19");
        TaxRow nyc = taxRow("US-NY-NYC-LOCAL");
        assertThat(List.of(nyc.country(), nyc.state(), nyc.county(), nyc.city()))
                .containsExactly("US", "NY", "New York", "New York");

        FxRow usdEurMonthEnd = repository.activeFxRates().stream()
                .filter(fx -> fx.date().equals(LocalDate.parse("2026-10-31")) && fx.base().equals("USD")
                        && fx.quote().equals("EUR")).findFirst().orElseThrow();
        assertThat(usdEurMonthEnd.rate()).isEqualByComparingTo("0.878076");
    }

    private TaxRow taxRow(String code) {
        return repository.activeTaxRates().stream().filter(t -> t.taxCode().equals(code)).findFirst().orElseThrow();
    }

    @Test
    void aChangedRatesFileBecomesTheActiveVersionAndTheOldVersionIsKept() throws IOException {
        assertThat(importRates(SHIPPED).getStatus()).isEqualTo(BatchStatus.COMPLETED);
        long firstRates = version(RateTable.RATES);
        long plans = version(RateTable.CHANNEL_PLANS);
        String changed = Files.readString(SHIPPED.resolve("rates.csv"))
                .replace("STANDARD,OUTBOUND,4915,Germany - Mobile,0.0325,", "STANDARD,OUTBOUND,4915,Germany - Mobile,0.0299,");
        Path dir = dirWith("changed", Map.of("rates.csv", changed));

        JobExecution execution = importRates(dir);

        assertThat(execution.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        long secondRates = version(RateTable.RATES);
        assertThat(secondRates).isGreaterThan(firstRates);
        assertThat(JobSummary.lines(execution)).containsExactly(
                "rates.csv: 357 rows loaded as version " + secondRates + " (replaces version " + firstRates + ")",
                "channel-plans.csv: absent, table left as it is",
                "tax-rates.csv: absent, table left as it is",
                "fx-rates.csv: absent, table left as it is");
        List<RateRow> active = repository.activeRates();
        assertThat(active).hasSize(357).allMatch(r -> r.versionId() == secondRates);
        assertThat(active.stream().filter(r -> r.rateId() == 41).findFirst().orElseThrow().ratePerMinute())
                .isEqualByComparingTo("0.0299");
        // version 1 stays for audit, with its own price
        List<RateRow> old = repository.rates(firstRates);
        assertThat(old).hasSize(357);
        assertThat(old.stream().filter(r -> r.rateId() == 41).findFirst().orElseThrow().ratePerMinute())
                .isEqualByComparingTo("0.0325");
        assertThat(db.fetchCount(RATE)).isEqualTo(2 * 357);
        assertThat(version(RateTable.CHANNEL_PLANS)).isEqualTo(plans);
    }

    @Test
    void importingTheSameFilesAgainAddsNoVersion() {
        assertThat(importRates(SHIPPED).getStatus()).isEqualTo(BatchStatus.COMPLETED);

        JobExecution again = importRates(SHIPPED);

        assertThat(again.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(db.fetchCount(RATE_TABLE_VERSION)).isEqualTo(4);
        assertThat(db.fetchCount(RATE)).isEqualTo(357);
        assertThat(JobSummary.lines(again)).containsExactly(
                "rates.csv: unchanged (same content as active version " + version(RateTable.RATES)
                        + "), no new version",
                "channel-plans.csv: unchanged (same content as active version " + version(RateTable.CHANNEL_PLANS)
                        + "), no new version",
                "tax-rates.csv: unchanged (same content as active version " + version(RateTable.TAX_RATES)
                        + "), no new version",
                "fx-rates.csv: unchanged (same content as active version " + version(RateTable.FX_RATES)
                        + "), no new version");
    }

    @Test
    void overlappingRatesRefuseTheFileNamingBothLinesAndNothingIsApplied() throws IOException {
        assertThat(importRates(SHIPPED).getStatus()).isEqualTo(BatchStatus.COMPLETED);
        Map<RateTable, Long> before = Map.of(RateTable.RATES, version(RateTable.RATES),
                RateTable.CHANNEL_PLANS, version(RateTable.CHANNEL_PLANS));
        Path dir = dirWith("overlap", Map.of(
                "rates.csv", RATES_HEADER
                        + "STANDARD,OUTBOUND,4915,Germany - Mobile,0.0390,USD,1,1,0,2026-01-01,2026-10-16\n"
                        + "STANDARD,INBOUND,4915,Germany - Mobile,0.0250,USD,1,1,0,2026-01-01,\n"
                        + "STANDARD,OUTBOUND,4915,Germany - Mobile,0.0325,USD,1,1,0,2026-10-15,\n"
                        + "STANDARD,OUTBOUND,49,Germany,0.0120,USD,1,1,0,,\n"
                        + "STANDARD,OUTBOUND,49,Germany,0.0130,USD,1,1,0,2027-01-01,\n",
                "channel-plans.csv", Files.readString(SHIPPED.resolve("channel-plans.csv"))
                        .replace("15.00", "16.00")));

        JobExecution execution = importRates(dir);

        assertThat(execution.getStatus()).isEqualTo(BatchStatus.FAILED);
        // lines 2 and 4 share 2026-10-15; line 5 is open at both ends and covers line 6's 2027-01-01 on
        assertThat(failure(execution)).contains(
                "rates.csv STANDARD OUTBOUND 4915: line 2 [2026-01-01, 2026-10-16) overlaps line 4 [2026-10-15, open)",
                "rates.csv STANDARD OUTBOUND 49: line 5 [open, open) overlaps line 6 [2027-01-01, open)",
                "nothing imported");
        // SPEC §3.2 "every conflicting row named": both rows of each pair are refused rows, in line order
        assertThat(Files.readAllLines(outputDir.resolve("rejects/rates.csv.rejects.csv"))).containsExactly(
                "line,reason,detail,row",
                "2,OVERLAPPING_RATES,\"rates.csv STANDARD OUTBOUND 4915: line 2 [2026-01-01, 2026-10-16) overlaps"
                        + " line 4 [2026-10-15, open)\",",
                "4,OVERLAPPING_RATES,\"rates.csv STANDARD OUTBOUND 4915: line 2 [2026-01-01, 2026-10-16) overlaps"
                        + " line 4 [2026-10-15, open)\",",
                "5,OVERLAPPING_RATES,\"rates.csv STANDARD OUTBOUND 49: line 5 [open, open) overlaps line 6"
                        + " [2027-01-01, open)\",",
                "6,OVERLAPPING_RATES,\"rates.csv STANDARD OUTBOUND 49: line 5 [open, open) overlaps line 6"
                        + " [2027-01-01, open)\",");
        assertThat(JobSummary.lines(execution)).contains(
                "channel-plans.csv: 4 valid rows, not applied (the import is refused as a whole)");
        assertNothingChangedSince(before);
    }

    private void assertNothingChangedSince(Map<RateTable, Long> before) {
        before.forEach((table, version) -> assertThat(version(table)).as(table.name()).isEqualTo(version));
        assertThat(db.fetchCount(RATE_TABLE_VERSION)).isEqualTo(4);
        assertThat(db.fetchCount(RATE)).isEqualTo(357);
        assertThat(db.fetchCount(CHANNEL_PLAN_RATE)).isEqualTo(4);
        assertThat(repository.activeChannelPlans().get(0).pricePerChannelMonth()).isEqualByComparingTo("15.00");
    }

    @Test
    void overlappingChannelPlansRefuseTheImport() throws IOException {
        Path dir = dirWith("plans", Map.of("channel-plans.csv",
                "price_list,plan,price_per_channel_month,currency,fair_use_minutes_per_channel,"
                        + "overage_rate_per_minute,effective_from,effective_to\n"
                        + "STANDARD,METERED,15.00,USD,,,2026-01-01,\n"
                        + "STANDARD,METERED,14.00,USD,,,2026-06-01,2026-07-01\n"));

        JobExecution execution = importRates(dir);

        assertThat(execution.getStatus()).isEqualTo(BatchStatus.FAILED);
        assertThat(failure(execution)).contains(
                "channel-plans.csv STANDARD METERED: line 2 [2026-01-01, open) overlaps line 3 [2026-06-01, 2026-07-01)");
        assertThat(db.fetchCount(RATE_TABLE_VERSION)).isZero();
        assertThat(db.fetchCount(CHANNEL_PLAN_RATE)).isZero();
    }

    @Test
    void aBadRowRefusesTheWholeFileNamingLineAndField() throws IOException {
        Path dir = dirWith("bad", Map.of(
                "rates.csv", RATES_HEADER
                        + "STANDARD,OUTBOUND,49,Germany,0.0120,USD,1,1,0,2026-01-01,\n"
                        + "STANDARD,OUTBOUND,4915,Germany - Mobile,\"0,0390\",USD,1,1,0,2026-01-01,\n"
                        + "STANDARD,SIDEWAYS,+4916,Germany - Mobile,-0.0390,USD,0,1,0,2026-01-01,2026-01-01\n"
                        + "STANDARD,OUTBOUND,4917,Germany - Mobile,0.0390,USD,1,1,0\n",
                "fx-rates.csv", Files.readString(SHIPPED.resolve("fx-rates.csv"))));

        JobExecution execution = importRates(dir);

        assertThat(execution.getStatus()).isEqualTo(BatchStatus.FAILED);
        assertThat(failure(execution)).contains(
                "BAD_NUMBER rates.csv line 3, field rate_per_minute: '0,0390' is not a plain decimal number");
        assertThat(Files.readAllLines(outputDir.resolve("rejects/rates.csv.rejects.csv"))).containsExactly(
                "line,reason,detail,row",
                "3,BAD_NUMBER,\"rates.csv line 3, field rate_per_minute: '0,0390' is not a plain decimal number"
                        + " (e.g. 0.0125)\",\"STANDARD,OUTBOUND,4915,Germany - Mobile,\"\"0,0390\"\",USD,1,1,0,"
                        + "2026-01-01,\"",
                "4,BAD_ENUM,\"rates.csv line 4, field direction: 'SIDEWAYS' is not one of INBOUND | OUTBOUND\","
                        + "\"STANDARD,SIDEWAYS,+4916,Germany - Mobile,-0.0390,USD,0,1,0,2026-01-01,2026-01-01\"",
                "4,BAD_PREFIX,\"rates.csv line 4, field prefix: '+4916' is not 1 to 15 digits (E.164 without '+')\","
                        + "\"STANDARD,SIDEWAYS,+4916,Germany - Mobile,-0.0390,USD,0,1,0,2026-01-01,2026-01-01\"",
                "4,OUT_OF_RANGE,\"rates.csv line 4, field rate_per_minute: '-0.0390' must not be negative\","
                        + "\"STANDARD,SIDEWAYS,+4916,Germany - Mobile,-0.0390,USD,0,1,0,2026-01-01,2026-01-01\"",
                "4,OUT_OF_RANGE,\"rates.csv line 4, field first_increment_s: '0' must be at least 1 second\","
                        + "\"STANDARD,SIDEWAYS,+4916,Germany - Mobile,-0.0390,USD,0,1,0,2026-01-01,2026-01-01\"",
                "4,EMPTY_PERIOD,\"rates.csv line 4, field effective_to: 2026-01-01 is not after effective_from"
                        + " 2026-01-01\",\"STANDARD,SIDEWAYS,+4916,Germany - Mobile,-0.0390,USD,0,1,0,2026-01-01,"
                        + "2026-01-01\"",
                "5,MALFORMED_ROW,\"rates.csv line 5: has 9 fields, not as many as the header\","
                        + "\"STANDARD,OUTBOUND,4917,Germany - Mobile,0.0390,USD,1,1,0\"");
        assertThat(db.fetchCount(RATE_TABLE_VERSION)).isZero();
        assertThat(db.fetchCount(RATE)).isZero();
        assertThat(db.fetchCount(FX_RATE)).isZero();
    }

    @Test
    void aMissingRequiredColumnFailsTheJobNamingFileAndColumn() throws IOException {
        Path dir = dirWith("nocolumn", Map.of(
                "rates.csv", "price_list,direction,prefix,destination,rate_per_minute\n"
                        + "STANDARD,OUTBOUND,49,Germany,0.0120\n",
                "tax-rates.csv", Files.readString(SHIPPED.resolve("tax-rates.csv"))));

        JobExecution execution = importRates(dir);

        assertThat(execution.getStatus()).isEqualTo(BatchStatus.FAILED);
        assertThat(failure(execution)).isEqualTo(
                "rate tables refused, nothing imported: rates.csv: required column 'currency' is missing.");
        assertThat(JobSummary.lines(execution)).containsExactly(
                "rates.csv: REFUSED: required column 'currency' is missing",
                "channel-plans.csv: absent, table left as it is",
                "tax-rates.csv: 22 valid rows, not applied (the import is refused as a whole)",
                "fx-rates.csv: absent, table left as it is");
        assertThat(db.fetchCount(RATE_TABLE_VERSION)).isZero();
        assertThat(db.fetchCount(TAX_RATE)).isZero();
    }

    @Test
    void emptyCellsTakeTheDefaultsAndUnknownColumnsAreReportedOnce() throws IOException {
        Path dir = dirWith("defaults", Map.of(
                "rates.csv", "Price_List,DIRECTION,prefix,destination,rate_per_minute,currency,note,"
                        + "first_increment_s,next_increment_s,connect_fee\n"
                        + "STANDARD,outbound,49,Germany,0.0120,usd,cheap,,,\n"
                        + "STANDARD,INBOUND,49,Germany,0.0100,USD,,30,6,0.0050\n",
                "tax-rates.csv", "tax_code,tax_name,country,basis,rate,currency,applies_to\n"
                        + "DE-VAT,Germany VAT,de,PERCENT,0.19,,ALL\n"
                        + "US-TX-REG,Texas Regulatory Recovery Fee,US,PER_TRUNK_MONTH,2.00,USD,\n"));

        JobExecution execution = importRates(dir);

        assertThat(execution.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(JobSummary.lines(execution)).contains("rates.csv: unknown column(s) ignored: note");
        long rates = version(RateTable.RATES);
        List<RateRow> active = repository.activeRates();
        // empty increments and connect fee: 60/60 and 0; "outbound" and "usd" read case-insensitively
        assertThat(active).extracting(RateRow::versionId, RateRow::rateId, RateRow::priceList, RateRow::direction,
                        RateRow::prefix, RateRow::currency, RateRow::firstIncrementS, RateRow::nextIncrementS,
                        RateRow::effective)
                .containsExactly(
                        tuple(rates, 2L, "STANDARD", Direction.OUTBOUND, "49", "USD", 60, 60, EffectiveDates.ALWAYS),
                        tuple(rates, 3L, "STANDARD", Direction.INBOUND, "49", "USD", 30, 6, EffectiveDates.ALWAYS));
        assertThat(active.get(0).ratePerMinute()).isEqualByComparingTo("0.0120");
        assertThat(active.get(0).connectFee()).isEqualByComparingTo("0");
        assertThat(active.get(1).ratePerMinute()).isEqualByComparingTo("0.0100");
        assertThat(active.get(1).connectFee()).isEqualByComparingTo("0.0050");
        List<TaxRow> taxes = repository.activeTaxRates();
        assertThat(taxes).extracting(TaxRow::country).containsExactly("DE", "US");
        assertThat(taxes.get(0).baseFraction()).isEqualByComparingTo("1");
        assertThat(taxes.get(0).reverseChargeB2b()).isFalse();
        assertThat(taxes.get(1).appliesTo()).isEqualTo(TaxAppliesTo.ALL);
        assertThat(taxes.get(1).baseFraction()).isEqualByComparingTo("1");
        assertThat(taxes).allMatch(Predicate.not(TaxRow::reverseChargeB2b));
    }

    @Test
    void aFileThatIsNotCsvIsRefusedWhole() throws IOException {
        Path dir = dirWith("notcsv", Map.of(
                "rates.csv", Files.readString(SHIPPED.resolve("rates.csv")),
                "fx-rates.csv", "date,base,quote,rate\n2026-10-31,USD,EUR,\"0.878076\n"));

        JobExecution execution = importRates(dir);

        assertThat(execution.getStatus()).isEqualTo(BatchStatus.FAILED);
        assertThat(failure(execution)).startsWith(
                "rate tables refused, nothing imported: fx-rates.csv: is not a valid CSV file after line 1");
        assertThat(db.fetchCount(RATE_TABLE_VERSION)).isZero();
        assertThat(db.fetchCount(RATE)).isZero();
    }

    @Test
    void afterARefusalTheSameCommandImportsTheCorrectedFiles() throws IOException {
        Path dir = dirWith("retry", Map.of("rates.csv", RATES_HEADER
                + "STANDARD,OUTBOUND,49,Germany,0.0120,USD,1,1,0,2026-01-01,\n"
                + "STANDARD,OUTBOUND,4915,Germany - Mobile,0.039O,USD,1,1,0,2026-01-01,\n"));
        assertThat(importRates(dir).getStatus()).isEqualTo(BatchStatus.FAILED);
        Files.writeString(dir.resolve("rates.csv"), RATES_HEADER
                + "STANDARD,OUTBOUND,49,Germany,0.0120,USD,1,1,0,2026-01-01,\n"
                + "STANDARD,OUTBOUND,4915,Germany - Mobile,0.0390,USD,1,1,0,2026-01-01,\n");

        JobExecution retry = importRates(dir);

        assertThat(retry.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(JobSummary.lines(retry)).containsExactly(
                "rates.csv: 2 rows loaded as version " + version(RateTable.RATES) + " (first version)",
                "channel-plans.csv: absent, table left as it is",
                "tax-rates.csv: absent, table left as it is",
                "fx-rates.csv: absent, table left as it is");
        assertThat(repository.activeRates()).extracting(RateRow::prefix).containsExactly("49", "4915");
        assertThat(outputDir.resolve("rejects/rates.csv.rejects.csv")).doesNotExist();
    }

    @Test
    void aFileWithoutDataRowsIsRefused() throws IOException {
        Path dir = dirWith("empty", Map.of("rates.csv", RATES_HEADER));

        JobExecution execution = importRates(dir);

        assertThat(execution.getStatus()).isEqualTo(BatchStatus.FAILED);
        assertThat(failure(execution)).contains("rates.csv: has no data rows");
        assertThat(db.fetchCount(RATE_TABLE_VERSION)).isZero();
    }
}

@OnH2
class RateTableImportJobH2FunctionalTests extends RateTableImportJobFunctionalTests {
}

@OnPostgres
class RateTableImportJobPostgresFunctionalTests extends RateTableImportJobFunctionalTests {
}
