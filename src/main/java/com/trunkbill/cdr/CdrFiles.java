package com.trunkbill.cdr;

import com.trunkbill.support.CsvFileException;
import com.trunkbill.support.InputFolder;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

/** The CDR files of an input folder and their identity. */
public final class CdrFiles {

    private CdrFiles() {
    }

    /** The CDR files of a folder to read, and the entries skipped with the reason of each. */
    public record Listing(List<Path> files, List<String> skipped) {
    }

    /**
     * Every {@code *.csv} and {@code *.csv.gz} entry of {@code dir} (not recursive, dot files ignored), in file
     * name order (SPEC §9). Entries that {@link InputFolder} refuses (FIFOs, links out of the folder unless
     * {@code followSymlinks}) are listed in {@link Listing#skipped()} instead.
     */
    public static Listing list(Path dir, boolean followSymlinks) {
        InputFolder folder = InputFolder.of(dir, followSymlinks);
        List<Path> files = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        try (Stream<Path> entries = Files.list(dir)) {
            entries.filter(file -> {
                        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
                        return (name.endsWith(".csv") || name.endsWith(".csv.gz")) && !name.startsWith(".");
                    })
                    .sorted((a, b) -> a.getFileName().toString().compareTo(b.getFileName().toString()))
                    .forEach(file -> folder.whyNotRead(file).ifPresentOrElse(
                            reason -> skipped.add(InputFolder.skipped(file, reason)), () -> files.add(file)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir, e);
        }
        return new Listing(List.copyOf(files), List.copyOf(skipped));
    }

    /**
     * SHA-256 of the file's content, decompressed for {@code .gz} files: the same CDRs renamed, or
     * recompressed, are the same file (SPEC §8: "the same file ingested twice adds nothing").
     */
    public static String contentHash(Path file) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            try (InputStream raw = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
                 InputStream in = file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".gz")
                         ? new GZIPInputStream(raw, 1 << 16) : raw;
                 DigestInputStream digesting = new DigestInputStream(in, digest)) {
                byte[] buffer = new byte[1 << 16];
                while (digesting.read(buffer) >= 0) {
                    // digesting
                }
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (IOException e) {
            throw new CsvFileException(file.getFileName() + ": cannot be read: " + e.getMessage(), e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
