package com.trunkbill.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** A run prints its summary once, at its end, and not again as log lines. */
@ExtendWith(OutputCaptureExtension.class)
class RunSummaryTests {

    private static final String DB = "jdbc:h2:mem:run-summary;DB_CLOSE_DELAY=-1";

    @Test
    void importsPrintEachSummaryLineOnce(CapturedOutput output, @TempDir Path inbox) throws IOException {
        List<String> sample = Files.readAllLines(Path.of("sample-cdrs/cdrs-2026-10-01.csv"));
        Files.write(inbox.resolve("cdrs-2026-10-01.csv"), sample.subList(0, 4));
        TrunkbillMain main = new TrunkbillMain(System.out, System.err, Map.of());

        assertThat(main.run("import-rates", "--dir", "rate-tables", "--db", DB, "--output-dir",
                "target/test-out/run-summary")).isZero();
        assertThat(main.run("import-inventory", "--dir", "sample-cdrs/inventory", "--db", DB, "--output-dir",
                "target/test-out/run-summary")).isZero();
        assertThat(main.run("import-cdrs", "--dir", inbox.toString(), "--db", DB, "--output-dir",
                "target/test-out/run-summary")).isZero();

        String printed = output.getOut();
        assertThat(count(printed, "rates.csv: 357 rows loaded as version")).isEqualTo(1);
        assertThat(count(printed, "  accounts   inserted 8")).isEqualTo(1);
        assertThat(count(printed, "cdrs-2026-10-01.csv: read 3")).isEqualTo(1);
    }

    private static int count(String text, String fragment) {
        return (int) text.lines().filter(line -> line.contains(fragment)).count();
    }
}
