package com.trunkbill.cdr;

import com.trunkbill.cli.ParsedOptions;
import com.trunkbill.cli.UsageException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.job.parameters.JobParameters;

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
}
