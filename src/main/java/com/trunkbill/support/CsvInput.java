package com.trunkbill.support;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;

/**
 * Reads an input CSV file as SPEC §3 defines them: RFC 4180, UTF-8 with an optional BOM, a header row,
 * columns found by header name (case-insensitive, any order), unknown columns reported once, empty lines
 * skipped. {@code .gz} files are decompressed on the fly. Streaming: memory does not grow with the file.
 */
public final class CsvInput implements Closeable, Iterable<CsvLine> {

    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder()
            .setIgnoreEmptyLines(true)
            .get();

    /**
     * Replaces each malformed UTF-8 sequence while decoding: a lone low surrogate, which no valid UTF-8 decodes
     * to, so a record holding it (and not after a high surrogate) had invalid bytes. Decoding with
     * {@code CodingErrorAction.REPORT} would throw from the reader's 64 KB read-ahead, records away from the
     * bad bytes and with no way to go on; the mark names the record, and the file streams on.
     */
    static final char INVALID_UTF8 = '\uDFFF';

    private final Path file;
    private final Utf8TextReader reader;
    private final boolean refuseBadEncoding;
    private final CSVParser parser;
    private final Iterator<CSVRecord> records;
    private final Map<String, Integer> columnIndex;
    private final List<String> unknownColumns;
    private final int headerWidth;
    private long linesConsumed;

    private CsvInput(Path file, Utf8TextReader reader, CSVParser parser, Iterator<CSVRecord> records,
                     Map<String, Integer> columnIndex, List<String> unknownColumns, int headerWidth,
                     long linesConsumed, boolean refuseBadEncoding) {
        this.file = file;
        this.reader = reader;
        this.refuseBadEncoding = refuseBadEncoding;
        this.parser = parser;
        this.records = records;
        this.columnIndex = columnIndex;
        this.unknownColumns = unknownColumns;
        this.headerWidth = headerWidth;
        this.linesConsumed = linesConsumed;
    }

    /**
     * Opens a file and checks its header.
     *
     * @param required columns that must be present (lower case)
     * @param known    every column the reader understands (lower case); others are reported as unknown
     * @throws CsvFileException when the file is not CSV or lacks a required column; when iterating, a record with
     *                          invalid UTF-8 or a NUL character refuses the file, naming its line (inventory and
     *                          rate tables: SPEC §8, nothing is imported from a file that is not clean text)
     */
    public static CsvInput open(Path file, Collection<String> required, Collection<String> known) {
        return open(file, required, known, true);
    }

    /**
     * As {@link #open(Path, Collection, Collection)}, but a record with invalid UTF-8 or a NUL character is
     * returned with {@link CsvLine#encodingProblem()} set, for the caller to reject that row alone (CDRs).
     */
    public static CsvInput openRejectingBadlyEncodedRows(Path file, Collection<String> required,
                                                         Collection<String> known) {
        return open(file, required, known, false);
    }

    private static CsvInput open(Path file, Collection<String> required, Collection<String> known,
                                 boolean refuseBadEncoding) {
        try {
            return open(file, Utf8TextReader.open(file), required, known, refuseBadEncoding);
        } catch (IOException e) {
            throw new CsvFileException(file.getFileName() + ": cannot be read as a CSV file: " + e.getMessage(), e);
        }
    }

    /**
     * What is wrong with the text of a record, or null: "invalid UTF-8 in field 3" or "a NUL character in
     * field 2" (fields counted from 1; the first problem of the first field that has one). Also counts the
     * record's embedded line breaks into {@code breaks[0]}.
     */
    static String encodingProblem(CSVRecord record, long[] breaks) {
        String problem = null;
        long lineBreaks = 0;
        // By index (CSVRecord's iterator copies the record into a new list through a stream), and with
        // String.indexOf, which is vectorised and answers at once for a value of Latin-1 text, which cannot hold
        // the mark: a char-by-char scan of every field was 7 % of the reader threads' samples at 10M CDRs.
        for (int index = 0; index < record.size(); index++) {
            String value = record.get(index);
            for (int at = value.indexOf('\n'); at >= 0; at = value.indexOf('\n', at + 1)) {
                lineBreaks++;
            }
            if (problem == null) {
                int invalid = invalidUtf8At(value);
                int nul = value.indexOf('\0');
                if (invalid >= 0 && (nul < 0 || invalid < nul)) {
                    problem = "invalid UTF-8 in field " + (index + 1);
                } else if (nul >= 0) {
                    problem = "a NUL character in field " + (index + 1);
                }
            }
        }
        breaks[0] = lineBreaks;
        return problem;
    }

