package com.trunkbill.support;

import org.apache.commons.csv.CSVFormat;

import java.io.Closeable;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code rejects/<file>.rejects.csv} (SPEC §7): one row per refused input row with its line number, the
 * reason code, a human-readable detail (file, line and field) and the raw row as read. Opened lazily: a
 * file without refused rows gets no rejects file (an older one from an earlier run is replaced when it has).
 */
public final class RejectsFile implements Closeable {

    public static final List<String> HEADER = List.of("line", "reason", "detail", "row");

    private final Path target;
    private CsvOutput output;
    private long count;

    public RejectsFile(Path rejectsDir, String inputFileName) {
        this.target = pathFor(rejectsDir, inputFileName);
    }

    /**
     * {@code rejects/<file>.rejects.csv}; an input file name outside the safe alphabet ({@code =HYPERLINK(x).csv},
     * {@code -x.csv}) is encoded by {@link SafeFileNames#encode} so that the rejects file's name is harmless.
     */
    public static Path pathFor(Path rejectsDir, String inputFileName) {
        return SafeFileNames.file(rejectsDir, inputFileName, ".rejects.csv");
    }

    public Path path() {
        return target;
    }

    public void reject(long lineNo, String reason, String detail, String[] rawValues) {
        if (output == null) {
            output = CsvOutput.create(target, HEADER);
        }
        output.row(lineNo, reason, detail, rawValues == null ? "" : CSVFormat.RFC4180.format((Object[]) rawValues));
        count++;
    }

    public long count() {
        return count;
    }

    @Override
    public void close() {
        if (output != null) {
            output.close();
        }
    }
}
