package com.trunkbill.nightly;

import com.trunkbill.cli.JobCommand;
import com.trunkbill.cli.OptionSpec;
import com.trunkbill.cli.ParsedOptions;
import com.trunkbill.cli.PropertyOptions;
import com.trunkbill.cli.RunPolicy;
import com.trunkbill.cli.UsageException;
import org.springframework.batch.core.job.parameters.JobParameters;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

/**
 * {@code demo}: the nightly job for the night of 2026-10-31 over the shipped {@code sample-cdrs/} and
 * {@code rate-tables/}, into {@code ./out} on the embedded database (SPEC §2). The sample folders are found
 * beside the launcher ({@code trunkbill.home}, set by {@code ./trunkbill}) or in the working directory.
 */
public final class DemoCommand implements JobCommand {

    static final LocalDate DEMO_NIGHT = LocalDate.of(2026, 10, 31);

    @Override
    public String name() {
        return "demo";
    }

    @Override
    public String description() {
        return "run nightly for " + DEMO_NIGHT + " over sample-cdrs/ and rate-tables/ into ./out (embedded H2)";
    }

    @Override
    public String jobName() {
        return "nightlyJob";
    }

    @Override
    public List<OptionSpec> options() {
        return List.of(PropertyOptions.followSymlinks(), PropertyOptions.templateDir());
    }

    @Override
    public JobParameters jobParameters(ParsedOptions options) {
        Path home = Path.of(System.getProperty("trunkbill.home", ".")).toAbsolutePath().normalize();
        Path samples = home.resolve("sample-cdrs");
        Path rates = home.resolve("rate-tables");
        if (!Files.isDirectory(samples) || !Files.isDirectory(rates)) {
            throw new UsageException("sample-cdrs/ and rate-tables/ not found in " + home
                    + " (run ./trunkbill demo from the repository)");
        }
        return NightlyCommand.night(DEMO_NIGHT, samples.resolve("inventory"), rates, samples);
    }

    @Override
    public RunPolicy runPolicy() {
        return RunPolicy.ONCE_PER_PARAMETERS;
    }
}
