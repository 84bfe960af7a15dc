package com.trunkbill.nightly;

import com.trunkbill.cdr.CdrImportJobConfiguration;
import com.trunkbill.support.BillingPeriod;
import org.jooq.DSLContext;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Optional;

import static com.trunkbill.db.jooq.Tables.INVOICE;

/**
 * The parameters of each stage's job, derived from the night's ({@code date} and the inbox folders). Every
 * stage carries {@code nightly.date}, so a night's stages are job instances of their own, restarted by a rerun
 * of the same night and never confused with a run by hand.
 */
final class NightlyStages {

    static final String DATE = "date";
    static final String INVENTORY_DIR = "inventory-dir";
    static final String RATES_DIR = "rates-dir";
    static final String CDR_DIR = "cdr-dir";
    static final String NIGHTLY_DATE = "nightly.date";

    private final DSLContext db;

    NightlyStages(DSLContext db) {
        this.db = db;
    }

    static LocalDate date(JobParameters night) {
        return LocalDate.parse(night.getString(DATE));
    }

    static BillingPeriod monthToDate(JobParameters night) {
        return BillingPeriod.of(date(night));
    }

    private static JobParametersBuilder stage(JobParameters night) {
        return new JobParametersBuilder().addString(NIGHTLY_DATE, night.getString(DATE));
    }

    /** The inventory snapshot is taken as of the end of the night's day. */
    Optional<JobParameters> inventory(JobParameters night) {
        String asOf = endOfNight(night).toString();
        return Optional.of(stage(night).addString("dir", night.getString(INVENTORY_DIR))
                .addString("as-of", asOf).toJobParameters());
    }

    Optional<JobParameters> rates(JobParameters night) {
        return Optional.of(stage(night).addString("dir", night.getString(RATES_DIR)).toJobParameters());
    }

    /** Canonical files lie in the CDR inbox itself; switch exports in its asterisk/ and freeswitch/ folders. */
    Optional<JobParameters> cdrs(JobParameters night, String format) {
        Path inbox = Path.of(night.getString(CDR_DIR));
        Path dir = format.equals("canonical") ? inbox : inbox.resolve(format);
        if (!Files.isDirectory(dir)) {
            return Optional.empty();
        }
        // the bounds of a night's CDRs are checked against the end of that night, not the wall clock (a rerun of
        // the night, or the demo on any date, gives the same result); not identifying: it follows from the date
        JobParametersBuilder cdrs = stage(night).addString("dir", dir.toString()).addString("format", format)
                .addString(CdrImportJobConfiguration.INGESTED_AT, endOfNight(night).toString(), false);
        Long partitions = night.getLong(CdrImportJobConfiguration.PARTITIONS);
        if (partitions != null) {
            cdrs.addLong(CdrImportJobConfiguration.PARTITIONS, partitions, false);
        }
        return Optional.of(cdrs.toJobParameters());
    }

    /** The end of the night's day: 00:00 UTC of the next day. */
    static Instant endOfNight(JobParameters night) {
        return date(night).plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    /** Every unrated (or NO_RATE) CDR of every period. */
    Optional<JobParameters> rating(JobParameters night) {
        return Optional.of(stage(night).toJobParameters());
    }

    Optional<JobParameters> invoices(JobParameters night) {
        return Optional.of(periodStage(night, monthToDate(night)).addString("finalize", "false").toJobParameters());
    }

    Optional<JobParameters> reports(JobParameters night) {
        return Optional.of(periodStage(night, monthToDate(night)).toJobParameters());
    }

    /** The previous month is invoiced again every night until none of its invoices is DRAFT or ON_HOLD. */
    Optional<JobParameters> previousMonthInvoices(JobParameters night) {
        BillingPeriod previous = monthToDate(night).previous();
        return previousMonthOpen(previous)
                ? Optional.of(periodStage(night, previous).addString("finalize", "false").toJobParameters())
                : Optional.empty();
    }

    Optional<JobParameters> previousMonthReports(JobParameters night) {
        BillingPeriod previous = monthToDate(night).previous();
        return previousMonthOpen(previous)
                ? Optional.of(periodStage(night, previous).toJobParameters())
                : Optional.empty();
    }

    private boolean previousMonthOpen(BillingPeriod previous) {
        return db.fetchExists(INVOICE, INVOICE.PERIOD.eq(previous.toString()), INVOICE.STATUS.ne("FINAL"));
    }

    private static JobParametersBuilder periodStage(JobParameters night, BillingPeriod period) {
        return stage(night).addString("period", period.toString());
    }
}
