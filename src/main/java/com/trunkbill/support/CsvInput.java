package com.trunkbill.support;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.zip.GZIPInputStream;

/**
 * Reads an input CSV file as SPEC §3 defines them: RFC 4180, UTF-8 with an optional BOM, a header row,
 * columns found by header name (case-insensitive, any order), unknown columns reported once, empty lines
 * skipped. {@code .gz} files are decompressed on the fly. Streaming: memory does not grow with the file.
 */
public final class CsvInput implements Closeable, Iterable<CsvLine> {

    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder()
            .setIgnoreEmptyLines(true)
            .get();

    private final Path file;
    private final CSVParser parser;
    private final Iterator<CSVRecord> records;
    private final Map<String, Integer> columnIndex;
    private final List<String> unknownColumns;
    private final int headerWidth;
    private long linesConsumed;

    private CsvInput(Path file, CSVParser parser, Iterator<CSVRecord> records, Map<String, Integer> columnIndex,
                     List<String> unknownColumns, int headerWidth, long linesConsumed) {
        this.file = file;
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
     * @throws CsvFileException when the file is not CSV or lacks a required column
     */
    public static CsvInput open(Path file, Collection<String> required, Collection<String> known) {
        try {
            InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
            if (file.getFileName().toString().endsWith(".gz")) {
                in = new BufferedInputStream(new GZIPInputStream(in, 1 << 16), 1 << 16);
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1 << 16);
            skipByteOrderMark(reader);
            return open(file, reader, required, known);
        } catch (IOException e) {
            throw new CsvFileException(file.getFileName() + ": cannot be read as a CSV file: " + e.getMessage(), e);
        }
    }

    private static CsvInput open(Path file, BufferedReader reader, Collection<String> required,
                                 Collection<String> known) throws IOException {
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
        for (String column : required) {
            if (!index.containsKey(column)) {
                parser.close();
                throw new CsvFileException(name + ": required column '" + column + "' is missing");
            }
        }
        return new CsvInput(file, parser, records, index, List.copyOf(unknown), header.size(),
                parser.getCurrentLineNumber());
    }

    private static void skipByteOrderMark(BufferedReader reader) throws IOException {
        reader.mark(1);
        if (reader.read() != '\uFEFF') {
            reader.reset();
        }
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
                long startLine = lineAfter - embeddedLineBreaks(record);
                linesConsumed = lineAfter;
                return new CsvLine(startLine, record, columnIndex, headerWidth);
            }
        };
    }

    private static long embeddedLineBreaks(CSVRecord record) {
        long breaks = 0;
        for (String value : record) {
            for (int i = 0; i < value.length(); i++) {
                if (value.charAt(i) == '\n') {
                    breaks++;
                }
            }
        }
        return breaks;
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
