package com.trunkbill.cdr;

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
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ImportCdrsCommandTests {

    @TempDir
    Path dir;

    private final ImportCdrsCommand command = new ImportCdrsCommand();

    @Test
    void formatDefaultsToCanonical() {
        JobParameters parameters = command.jobParameters(ParsedOptions.of("import-cdrs", Map.of("dir", dir.toString())));
        assertThat(parameters.getString("dir")).isEqualTo(dir.toAbsolutePath().normalize().toString());
        assertThat(parameters.getString("format")).isEqualTo("canonical");
        assertThat(command.jobName()).isEqualTo("cdrImportJob");
    }

    @Test
    void acceptsTheSwitchFormatsAndRefusesOthers() {
        assertThat(command.jobParameters(ParsedOptions.of("import-cdrs", Map.of("dir", dir.toString(), "format",
                "FreeSWITCH"))).getString("format")).isEqualTo("freeswitch");
        assertThatThrownBy(() -> command.jobParameters(ParsedOptions.of("import-cdrs", Map.of("dir", dir.toString(),
                "format", "cisco")))).isInstanceOf(UsageException.class).hasMessageContaining("--format cisco");
        assertThatThrownBy(() -> command.jobParameters(ParsedOptions.of("import-cdrs", Map.of("dir",
                dir.resolve("missing").toString())))).isInstanceOf(UsageException.class)
                .hasMessageContaining("is not a directory");
    }

    @Test
    void partitionsIsANonIdentifyingParameterFrom1To64() {
        assertThat(command.jobParameters(ParsedOptions.of("import-cdrs", Map.of("dir", dir.toString())))
                .getParameter("partitions")).isNull();
        JobParameters parameters = command.jobParameters(ParsedOptions.of("import-cdrs",
                Map.of("dir", dir.toString(), "partitions", "3")));
        assertThat(parameters.getLong("partitions")).isEqualTo(3L);
        assertThat(parameters.getParameter("partitions").identifying()).isFalse();
        assertThatThrownBy(() -> command.jobParameters(ParsedOptions.of("import-cdrs",
                Map.of("dir", dir.toString(), "partitions", "0"))))
                .isInstanceOf(UsageException.class).hasMessage("--partitions 0 is not a positive whole number");
        assertThatThrownBy(() -> command.jobParameters(ParsedOptions.of("import-cdrs",
                Map.of("dir", dir.toString(), "partitions", "65"))))
                .isInstanceOf(UsageException.class).hasMessage("--partitions 65 is more than 64");
    }

    /** {@code trunkbill import-cdrs} through the command line (SPEC §2 exit codes). */
    @Test
    void throughTheCommandLineExitCodesAreZeroOneAndTwo() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        TrunkbillMain main = new TrunkbillMain(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), Map.of());
        String db = "jdbc:h2:mem:cli-cdrs;DB_CLOSE_DELAY=-1";

        assertThat(main.run("import-cdrs", "--dir", dir.toString(), "--format", "cisco")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8).trim())
                .isEqualTo("trunkbill import-cdrs: --format cisco is not canonical, asterisk or freeswitch");

        Files.writeString(dir.resolve("cdrs.csv"), "cdr_id,trunk_id,direction,start_time,answer_time,end_time,sip_status\n"
                + "c-1,T1,OUTBOUND,2026-10-05T14:00:00Z,,2026-10-05T14:00:09Z,486\n");
        err.reset();
        assertThat(main.run("import-cdrs", "--dir", dir.toString(), "--db", db, "--output-dir",
                dir.resolve("out").toString())).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("cdrImportJob FAILED")
                .contains("cdrs.csv: required column 'callee' is missing");

        Files.writeString(dir.resolve("cdrs.csv"), "cdr_id,trunk_id,direction,callee,start_time,answer_time,end_time,"
                + "sip_status\nc-1,T1,OUTBOUND,+442079460123,2026-10-05T14:00:00Z,,2026-10-05T14:00:09Z,486\n");
        out.reset();
        assertThat(main.run("import-cdrs", "--dir", dir.toString(), "--db", db, "--output-dir",
                dir.resolve("out").toString())).isZero();
        // no inventory in this database: the row is refused UNKNOWN_TRUNK, and the run completes
        assertThat(out.toString(StandardCharsets.UTF_8))
                .contains("cdrs.csv: read 1  accepted 0  duplicates 0  rejected 1 (UNKNOWN_TRUNK 1)")
                .contains("cdrImportJob COMPLETED (restarted)");
    }
}
