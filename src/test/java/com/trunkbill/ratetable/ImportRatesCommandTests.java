package com.trunkbill.ratetable;

import com.trunkbill.cli.TrunkbillMain;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code trunkbill import-rates} end to end through the command line (SPEC §2 exit codes). */
class ImportRatesCommandTests {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final TrunkbillMain main = new TrunkbillMain(new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8), Map.of());

    @TempDir
    Path tmp;

    @Test
    void importsTheShippedRateTablesAndPrintsTheSummary() {
        int exit = main.run("import-rates", "--dir", "rate-tables", "--db", "jdbc:h2:mem:cli-rates;DB_CLOSE_DELAY=-1",
                "--output-dir", tmp.toString());

        String printed = out.toString(StandardCharsets.UTF_8);
        assertThat(exit).as(err.toString(StandardCharsets.UTF_8)).isZero();
        assertThat(printed).containsPattern("rates\\.csv: 357 rows loaded as version \\d+ \\((first version|replaces"
                + " version \\d+)\\)");
        assertThat(printed).contains("importRateTablesStep", "rateTableImportJob COMPLETED");
        assertThat(printed).containsPattern("channel-plans\\.csv: 4 rows loaded as version \\d+")
                .containsPattern("tax-rates\\.csv: 22 rows loaded as version \\d+")
                .containsPattern("fx-rates\\.csv: 462 rows loaded as version \\d+");
    }

    @Test
    void aRefusedFileExitsOneNamingFileAndColumn() throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("broken"));
        Files.writeString(dir.resolve("fx-rates.csv"), "date,base,rate\n2026-10-31,USD,0.878076\n");

        int exit = main.run("import-rates", "--dir", dir.toString(), "--db",
                "jdbc:h2:mem:cli-rates-broken;DB_CLOSE_DELAY=-1", "--output-dir", tmp.resolve("out").toString());

        assertThat(exit).isEqualTo(1);
        assertThat(out.toString(StandardCharsets.UTF_8))
                .contains("fx-rates.csv: REFUSED: required column 'quote' is missing");
        assertThat(err.toString(StandardCharsets.UTF_8).trim()).isEqualTo("trunkbill import-rates: rateTableImportJob"
                + " FAILED: rate tables refused, nothing imported: fx-rates.csv: required column 'quote' is missing.");
    }

    @Test
    void aDirectoryThatDoesNotExistIsBadUsage() {
        Path missing = tmp.resolve("no-such-dir");

        assertThat(main.run("import-rates", "--dir", missing.toString())).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8).trim())
                .isEqualTo("trunkbill import-rates: --dir " + missing + " is not a directory");
    }

    @Test
    void withoutDirItIsBadUsage() {
        assertThat(main.run("import-rates")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8).trim())
                .isEqualTo("trunkbill import-rates: --dir D is required");
    }
}
