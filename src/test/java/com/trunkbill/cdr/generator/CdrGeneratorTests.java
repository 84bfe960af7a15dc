package com.trunkbill.cdr.generator;

import com.trunkbill.cdr.model.CdrColumn;
import com.trunkbill.cdr.model.CdrRow;
import com.trunkbill.cdr.model.CdrValidator;
import com.trunkbill.cdr.model.Cdr;
import com.trunkbill.cli.ParsedOptions;
import com.trunkbill.cli.UsageException;
import com.trunkbill.support.CsvInput;
import com.trunkbill.support.CsvLine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CdrGeneratorTests {

    private static final Path INVENTORY = Path.of("sample-cdrs/inventory");
    private static final YearMonth OCTOBER = YearMonth.of(2026, 10);

    @TempDir
    Path tempDir;

    private static List<Cdr> readValid(Path file) {
        CdrValidator validator = new CdrValidator();
        List<String> headers = CdrColumn.headers();
        try (CsvInput input = CsvInput.open(file, headers, headers)) {
            List<Cdr> cdrs = new java.util.ArrayList<>();
            for (CsvLine line : input) {
                String[] values = headers.stream().map(line::get).toArray(String[]::new);
                CdrValidator.Result result = validator.validate(new CdrRow(line.lineNo(), values, line.values(),
                        !line.hasHeaderWidth(), null));
                assertThat(result.rejection()).as("line " + line.lineNo()).isNull();
                cdrs.add(result.cdr());
            }
            return cdrs;
        }
    }

    @Test
    void theSameSeedGivesTheSameBytesAndAnotherSeedOtherTraffic() throws IOException {
        GeneratorInventory inventory = GeneratorInventory.read(INVENTORY);
        Path first = new CdrGenerator(inventory, 99, OCTOBER, true).write(2_000, tempDir.resolve("a"), 1_000_000).get(0);
        Path again = new CdrGenerator(inventory, 99, OCTOBER, true).write(2_000, tempDir.resolve("b"), 1_000_000).get(0);
        Path other = new CdrGenerator(inventory, 100, OCTOBER, true).write(2_000, tempDir.resolve("c"), 1_000_000).get(0);
        assertThat(Files.mismatch(first, again)).isEqualTo(-1L);
        assertThat(Files.mismatch(first, other)).isNotEqualTo(-1L);
    }

    @Test
    void splitsIntoFilesOfAtMostRowsPerFile() throws IOException {
        List<Path> files = new CdrGenerator(GeneratorInventory.read(INVENTORY), 1, OCTOBER, false)
                .write(2_500, tempDir, 1_000);
        assertThat(files).extracting(file -> file.getFileName().toString())
                .containsExactly("cdrs-2026-10-01.csv", "cdrs-2026-10-02.csv", "cdrs-2026-10-03.csv");
        // header + rows
        assertThat(Files.readAllLines(files.get(0))).hasSize(1_001);
        assertThat(Files.readAllLines(files.get(2))).hasSize(501);
    }

    @Test
    void everyRowIsValidAndTheTrafficLooksLikeTheSpecSays() {
        GeneratorInventory inventory = GeneratorInventory.read(INVENTORY);
        Map<String, GeneratorInventory.Trunk> trunks = new java.util.HashMap<>();
        inventory.trunks().forEach(trunk -> trunks.put(trunk.trunkId(), trunk));
        Path file = new CdrGenerator(inventory, 5, OCTOBER, false).write(20_000, tempDir, 1_000_000).get(0);
        List<Cdr> cdrs = readValid(file);

        assertThat(cdrs).hasSize(20_000);
        Set<String> ids = new HashSet<>();
        cdrs.forEach(cdr -> assertThat(ids.add(cdr.cdrId())).isTrue());
        Instant start = Instant.parse("2026-10-01T00:00:00Z");
        Instant end = Instant.parse("2026-11-01T00:00:00Z");
        assertThat(cdrs).allMatch(cdr -> !cdr.startTime().isBefore(start) && cdr.startTime().isBefore(end));
        // only trunks that exist at the call's start (TRK-2001 is deleted on the 18th, TRK-1005 created on the 20th)
        assertThat(cdrs).filteredOn(cdr -> cdr.trunkId() != null)
                .allMatch(cdr -> trunks.get(cdr.trunkId()).existsAt(cdr.startTime()));
        long outbound = cdrs.stream().filter(cdr -> cdr.direction().name().equals("OUTBOUND")).count();
        assertThat(outbound).isBetween(11_000L, 12_600L);
        long unanswered = cdrs.stream().filter(cdr -> cdr.answerTime() == null).count();
        assertThat(unanswered).isBetween(3_600L, 4_800L);
        long channelLimit = cdrs.stream().filter(cdr -> "CHANNEL_LIMIT".equals(cdr.disconnectReason())
                && cdr.sipStatus() == 503).count();
        assertThat(channelLimit).isBetween(120L, 300L);
        assertThat(cdrs).filteredOn(cdr -> cdr.trunkId() == null).isNotEmpty()
                .allMatch(cdr -> cdr.isFreshworksSource() && cdr.accountId().equals("ACC-US-FRESH")
                        && cdr.dataCenter() != null);
        assertThat(cdrs).filteredOn(cdr -> cdr.answerTime() != null
                && Duration.between(cdr.answerTime(), cdr.endTime()).toHours() >= 24).hasSize(1);
        assertThat(cdrs).filteredOn(cdr -> cdr.answerTime() != null
                && Duration.between(cdr.answerTime(), cdr.endTime()).toHours() >= 4).hasSizeBetween(2, 20);
        assertThat(cdrs).anyMatch(cdr -> cdr.callee().startsWith("+1212"))
                .anyMatch(cdr -> cdr.callee().startsWith("+1800"))
                .anyMatch(cdr -> cdr.callee().startsWith("+1900"))
                .anyMatch(cdr -> cdr.callee().startsWith("+1416") || cdr.callee().startsWith("+1647"))
                .anyMatch(cdr -> cdr.callee().startsWith("+1787") || cdr.callee().startsWith("+1939"))
                .anyMatch(cdr -> cdr.callee().startsWith("+44"))
                .anyMatch(cdr -> cdr.callee().startsWith("+385"))
                .anyMatch(cdr -> !cdr.startTime().atZone(java.time.ZoneOffset.UTC).toLocalDate()
                        .equals(cdr.endTime().atZone(java.time.ZoneOffset.UTC).toLocalDate()));
    }

    @Test
    void theCommandValidatesItsOptionsAndWritesTheFiles() {
        GenerateCdrsCommand command = new GenerateCdrsCommand();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int exit = command.run(ParsedOptions.of("generate-cdrs", Map.of("count", "10", "seed", "3", "month", "2026-10",
                "out", tempDir.toString())), null, new PrintStream(out));
        assertThat(exit).isZero();
        assertThat(tempDir.resolve("cdrs-2026-10-01.csv")).exists();
        assertThat(out.toString()).contains("generate-cdrs: 10 CDRs in 1 file(s)");
        assertThatThrownBy(() -> command.run(ParsedOptions.of("generate-cdrs", Map.of("count", "10", "seed", "x",
                "month", "2026-10", "out", tempDir.toString())), null, new PrintStream(out)))
                .isInstanceOf(UsageException.class).hasMessageContaining("--seed x");
        assertThatThrownBy(() -> command.run(ParsedOptions.of("generate-cdrs", Map.of("count", "10", "seed", "1",
                "month", "2026-13", "out", tempDir.toString())), null, new PrintStream(out)))
                .isInstanceOf(UsageException.class).hasMessageContaining("--month 2026-13");
    }
}
