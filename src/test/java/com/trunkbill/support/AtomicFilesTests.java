package com.trunkbill.support;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class AtomicFilesTests {

    @TempDir
    Path dir;

    @Test
    void writesIntoANewFolderReplacesTheOldContentAndLeavesNoTemporaryFile() throws IOException {
        Path target = dir.resolve("reports/2026-10/index.html");

        AtomicFiles.writeString(target, "first");
        AtomicFiles.writeString(target, "second, ünïcode");

        assertThat(Files.readString(target)).isEqualTo("second, ünïcode");
        assertThat(target.resolveSibling("index.html.tmp")).doesNotExist();
    }
}
