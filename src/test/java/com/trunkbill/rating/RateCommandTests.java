package com.trunkbill.rating;

import com.trunkbill.cli.Commands;
import com.trunkbill.cli.ParsedOptions;
import com.trunkbill.cli.TrunkbillMain;
import com.trunkbill.cli.UsageException;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.job.parameters.JobParameters;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RateCommandTests {

    private final RateCommand command = new RateCommand();

    @Test
    void isRegisteredAsRateRunningRatingJob() {
        assertThat(Commands.find("rate")).get().isInstanceOf(RateCommand.class);
        assertThat(command.jobName()).isEqualTo("ratingJob");
    }

    @Test
    void withoutOptionsRatesEveryUnratedCdr() {
        assertThat(command.jobParameters(ParsedOptions.of("rate", Map.of())).isEmpty()).isTrue();
    }

    @Test
    void aScopeBecomesJobParameters() {
        JobParameters parameters = command.jobParameters(ParsedOptions.of("rate",
                Map.of("period", "2026-10", "account", "ACC-1", "trunk", "TRK-1")));
        assertThat(parameters.getString("period")).isEqualTo("2026-10");
        assertThat(parameters.getString("account")).isEqualTo("ACC-1");
        assertThat(parameters.getString("trunk")).isEqualTo("TRK-1");
    }

    @Test
    void partitionsIsANonIdentifyingParameterFrom1To64() {
        JobParameters parameters = command.jobParameters(ParsedOptions.of("rate", Map.of("partitions", "3")));
        assertThat(parameters.getLong("partitions")).isEqualTo(3L);
        assertThat(parameters.getParameter("partitions").identifying()).isFalse();
        assertThatThrownBy(() -> command.jobParameters(ParsedOptions.of("rate", Map.of("partitions", "0"))))
                .isInstanceOf(UsageException.class).hasMessage("--partitions 0 is not a positive whole number");
        assertThatThrownBy(() -> command.jobParameters(ParsedOptions.of("rate", Map.of("partitions", "65"))))
                .isInstanceOf(UsageException.class).hasMessage("--partitions 65 is more than 64");
    }

    @Test
    void accountOrTrunkNeedAPeriod() {
        assertThatThrownBy(() -> command.jobParameters(ParsedOptions.of("rate", Map.of("account", "ACC-1"))))
                .isInstanceOf(UsageException.class).hasMessageContaining("need --period");
        assertThatThrownBy(() -> command.jobParameters(ParsedOptions.of("rate", Map.of("trunk", "TRK-1"))))
                .isInstanceOf(UsageException.class).hasMessageContaining("need --period");
    }

    @Test
    void aBadPeriodIsBadUsageWithExitCode2() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = new TrunkbillMain(new PrintStream(new ByteArrayOutputStream()),
                new PrintStream(err, true, StandardCharsets.UTF_8), Map.of()).run("rate", "--period", "2026-13");
        assertThat(exit).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--period 2026-13 is not a period YYYY-MM");

        ByteArrayOutputStream err2 = new ByteArrayOutputStream();
        int exit2 = new TrunkbillMain(new PrintStream(new ByteArrayOutputStream()),
                new PrintStream(err2, true, StandardCharsets.UTF_8), Map.of()).run("rate", "--trunk", "TRK-1");
        assertThat(exit2).isEqualTo(2);
        assertThat(err2.toString(StandardCharsets.UTF_8)).contains("need --period");
    }
}
