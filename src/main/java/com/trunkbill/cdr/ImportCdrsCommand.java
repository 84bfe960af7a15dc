package com.trunkbill.cdr;

import com.trunkbill.cli.JobCommand;
import com.trunkbill.cli.OptionSpec;
import com.trunkbill.cli.ParsedOptions;
import com.trunkbill.cli.PropertyOptions;
import com.trunkbill.cli.UsageException;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;

import java.util.List;

/** {@code import-cdrs --dir D [--format canonical|asterisk|freeswitch] [--no-rating]} (SPEC §2; issue 8). */
public class ImportCdrsCommand implements JobCommand {

    static final String NO_RATING = "no-rating";

    @Override
    public String name() {
        return "import-cdrs";
    }

    @Override
    public String description() {
        return "ingest every *.csv / *.csv.gz CDR file of a folder not ingested before";
    }

    @Override
    public List<OptionSpec> options() {
        return List.of(
                OptionSpec.required("dir", "DIR", "folder of CDR files (*.csv, *.csv.gz), read in file name order"),
                OptionSpec.optional("format", "FORMAT",
                        "canonical (trunkbill's own columns, default), asterisk (Master.csv) or freeswitch (mod_cdr_csv example)"),
                PropertyOptions.followSymlinks(),
                OptionSpec.flag(NO_RATING, "store the CDRs without rating them (a later rate rates them); default: "
                        + "each accepted CDR is rated as it is stored (property " + CdrImportJobConfiguration.RATE_AT_INGEST_PROPERTY
                        + ")"));
    }

    @Override
    public String jobName() {
        return "cdrImportJob";
    }

    @Override
    public JobParameters jobParameters(ParsedOptions options) {
        String dir = options.existingDirectory("dir").toString();
        String formatText = options.get("format").orElse("canonical");
        CdrFormat format = CdrFormat.fromOption(formatText);
        if (format == null) {
            throw new UsageException("--format " + formatText + " is not canonical, asterisk or freeswitch");
        }
        JobParametersBuilder parameters = new JobParametersBuilder().addString("dir", dir)
                .addString("format", format.optionValue());
        if (options.flag(NO_RATING)) {
            parameters.addString(CdrImportJobConfiguration.RATE_AT_INGEST, "false", false);
        }
        return parameters.toJobParameters();
    }
}
