package com.trunkbill.cdr;

import com.trunkbill.cli.JobCommand;
import com.trunkbill.cli.OptionSpec;
import com.trunkbill.cli.ParsedOptions;
import com.trunkbill.cli.PropertyOptions;
import com.trunkbill.cli.UsageException;
import com.trunkbill.scaleout.ScaleOutOptions;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;

import java.util.List;
import java.util.Optional;

/**
 * {@code import-cdrs --dir D [--format canonical|asterisk|freeswitch] [--no-rating] [--partitions K [--broker URL]]}
 * (SPEC §2; issues 8, 9).
 */
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
                        + ")"),
                OptionSpec.optional(CdrImportJobConfiguration.PARTITIONS, "K", "ingest in K partitions of files, on K"
                        + " threads (at most " + CdrImportJobConfiguration.MAX_PARTITIONS + "); files that share a cdr_id"
                        + " stay in one partition, so the result is the unpartitioned import's"),
                ScaleOutOptions.broker("with --partitions: send the partitions over this broker (tcp://host:61616) to"
                        + " trunkbill worker processes, which must read DIR and write rejects at the same paths;"
                        + " needs --db jdbc:postgresql://..."));
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
        Optional<Long> partitions = ScaleOutOptions.partitions(options);
        if (ScaleOutOptions.checkBroker(options) && partitions.isEmpty()) {
            throw new UsageException("--broker needs --partitions K (the files are sent to the workers in K partitions)");
        }
        // not identifying: the same folder is the same import; a restarted import keeps its first split
        partitions.ifPresent(value -> parameters.addLong(CdrImportJobConfiguration.PARTITIONS, value, false));
        return parameters.toJobParameters();
    }
}
