package com.trunkbill.inventory;

import com.trunkbill.cli.JobCommand;
import com.trunkbill.cli.OptionSpec;
import com.trunkbill.cli.ParsedOptions;
import com.trunkbill.inventory.model.InventoryFiles;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * {@code trunkbill import-inventory --dir D [--as-of T]} (SPEC §2). Without {@code --as-of} the snapshot is
 * taken as of now; that concrete instant goes into the job parameters, so a restart imports at the same one.
 */
public final class ImportInventoryCommand implements JobCommand {

    @Override
    public String name() {
        return "import-inventory";
    }

    @Override
    public String description() {
        return "load accounts.csv, service-addresses.csv, trunks.csv from D as the inventory at instant T";
    }

    @Override
    public List<OptionSpec> options() {
        return List.of(
                OptionSpec.required("dir", "D", "directory holding the snapshot's CSV files"),
                OptionSpec.optional("as-of", "T", "ISO-8601 instant the snapshot describes (default: now)"));
    }

    @Override
    public String jobName() {
        return "inventoryImportJob";
    }

    @Override
    public JobParameters jobParameters(ParsedOptions options) {
        String dir = options.directoryWithAnyOf("dir",
                List.of(InventoryFiles.ACCOUNTS, InventoryFiles.SERVICE_ADDRESSES, InventoryFiles.TRUNKS)).toString();
        // milliseconds are plenty for a snapshot instant and survive every database's timestamp precision
        Instant asOf = options.instant("as-of").orElseGet(() -> Instant.now().truncatedTo(ChronoUnit.MILLIS));
        return new JobParametersBuilder()
                .addString(InventoryImportTasklet.DIR, dir)
                .addString(InventoryImportTasklet.AS_OF, asOf.toString())
                .toJobParameters();
    }
}
