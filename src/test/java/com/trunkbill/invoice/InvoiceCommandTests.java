package com.trunkbill.invoice;

import com.trunkbill.cli.ParsedOptions;
import com.trunkbill.cli.TrunkbillMain;
import com.trunkbill.cli.UsageException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.job.parameters.JobParameters;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** SPEC §2: {@code invoice --period P [--finalize]}, exit 2 on bad usage, 0 when the job completes. */
class InvoiceCommandTests {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final TrunkbillMain main = new TrunkbillMain(new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8), Map.of());

    @Test
    void optionsBecomeJobParameters() {
        InvoiceCommand command = new InvoiceCommand();
        JobParameters drafts = command.jobParameters(ParsedOptions.of("invoice", Map.of("period", "2026-10")));
        assertThat(drafts.getString("period")).isEqualTo("2026-10");
        assertThat(drafts.getString("finalize")).isEqualTo("false");
        JobParameters finalize = command.jobParameters(ParsedOptions.of("invoice",
                Map.of("period", "2026-10", "finalize", "")));
        assertThat(finalize.getString("finalize")).isEqualTo("true");
        assertThat(command.jobName()).isEqualTo("invoicingJob");
    }

    @Test
    void aMissingOrBadPeriodIsBadUsage() {
        assertThat(main.run("invoice")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--period");
        assertThatThrownBy(() -> new InvoiceCommand().jobParameters(ParsedOptions.of("invoice",
                Map.of("period", "2026-13")))).isInstanceOf(UsageException.class).hasMessageContaining("2026-13");
    }

    @Test
    void helpListsTheOptions() {
        assertThat(main.run("invoice", "--help")).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("--period YYYY-MM", "[--finalize]", "invoicingJob");
    }

    @Test
    void runsFromTheCommandLineOnAnEmptyDatabase(@TempDir Path dir) {
        int exit = main.run("invoice", "--period", "2026-10", "--finalize",
                "--db", "jdbc:h2:mem:invoice-cli;DB_CLOSE_DELAY=-1", "--output-dir", dir.toString());
        assertThat(exit).as(err.toString(StandardCharsets.UTF_8)).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("buildInvoicesStep", "finalizeInvoicesStep",
                "writeInvoiceFilesStep", "invoicingJob COMPLETED");
        assertThat(Files.exists(dir.resolve("invoices/2026-10/invoices.csv"))).isTrue();
        assertThat(Files.exists(dir.resolve("reports/2026-10/tax-summary.csv"))).isTrue();
    }
}
