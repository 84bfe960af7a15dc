package com.trunkbill.cli;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class TrunkbillMainTests {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final TrunkbillMain main = new TrunkbillMain(new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8), Map.of());

    @Test
    void helpListsEveryCommandAndExitsZero() {
        assertThat(main.run("--help")).isZero();
        String help = out.toString(StandardCharsets.UTF_8);
        assertThat(help).contains("Usage: trunkbill <command> [options]", "--db JDBC_URL", "--output-dir DIR");
        Commands.all().forEach(command -> assertThat(help).contains(command.name()));
    }

    @Test
    void noArgumentsIsBadUsage() {
        assertThat(main.run()).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("Usage: trunkbill");
    }

    @Test
    void unknownCommandIsBadUsageWithOneLineReason() {
        assertThat(main.run("frobnicate")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8).trim())
                .isEqualTo("trunkbill: unknown command 'frobnicate' (see trunkbill --help)");
    }

    @Test
    void aLockedEmbeddedDatabaseIsExplainedAsAnotherProcessRunning() {
        RuntimeException locked = new IllegalStateException("context failed",
                new RuntimeException("The file is locked: /srv/data/trunkbill.mv.db [2.3.232/7]"));

        assertThat(TrunkbillMain.explain(locked)).isEqualTo("the embedded database is in use by another trunkbill "
                + "process (is a job running?): The file is locked: /srv/data/trunkbill.mv.db [2.3.232/7]");
        assertThat(TrunkbillMain.explain(new IllegalArgumentException("no job named x"))).isEqualTo("no job named x");
    }
}
