package com.trunkbill.report;

import com.trunkbill.invoice.InvoiceFiles;
import com.trunkbill.invoice.TaxSummaryRepository;
import com.trunkbill.rating.RatedUsage;
import com.trunkbill.report.ReconciliationRepository.Reconciliation;
import com.trunkbill.report.model.ReconciliationRow;
import com.trunkbill.support.AtomicFiles;
import com.trunkbill.support.BillingPeriod;
import com.trunkbill.support.CsvOutput;
import com.trunkbill.usage.ChannelUsageRepository.PeriodUsage;
import com.trunkbill.usage.ChannelUsageRepository;
import com.trunkbill.usage.FairUseRepository;
import com.trunkbill.usage.model.ChannelSizing;
import com.trunkbill.usage.model.DailyUsage;
import com.trunkbill.usage.model.FairUseRow;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes the reports of a period under {@code <output-dir>/reports/P/} (SPEC §7), complete and from the
 * database on every run: {@code channel-usage.csv}, {@code channel-sizing.csv}, {@code reconciliation.csv},
 * {@code reconciliation-detail.csv}, {@code fair-use.csv} and {@code index.html}. Each file is written to a
 * temporary name and moved into place. {@code tax-summary.csv} is written by invoicing's code, here too.
 */
@Service
public class PeriodReports {

    static final List<String> CHANNEL_USAGE_COLUMNS = List.of("date", "trunk_id", "channels", "peak_concurrent",
            "peak_at", "occupied_seconds", "utilization", "calls", "answered", "channel_limit_refusals",
            "over_capacity");
    static final List<String> CHANNEL_SIZING_COLUMNS = List.of("trunk_id", "days", "channels", "p95_daily_peak",
            "max_daily_peak", "over_capacity_days", "channel_limit_refusals", "recommended_channels", "advice",
            "refusals_at_limit", "reason");
    static final List<String> RECONCILIATION_COLUMNS = List.of("file", "read", "rated", "rejected", "duplicates",
            "anomalies", "no_rate", "unknown_trunk", "account_mismatch", "no_trunk", "duplicate_conflict",
            "malformed");
    static final List<String> RECONCILIATION_DETAIL_COLUMNS = List.of("file", "measure", "key", "value");
    static final List<String> FAIR_USE_COLUMNS = List.of("trunk_id", "trunk_name", "account_id",
            "allowance", "used", "overage", "overage_rate", "currency", "overage_amount",
            "answered_calls", "short_call_share", "longest_call_seconds", "calls_over_long", "outbound_share",
            "flags");
    /** Minutes in fair-use.csv: 4 decimals half-up (display only; the figures themselves are unrounded). */
    static final int MINUTES_SCALE = 4;

    private static final Logger log = LoggerFactory.getLogger(PeriodReports.class);

    private final ChannelUsageRepository channelUsage;
    private final ReconciliationRepository reconciliation;
    private final FinanceRepository finance;
    private final FairUseRepository fairUse;
    private final InvoiceFiles invoiceFiles;
    private final TaxSummaryRepository taxSummary;
    private final IndexPage indexPage;
    private final Path outputDir;
    private final Clock clock;

    public PeriodReports(ChannelUsageRepository channelUsage, ReconciliationRepository reconciliation,
                         FinanceRepository finance, FairUseRepository fairUse, InvoiceFiles invoiceFiles,
                         TaxSummaryRepository taxSummary, IndexPage indexPage,
                         @Value("${trunkbill.output-dir}") Path outputDir) {
        this.channelUsage = channelUsage;
        this.reconciliation = reconciliation;
        this.finance = finance;
        this.fairUse = fairUse;
        this.invoiceFiles = invoiceFiles;
        this.taxSummary = taxSummary;
        this.indexPage = indexPage;
        this.outputDir = outputDir;
        this.clock = Clock.systemUTC();
    }

    /** Where the reports of a period go. */
    public Path directory(BillingPeriod period) {
        return outputDir.resolve("reports").resolve(period.toString());
    }

    /** The files written and the lines an operator reads at the end of the job. */
    public record Written(Path index, List<String> summary) {
    }

