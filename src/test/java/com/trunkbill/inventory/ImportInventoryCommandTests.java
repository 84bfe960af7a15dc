package com.trunkbill.inventory;

import com.trunkbill.cli.ParsedOptions;
import com.trunkbill.cli.TrunkbillMain;
import com.trunkbill.cli.UsageException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.job.parameters.JobParameters;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;

import static com.trunkbill.inventory.InventoryCsv.aTrunk;
import static com.trunkbill.inventory.InventoryCsv.usAccountWith;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@code trunkbill import-inventory} through the launcher: exit codes and what the operator reads (SPEC §2). */
class ImportInventoryCommandTests {

    @TempDir
    Path tmp;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final TrunkbillMain main = new TrunkbillMain(new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8), Map.of());

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void importsTheSampleInventoryAndPrintsTheSummary() {
        int exit = main.run("import-inventory", "--dir", Path.of("sample-cdrs/inventory").toString(),
                "--db", "jdbc:h2:mem:cli-inv;DB_CLOSE_DELAY=-1", "--output-dir", tmp.toString());

        assertThat(exit).as(err()).isZero();
        assertThat(out()).contains("importInventoryStep", "accounts   inserted 8  updated 0  unchanged 0",
                "addresses  inserted 12  updated 0  unchanged 0  deleted 0",
                "trunks     inserted 24  updated 0  unchanged 0  (0 state changes)", "refused 0",
                "warnings 1 (MISSING_PPU 1)", "inventoryImportJob COMPLETED");
        assertThat(tmp.resolve("rejects/inventory-violations.csv")).exists();
    }

    @Test
    void withoutDirItIsBadUsage() {
        assertThat(main.run("import-inventory")).isEqualTo(2);
        assertThat(err().trim()).isEqualTo("trunkbill import-inventory: --dir D is required");
    }

    @Test
    void aDirThatIsNotADirectoryOrABadAsOfIsBadUsage() throws IOException {
        assertThat(main.run("import-inventory", "--dir", tmp.resolve("nowhere").toString())).isEqualTo(2);
        Files.writeString(tmp.resolve("trunks.csv"), "");
        assertThat(main.run("import-inventory", "--dir", tmp.toString(), "--as-of", "2026-10-01T00:00:00"))
                .isEqualTo(2);
        assertThat(err().lines()).hasSize(2).allMatch(line -> line.startsWith("trunkbill import-inventory: "));
        assertThat(err()).contains("is not a directory", "is not an ISO-8601 instant with offset");
    }

    @Test
    void aFileMissingAColumnFailsWithAOneLineReason() throws IOException {
        Path dir = usAccountWith(aTrunk("T-1")).writeTo(tmp.resolve("in"));
        Path accounts = dir.resolve("accounts.csv");
        Files.writeString(accounts, Files.readString(accounts).replaceFirst("currency,", "currenc,"));

        int exit = main.run("import-inventory", "--dir", dir.toString(),
                "--db", "jdbc:h2:mem:cli-inv-bad;DB_CLOSE_DELAY=-1", "--output-dir", tmp.resolve("out").toString());

        assertThat(exit).isEqualTo(1);
        assertThat(err().lines()).containsExactly(
                "trunkbill import-inventory: inventoryImportJob FAILED: accounts.csv: required column 'currency' is missing");
    }

    @Test
    void aDefaultedAsOfIsAConcreteInstantInTheJobParameters() throws IOException {
        Files.writeString(tmp.resolve("accounts.csv"), "");
        Instant before = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        JobParameters parameters = new ImportInventoryCommand().jobParameters(
                ParsedOptions.of("import-inventory", Map.of("dir", tmp.toString())));
        Instant asOf = Instant.parse(parameters.getString("as-of"));

        assertThat(asOf).isBetween(before, Instant.now());
        assertThat(parameters.getString("dir")).isEqualTo(tmp.toAbsolutePath().normalize().toString());
        assertThat(new ImportInventoryCommand().jobParameters(ParsedOptions.of("import-inventory",
                Map.of("dir", tmp.toString(), "as-of", "2026-10-15T14:00:00+02:00"))).getString("as-of"))
                .isEqualTo("2026-10-15T12:00:00Z");
        assertThatThrownBy(() -> new ImportInventoryCommand().jobParameters(ParsedOptions.of("import-inventory",
                Map.of("dir", tmp.resolve("missing").toString())))).isInstanceOf(UsageException.class);
    }

    @Test
    void aFolderWithNoneOfTheInventoryFilesIsBadUsageBeforeStartUp() throws IOException {
        Path empty = Files.createDirectories(tmp.resolve("empty"));

        assertThat(main.run("import-inventory", "--dir", empty.toString())).isEqualTo(2);
        assertThat(err().trim()).isEqualTo("trunkbill import-inventory: --dir " + empty.toAbsolutePath()
                + " has none of the expected files accounts.csv, service-addresses.csv, trunks.csv");
    }
}
