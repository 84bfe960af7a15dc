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
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
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
        assertThat(out.toString(StandardCharsets.UTF_8))
                .contains("warning: nothing rated for 2026-10; run import-cdrs and rate first");
    }

    /** Issue 12: drafts built while CDRs of the period are unrated end with exit status 3; --finalize with 1. */
    @Test
    void unratedCdrsExitThreeAndFinalizeIsRefused(@TempDir Path dir) throws SQLException {
        String url = "jdbc:h2:mem:invoice-cli-unrated;DB_CLOSE_DELAY=-1";
        assertThat(main.run("invoice", "--period", "2026-10", "--db", url, "--output-dir", dir.toString())).isZero();
        try (Connection connection = DriverManager.getConnection(url, "sa", "")) {
            connection.createStatement().execute("insert into cdr (cdr_key, cdr_id, file_id, line_no, call_id, trunk_id,"
                    + " cdr_trunk_id, freshworks_outbound, account_id, data_center, source, direction, caller, callee,"
                    + " start_time, answer_time, end_time, sip_status, disconnect_reason, codec, period, content_hash)"
                    + " values (4294967297, 'C1', 1, 1, 'call', 'T1', 'T1', false, 'A1', 'NEW_YORK', 'SBC', 'OUTBOUND',"
                    + " '+15550000000', '+15550000001', timestamp with time zone '2026-10-05 10:00:00+00',"
                    + " timestamp with time zone '2026-10-05 10:00:00+00',"
                    + " timestamp with time zone '2026-10-05 10:01:00+00', 200, null, 'PCMU', '2026-10', 'h')");
        }

        assertThat(main.run("invoice", "--period", "2026-10", "--db", url, "--output-dir", dir.toString()))
                .isEqualTo(3);
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("warning: 1 CDRs of 2026-10 are accepted but"
                + " neither rated nor rejected (1 never rated, 0 RATING_ERROR)");

        assertThat(main.run("invoice", "--period", "2026-10", "--finalize", "--db", url, "--output-dir",
                dir.toString())).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("invoice --finalize refused: 1 CDRs of 2026-10");
    }
}