    public Written write(BillingPeriod period) {
        Path directory = directory(period);
        List<String> summary = new ArrayList<>();

        PeriodUsage usage = channelUsage.usage(period);
        List<ChannelSizing> sizing = sizing(usage.rows());
        writeChannelUsage(directory.resolve("channel-usage.csv"), usage.rows());
        writeChannelSizing(directory.resolve("channel-sizing.csv"), sizing);
        long overCapacity = usage.rows().stream().filter(DailyUsage::overCapacity).count();
        long refusals = usage.rows().stream().mapToLong(DailyUsage::channelLimitRefusals).sum();
        long underProvisioned = sizing.stream()
                .filter(s -> s.advice() == ChannelSizing.Advice.UNDER_PROVISIONED).count();
        summary.add(String.format("channel usage %s: %,d rows for %,d trunks and groups, %,d over-capacity "
                        + "trunk-days, %,d channel-limit refusals, %,d under-provisioned", period, usage.rows().size(),
                sizing.size(), overCapacity, refusals, underProvisioned));
        if (usage.callsOnDaysWithoutTrunk() > 0) {
            summary.add(String.format("channel usage %s: %,d CDRs start on days when their trunk did not exist "
                    + "(no row)", period, usage.callsOnDaysWithoutTrunk()));
        }

        // SPEC §7: every report run writes the complete files of P, the tax summary included
        invoiceFiles.writeTaxSummary(period);

        Reconciliation reconciled = reconciliation.reconcile();
        writeReconciliation(directory.resolve("reconciliation.csv"), reconciled);
        writeReconciliationDetail(directory.resolve("reconciliation-detail.csv"), reconciled);
        summary.addAll(reconciliationSummary(reconciled));

        List<FairUseRow> fairUseRows = fairUse.fairUse(period);
        writeFairUse(directory.resolve("fair-use.csv"), fairUseRows);
        summary.add(String.format("fair use %s: %,d UNLIMITED_US trunks, %,d over allowance, %,d with policy flags",
                period, fairUseRows.size(), fairUseRows.stream().filter(r -> r.overageMinutes().signum() > 0).count(),
                fairUseRows.stream().filter(r -> r.flags().stream().anyMatch(f -> !f.equals("OVER_ALLOWANCE")))
                        .count()));

        Path index = directory.resolve("index.html");
        AtomicFiles.writeString(index, indexPage.render(new IndexPage.Content(period, clock.instant(),
                finance.accountTotals(period), finance.invoices(period), taxSummary.taxSummary(period),
                finance.topDestinations(period), usage.rows(), sizing, fairUseRows, reconciled)));
        summary.add("report " + period + ": " + index.toAbsolutePath().normalize());
        return new Written(index, summary);
    }

    static List<ChannelSizing> sizing(List<DailyUsage> rows) {
        Map<String, List<DailyUsage>> byTrunk = new LinkedHashMap<>();
        rows.stream().sorted(Comparator.comparing(DailyUsage::trunkId))
                .forEach(row -> byTrunk.computeIfAbsent(row.trunkId(), id -> new ArrayList<>()).add(row));
        return byTrunk.values().stream().map(ChannelSizing::of).toList();
    }

    private static void writeChannelUsage(Path file, List<DailyUsage> rows) {
        try (CsvOutput csv = CsvOutput.create(file, CHANNEL_USAGE_COLUMNS)) {
            for (DailyUsage row : rows) {
                csv.row(row.date().toString(), row.trunkId(), row.channels(), row.peakConcurrent(), row.peakAt(),
                        row.occupiedSeconds(), row.utilization(), row.calls(), row.answered(),
                        row.channelLimitRefusals(), row.overCapacity());
            }
        }
    }

    private static void writeChannelSizing(Path file, List<ChannelSizing> sizing) {
        try (CsvOutput csv = CsvOutput.create(file, CHANNEL_SIZING_COLUMNS)) {
            for (ChannelSizing s : sizing) {
                csv.row(s.trunkId(), s.days(), s.channels(), s.p95DailyPeak(), s.maxDailyPeak(),
                        s.overCapacityDays(), s.channelLimitRefusals(), s.recommendedChannels(), s.advice().name(),
                        s.refusalsAtLimit(), s.reason());
            }
        }
    }

    private static void writeReconciliation(Path file, Reconciliation reconciled) {
        try (CsvOutput csv = CsvOutput.create(file, RECONCILIATION_COLUMNS)) {
            List<ReconciliationRow> rows = new ArrayList<>(reconciled.files());
            rows.add(reconciled.total());
            for (ReconciliationRow r : rows) {
                csv.row(r.file(), r.read(), r.rated(), r.rejected(), r.duplicates(), r.anomalies(), r.noRate(),
                        r.unknownTrunk(), r.accountMismatch(), r.noTrunk(), r.duplicateConflict(), r.malformed());
            }
        }
    }

