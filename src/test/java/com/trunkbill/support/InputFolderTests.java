package com.trunkbill.support;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** {@link InputFolder}: which entries of an input folder are read, with and without following links out of it. */
class InputFolderTests {

    @TempDir
    Path tempDir;

    @Test
    void aLinkOutOfTheFolderIsReadOnlyWhenLinksAreFollowedAndAFifoNever() throws Exception {
        Path dir = Files.createDirectories(tempDir.resolve("in"));
        Path outside = Files.writeString(tempDir.resolve("outside.csv"), "x\n");
        Files.writeString(dir.resolve("plain.csv"), "x\n");
        Files.createSymbolicLink(dir.resolve("out.csv"), outside);
        Files.createSymbolicLink(dir.resolve("inside.csv"), dir.resolve("plain.csv"));
        Files.createSymbolicLink(dir.resolve("dangling.csv"), tempDir.resolve("missing.csv"));
        Files.createDirectories(dir.resolve("folder.csv"));
        InputFolderFunctionalTests.mkfifo(dir.resolve("pipe.csv"));

        InputFolder strict = InputFolder.of(dir, false);
        InputFolder following = InputFolder.of(dir, true);

        assertThat(strict.whyNotRead(dir.resolve("plain.csv"))).isEmpty();
        assertThat(strict.whyNotRead(dir.resolve("inside.csv"))).isEmpty();
        assertThat(strict.whyNotRead(dir.resolve("out.csv"))).hasValueSatisfying(
                reason -> assertThat(reason).startsWith("a symbolic link to a file outside " + dir));
        assertThat(following.whyNotRead(dir.resolve("out.csv"))).isEmpty();
        assertThat(following.whyNotRead(dir.resolve("pipe.csv")))
                .hasValue("not a regular file (a FIFO, socket or device)");
        assertThat(following.whyNotRead(dir.resolve("dangling.csv"))).hasValue("a symbolic link to a missing file");
        assertThat(following.whyNotRead(dir.resolve("folder.csv"))).hasValue("a folder, not a file");
        assertThat(strict.exists(dir.resolve("dangling.csv"))).isTrue();
    }
}