    /** Where the first invalid-UTF-8 mark of {@code value} is (one not after a high surrogate), or -1. */
    private static int invalidUtf8At(String value) {
        for (int at = value.indexOf(INVALID_UTF8); at >= 0; at = value.indexOf(INVALID_UTF8, at + 1)) {
            if (at == 0 || !Character.isHighSurrogate(value.charAt(at - 1))) {
                return at;
            }
        }
        return -1;
    }

    /** The record's values with each invalid-UTF-8 mark shown as U+FFFD, for rejects files. */
    public static String[] printable(String[] values) {
        String[] printable = values.clone();
        for (int i = 0; i < printable.length; i++) {
            if (printable[i].indexOf(INVALID_UTF8) >= 0) {
                StringBuilder text = new StringBuilder(printable[i]);
                for (int j = 0; j < text.length(); j++) {
                    if (text.charAt(j) == INVALID_UTF8 && (j == 0 || !Character.isHighSurrogate(text.charAt(j - 1)))) {
                        text.setCharAt(j, '\uFFFD');
                    }
                }
                printable[i] = text.toString();
            }
        }
        return printable;
    }

    private static CsvInput open(Path file, Utf8TextReader reader, Collection<String> required,
                                 Collection<String> known, boolean refuseBadEncoding) throws IOException {
        String name = file.getFileName().toString();
        CSVParser parser = CSVParser.builder().setReader(reader).setFormat(FORMAT).get();
        Iterator<CSVRecord> records = parser.iterator();
        CSVRecord header;
        try {
            if (!records.hasNext()) {
                parser.close();
                throw new CsvFileException(name + ": is empty, a header row is required");
            }
            header = records.next();
        } catch (UncheckedIOException | IllegalStateException e) {
            parser.close();
            throw new CsvFileException(name + ": is not a CSV file: " + e.getMessage(), e);
        }
        Map<String, Integer> index = new LinkedHashMap<>();
        List<String> unknown = new ArrayList<>();
        for (int i = 0; i < header.size(); i++) {
            String column = header.get(i).trim().toLowerCase(Locale.ROOT);
            if (column.indexOf('\0') >= 0) {
                parser.close();
                throw new CsvFileException(name + ": is not a CSV file (binary content in the header)");
            }
            if (index.putIfAbsent(column, i) != null) {
                parser.close();
                throw new CsvFileException(name + ": column '" + column + "' appears twice in the header");
            }
            if (!known.contains(column)) {
                unknown.add(header.get(i).trim());
            }
        }
        String headerProblem = reader.encodingProblem(header, new long[1]);
        if (headerProblem != null) {
            parser.close();
            throw new CsvFileException(name + ": line 1 (the header): " + headerProblem
                    + "; the file must be UTF-8 text");
        }
        for (String column : required) {
            if (!index.containsKey(column)) {
                parser.close();
                throw new CsvFileException(name + ": required column '" + column + "' is missing");
            }
        }
        return new CsvInput(file, reader, parser, records, index, List.copyOf(unknown), header.size(),
                parser.getCurrentLineNumber(), refuseBadEncoding);
    }

    public Path file() {
        return file;
    }

    public String fileName() {
        return file.getFileName().toString();
    }

    /** Header columns not known to the reader, as written; the caller warns once per file. */
    public List<String> unknownColumns() {
        return unknownColumns;
    }

    /** Whether the header has the given (lower-case) column. */
    public boolean hasColumn(String column) {
        return columnIndex.containsKey(column);
    }

    /**
     * The position of the given (lower-case) column in the header, or -1 when the header lacks it: for
     * {@link CsvLine#get(int)}, which a reader of every record uses instead of looking the name up each time.
     */
    public int columnPosition(String column) {
        return columnIndex.getOrDefault(column, -1);
    }

    /**
     * Iterates the records. A record that is not valid CSV (an unterminated quote, say) ends the file with
     * a {@link CsvFileException}: the caller refuses the file whole.
     */
    @Override
    public Iterator<CsvLine> iterator() {
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                try {
                    return records.hasNext();
                } catch (UncheckedIOException | IllegalStateException e) {
                    throw new CsvFileException(fileName() + ": is not a valid CSV file after line " + linesConsumed
                            + ": " + e.getMessage(), e);
                }
            }

            @Override
            public CsvLine next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                CSVRecord record = records.next();
                long lineAfter = parser.getCurrentLineNumber();
                String problem = reader.encodingProblem(record, breaks);
                long startLine = lineAfter - breaks[0];
                linesConsumed = lineAfter;
                if (problem != null && refuseBadEncoding) {
                    throw new CsvFileException(fileName() + ": line " + startLine + ": " + problem
                            + "; the file must be UTF-8 text, nothing of it is imported");
                }
                return new CsvLine(startLine, record, columnIndex, headerWidth, problem);
            }

            private final long[] breaks = new long[1];
        };
    }

    @Override
    public void close() {
        try {
            parser.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