    /**
     * What {@code reconciliation.csv}'s fixed columns cannot hold, in long format ({@code file, measure, key,
     * value}): per file and for TOTAL, {@code accepted}, {@code not_yet_rated}, {@code rating_errors} (the CDRs
     * set aside as RATING_ERROR, counted under malformed), {@code identity} (holds / broken), {@code anomalies}
     * by kind and {@code money_rated} by currency (minor-unit scale, half-up); per file, one
     * {@code rating_error} row per such CDR (key cdr_id, value the reason).
     */
    private static void writeReconciliationDetail(Path file, Reconciliation reconciled) {
        try (CsvOutput csv = CsvOutput.create(file, RECONCILIATION_DETAIL_COLUMNS)) {
            for (int i = 0; i < reconciled.files().size(); i++) {
                writeDetail(csv, reconciled.files().get(i), reconciled.anomaliesByKind().get(i),
                        reconciled.moneyRated().get(i), reconciled.ratingErrors().get(i));
            }
            writeDetail(csv, reconciled.total(), reconciled.totalAnomaliesByKind(), reconciled.totalMoneyRated(),
                    List.of());
        }
    }

    private static void writeDetail(CsvOutput csv, ReconciliationRow r, Map<String, Long> anomalies,
                                    Map<String, BigDecimal> money,
                                    List<RatedUsage.RatingError> ratingErrors) {
        csv.row(r.file(), "accepted", "", r.accepted());
        csv.row(r.file(), "not_yet_rated", "", r.notYetRated());
        if (r.ratingErrors() > 0) {
            csv.row(r.file(), "rating_errors", "", r.ratingErrors());
        }
        csv.row(r.file(), "identity", "", r.identityHolds() ? "holds" : "broken");
        anomalies.forEach((kind, n) -> csv.row(r.file(), "anomalies", kind, n));
        money.forEach((currency, amount) -> csv.row(r.file(), "money_rated", currency,
                amount.setScale(ReportFormat.minorUnits(currency), RoundingMode.HALF_UP)));
        ratingErrors.forEach(error -> csv.row(r.file(), "rating_error", error.cdrId(), error.error()));
    }

    private static List<String> reconciliationSummary(Reconciliation reconciled) {
        ReconciliationRow t = reconciled.total();
        List<String> lines = new ArrayList<>();
        lines.add(String.format("reconciliation: %,d files  read %,d  rated in period %,d  rejected %,d (NO_RATE %,d, "
                        + "UNKNOWN_TRUNK %,d, ACCOUNT_MISMATCH %,d, NO_TRUNK %,d, DUPLICATE_CONFLICT %,d, malformed %,d)"
                        + "  duplicates %,d  anomalies %,d", reconciled.files().size(), t.read(), t.rated(),
                t.rejected(), t.noRate(), t.unknownTrunk(), t.accountMismatch(), t.noTrunk(),
                t.duplicateConflict(), t.malformed(), t.duplicates(), t.anomalies()));
        if (t.ratingErrors() > 0) {
            String line = String.format("%,d CDRs could not be rated (RATING_ERROR, counted under malformed): see "
                    + "rating_error in reconciliation-detail.csv", t.ratingErrors());
            log.warn("reconciliation: {}", line);
            lines.add(line);
        }
        if (t.notYetRated() > 0) {
            String line = String.format("%,d CDRs accepted but not yet rated: run `rate`", t.notYetRated());
            log.warn("reconciliation: {}", line);
            lines.add(line);
        }
        List<String> broken = reconciled.files().stream().filter(r -> !r.identityHolds())
                .map(ReconciliationRow::file).toList();
        if (broken.isEmpty()) {
            lines.add("reconciliation: read = rated + rejected + duplicates holds for every file");
        } else {
            String line = "reconciliation: read = rated + rejected + duplicates does NOT hold for " + broken.size()
                    + " files: " + String.join(", ", broken.subList(0, Math.min(5, broken.size())))
                    + (broken.size() > 5 ? ", ..." : "");
            log.warn(line);
            lines.add(line);
        }
        return lines;
    }

    private static void writeFairUse(Path file, List<FairUseRow> rows) {
        try (CsvOutput csv = CsvOutput.create(file, FAIR_USE_COLUMNS)) {
            for (FairUseRow r : rows) {
                csv.row(r.trunkId(), r.trunkName(), r.accountId(), minutes(r.allowanceMinutes()),
                        minutes(r.usedMinutes()), minutes(r.overageMinutes()), r.overageRate().stripTrailingZeros()
                                .toPlainString(), r.currency(),
                        r.currency() == null ? null : r.overageAmount()
                                .setScale(ReportFormat.minorUnits(r.currency()), RoundingMode.HALF_UP),
                        r.traffic().answeredCalls(), r.traffic().shortCallShare(), r.traffic().longestCallSeconds(),
                        r.traffic().longCalls(), r.traffic().outboundShare(), String.join(";", r.flags()));
            }
        }
    }

    private static BigDecimal minutes(BigDecimal minutes) {
        return minutes.setScale(MINUTES_SCALE, RoundingMode.HALF_UP);
    }

}
