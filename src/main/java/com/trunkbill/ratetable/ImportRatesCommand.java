package com.trunkbill.ratetable;

import com.trunkbill.cli.JobCommand;
import com.trunkbill.cli.OptionSpec;
import com.trunkbill.cli.ParsedOptions;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;

import com.trunkbill.ratetable.model.RateTable;

import java.util.Arrays;
import java.util.List;

/** {@code trunkbill import-rates --dir D} (SPEC §2): runs {@code rateTableImportJob}. */
public final class ImportRatesCommand implements JobCommand {

    public static final String DIR = "dir";

    @Override
    public String name() {
        return "import-rates";
    }

    @Override
    public String description() {
        return "load rates.csv, channel-plans.csv, tax-rates.csv, fx-rates.csv from a directory as new versions";
    }

    @Override
    public List<OptionSpec> options() {
        return List.of(OptionSpec.required(DIR, "D",
                "directory with the rate-table files; a file absent leaves its table as it is"));
    }

    @Override
    public String jobName() {
        return RateTableImportJobConfiguration.JOB_NAME;
    }

    @Override
    public JobParameters jobParameters(ParsedOptions options) {
        return new JobParametersBuilder()
                .addString(DIR, options.directoryWithAnyOf(DIR,
                        Arrays.stream(RateTable.values()).map(RateTable::fileName).toList()).toString())
                .toJobParameters();
    }
}
