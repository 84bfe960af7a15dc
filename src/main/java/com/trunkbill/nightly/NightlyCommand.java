package com.trunkbill.nightly;

import com.trunkbill.cli.JobCommand;
import com.trunkbill.cli.OptionSpec;
import com.trunkbill.cli.ParsedOptions;
import com.trunkbill.cli.PropertyOptions;
import com.trunkbill.cli.RunPolicy;
import com.trunkbill.cli.UsageException;
import com.trunkbill.scaleout.ScaleOutOptions;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

/**
 * {@code nightly [--date D] [--partitions K]}: one night of billing (SPEC §2). The night's date identifies the run:
 * a night that completed is not run again, a failed one restarts from its failed stage. The inbox folders and the
 * partitions of the CDR imports are not part of the identity.
 */
public final class NightlyCommand implements JobCommand {

    static final String DEFAULT_INVENTORY_DIR = "inbox/inventory";
    static final String DEFAULT_RATES_DIR = "inbox/rate-tables";
    static final String DEFAULT_CDR_DIR = "inbox/cdrs";

    @Override
    public String name() {
        return "nightly";
    }

    @Override
    public String description() {
        return "import inventory, rate tables and new CDRs, rate, draft invoices and reports for the month to date";
    }

    @Override
    public String jobName() {
        return "nightlyJob";
    }

    @Override
    public List<OptionSpec> options() {
        return List.of(
                OptionSpec.optional("date", "D", "the night to run, YYYY-MM-DD (default: today, UTC); "
                        + "bills the month of D, and the previous month while its invoices are not final"),
                OptionSpec.optional("inventory-dir", "DIR", "accounts.csv, service-addresses.csv, trunks.csv "
                        + "(default " + DEFAULT_INVENTORY_DIR + ")"),
                OptionSpec.optional("rates-dir", "DIR", "rates.csv, channel-plans.csv, tax-rates.csv, fx-rates.csv "
                        + "(default " + DEFAULT_RATES_DIR + ")"),
                OptionSpec.optional("cdr-dir", "DIR", "CDR inbox: canonical *.csv[.gz], Asterisk files in asterisk/, "
                        + "FreeSWITCH files in freeswitch/ (default " + DEFAULT_CDR_DIR + ")"),
                OptionSpec.optional(ScaleOutOptions.PARTITIONS, "K", "import the CDR files in K partitions of whole"
                        + " files, on K threads, as import-cdrs --partitions K (at most " + ScaleOutOptions.MAX_PARTITIONS
                        + "; default: one)"),
                PropertyOptions.followSymlinks(),
                PropertyOptions.templateDir());
    }

    @Override
    public JobParameters jobParameters(ParsedOptions options) {
        LocalDate date = options.date("date").orElseGet(() -> LocalDate.now(ZoneOffset.UTC));
        return night(date,
                directory(options, "inventory-dir", DEFAULT_INVENTORY_DIR),
                directory(options, "rates-dir", DEFAULT_RATES_DIR),
                directory(options, "cdr-dir", DEFAULT_CDR_DIR),
                ScaleOutOptions.partitions(options));
    }

    /** The nightly job's parameters: the date identifies the night, the folders do not. */
    static JobParameters night(LocalDate date, Path inventoryDir, Path ratesDir, Path cdrDir) {
        return night(date, inventoryDir, ratesDir, cdrDir, Optional.empty());
    }

    /**
     * The nightly job's parameters, with the partitions of its CDR imports: not identifying either (a rerun of a
     * failed night with another K restarts it; the restarted import keeps the split of its first run).
     */
    static JobParameters night(LocalDate date, Path inventoryDir, Path ratesDir, Path cdrDir,
                               Optional<Long> partitions) {
        JobParametersBuilder night = new JobParametersBuilder()
                .addString(NightlyStages.DATE, date.toString())
                .addString(NightlyStages.INVENTORY_DIR, inventoryDir.toString(), false)
                .addString(NightlyStages.RATES_DIR, ratesDir.toString(), false)
                .addString(NightlyStages.CDR_DIR, cdrDir.toString(), false);
        partitions.ifPresent(k -> night.addLong(ScaleOutOptions.PARTITIONS, k, false));
        return night.toJobParameters();
    }

    private static Path directory(ParsedOptions options, String name, String fallback) {
        Path dir = Path.of(options.get(name).orElse(fallback));
        if (!Files.isDirectory(dir)) {
            throw new UsageException("--" + name + " " + dir + " is not a directory");
        }
        return dir.toAbsolutePath().normalize();
    }

    @Override
    public RunPolicy runPolicy() {
        return RunPolicy.ONCE_PER_PARAMETERS;
    }
}
