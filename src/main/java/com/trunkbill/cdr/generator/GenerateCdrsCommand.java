package com.trunkbill.cdr.generator;

import com.trunkbill.cli.OptionSpec;
import com.trunkbill.cli.ParsedOptions;
import com.trunkbill.cli.ToolCommand;
import com.trunkbill.cli.UsageException;
import org.springframework.context.ApplicationContext;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * {@code generate-cdrs --count N --seed S --month YYYY-MM --out D [--inventory DIR] [--rows-per-file N]
 * [--bad-rows]}: realistic, reproducible canonical CDR files; also the load generator of the benchmarks.
 */
public class GenerateCdrsCommand implements ToolCommand {

    @Override
    public String name() {
        return "generate-cdrs";
    }

    @Override
    public String description() {
        return "write realistic, reproducible canonical CDR files for the shipped inventory (test data, load)";
    }

    @Override
    public List<OptionSpec> options() {
        return List.of(
                OptionSpec.required("count", "N", "number of CDR rows"),
                OptionSpec.required("seed", "S", "random seed: the same seed gives the same files"),
                OptionSpec.required("month", "YYYY-MM", "month of the calls (UTC)"),
                OptionSpec.required("out", "DIR", "where cdrs-<month>-NN.csv go (created if needed)"),
                OptionSpec.optional("inventory", "DIR", "accounts.csv and trunks.csv (default sample-cdrs/inventory)"),
                OptionSpec.optional("rows-per-file", "N", "at most N rows per file (default 1,000,000)"),
                OptionSpec.flag("bad-rows", "add a few malformed rows, unknown trunks, duplicates and conflicts"));
    }

    @Override
    public boolean needsDatabase() {
        return false;
    }

    @Override
    public int run(ParsedOptions options, ApplicationContext context, PrintStream out) {
        long count = options.positiveLong("count").orElseThrow();
        long seed;
        try {
            seed = Long.parseLong(options.require("seed"));
        } catch (NumberFormatException e) {
            throw new UsageException("--seed " + options.require("seed") + " is not a whole number");
        }
        YearMonth month;
        try {
            month = YearMonth.parse(options.require("month"));
        } catch (DateTimeParseException e) {
            throw new UsageException("--month " + options.require("month") + " is not YYYY-MM");
        }
        Path inventoryDir = Path.of(options.get("inventory").orElse("sample-cdrs/inventory"));
        if (!Files.isRegularFile(inventoryDir.resolve("trunks.csv"))) {
            throw new UsageException("--inventory " + inventoryDir + " has no trunks.csv");
        }
        long rowsPerFile = options.positiveLong("rows-per-file").orElse(1_000_000L);
        Path outDir = Path.of(options.require("out"));
        long started = System.nanoTime();
        CdrGenerator generator = new CdrGenerator(GeneratorInventory.read(inventoryDir), seed, month,
                options.flag("bad-rows"));
        List<Path> files = generator.write(count, outDir, rowsPerFile);
        double seconds = (System.nanoTime() - started) / 1e9;
        files.forEach(file -> out.println("wrote " + file));
        out.printf("generate-cdrs: %,d CDRs in %d file(s) in %.1fs (%,d rows/s)%n", count, files.size(), seconds,
                Math.round(count / Math.max(seconds, 1e-9)));
        return 0;
    }
}
