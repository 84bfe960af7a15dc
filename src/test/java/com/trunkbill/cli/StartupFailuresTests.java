package com.trunkbill.cli;

import org.junit.jupiter.api.Test;

import java.sql.SQLException;

import static org.assertj.core.api.Assertions.assertThat;

class StartupFailuresTests {

    @Test
    void aLockedH2FileNamesTheOtherProcess() {
        var failure = new IllegalStateException("Failed to start",
                new SQLException("Database may be already in use: \"/srv/data/trunkbill.mv.db\".\nPossible solutions"));
        assertThat(StartupFailures.explain(failure, null, null))
                .isEqualTo("the embedded database is in use by another "
                        + "trunkbill process (is a job running?): Database may be already in use: \"/srv/data/trunkbill.mv.db\"."
                        + " Possible solutions");
    }

    @Test
    void aBrokenConnectionSaysTheDatabaseIsUnreachable() {
        var failure = new RuntimeException(new SQLException("Connection is broken: \"session closed\" [90067-240]"));
        assertThat(StartupFailures.explain(failure, null, null))
                .isEqualTo("cannot reach the database (is it running? was it "
                        + "stopped?): Connection is broken: \"session closed\" [90067-240]");
    }

    @Test
    void aCorruptedFilePointsToTheBackups() {
        var failure = new RuntimeException(new IllegalStateException("File corrupted while reading record"));
        assertThat(StartupFailures.explain(failure, null, null))
                .startsWith("the embedded database file is damaged; restore the "
                        + "last backup");
    }

    @Test
    void anErrorWithoutMessageGivesItsClassOnOneLine() {
        assertThat(StartupFailures.explain(new ExceptionInInitializerError(), null, null))
                .isEqualTo("ExceptionInInitializerError");
        assertThat(StartupFailures.explain(new IllegalArgumentException("a\nb"), null, null)).isEqualTo("a b");
    }
}
