package com.trunkbill.cdr;

import com.trunkbill.cdr.model.CdrColumn;
import com.trunkbill.cdr.model.CdrRow;
import com.trunkbill.cdr.model.ForeignCdrMapping;
import com.trunkbill.cdr.model.RejectReason;
import com.trunkbill.cdr.model.Rejection;
import com.trunkbill.support.CsvFileException;
import com.trunkbill.support.CsvInput;
import com.trunkbill.support.CsvLine;
import com.trunkbill.support.Utf8TextReader;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.NoSuchElementException;

/**
 * Streams the records of one CDR file as canonical {@link CdrRow}s, whatever its format. Canonical files go
 * through {@link CsvInput} (header by name, BOM, .gz, line numbers); Asterisk and FreeSWITCH files have no
 * header and are read with Commons CSV directly, then mapped by their {@link ForeignCdrMapping}.
 * A file that is not CSV (binary, broken quoting), lacks a required column, or (headerless formats) whose
 * first record is not of the format's width, is refused whole with a {@link CsvFileException}.
 */
public abstract class CdrSource implements Closeable, Iterator<CdrRow> {

    public static CdrSource open(Path file, CdrFormat format, ForeignCdrMapping mapping) {
        return format == CdrFormat.CANONICAL ? new Canonical(file) : new Headerless(file, mapping);
    }

    /** Issue 12: a row with invalid UTF-8 or a NUL is rejected alone, never rewritten into another value. */
    static Rejection badEncoding(long lineNo, String problem) {
        return problem == null ? null : new Rejection(RejectReason.BAD_ENCODING, "line " + lineNo + ": " + problem);
    }

    /**
     * The next record's cdr_id alone, as {@link #next()} would give it (trimmed, null when empty or absent): what
     * the check before an import reads of each row, without making the whole canonical row.
     */
    public String nextCdrId() {
        return next().get(CdrColumn.CDR_ID);
    }

    /** Header columns that are not §3.3 columns (canonical files only); warned about once per file. */
    public abstract List<String> unknownColumns();

    @Override
    public abstract void close();

    private static final class Canonical extends CdrSource {
        private static final List<String> REQUIRED = CdrColumn.REQUIRED_IN_HEADER.stream().map(CdrColumn::header).toList();
        private static final String CDR_ID = CdrColumn.CDR_ID.header();
        private final CsvInput input;
        private final Iterator<CsvLine> lines;
        /** Where each column of the canonical row is in this file's header (-1: absent), found once per file. */
        private final int[] positions;
        private final int cdrIdPosition;

        Canonical(Path file) {
            input = CsvInput.openRejectingBadlyEncodedRows(file, REQUIRED, CdrColumn.headers());
            lines = input.iterator();
            positions = CdrColumn.headers().stream().mapToInt(input::columnPosition).toArray();
            cdrIdPosition = input.columnPosition(CDR_ID);
        }

        @Override
        public List<String> unknownColumns() {
            return input.unknownColumns();
        }

        @Override
        public boolean hasNext() {
            return lines.hasNext();
        }

        @Override
        public String nextCdrId() {
            return lines.next().get(cdrIdPosition);
        }

        @Override
        public CdrRow next() {
            CsvLine line = lines.next();
            String[] values = new String[positions.length];
            for (int i = 0; i < positions.length; i++) {
                values[i] = line.get(positions[i]);
            }
            return new CdrRow(line.lineNo(), values, line.values(), !line.hasHeaderWidth(),
                    badEncoding(line.lineNo(), line.encodingProblem()));
        }

        @Override
        public void close() {
            input.close();
        }
    }

    private static final class Headerless extends CdrSource {
        private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setIgnoreEmptyLines(true).get();
        private final String name;
        private final ForeignCdrMapping mapping;
        private final Utf8TextReader reader;
        private final CSVParser parser;
        private final Iterator<CSVRecord> records;
        private CSVRecord pending;
        private final long[] breaks = new long[1];

        Headerless(Path file, ForeignCdrMapping mapping) {
            this.name = file.getFileName().toString();
            this.mapping = mapping;
            try {
                reader = Utf8TextReader.open(file);
                parser = CSVParser.builder().setReader(reader).setFormat(FORMAT).get();
                records = parser.iterator();
            } catch (IOException e) {
                throw new CsvFileException(name + ": cannot be read as a CSV file: " + e.getMessage(), e);
            }
            checkFirstRecord();
        }

        private void checkFirstRecord() {
            if (!hasNextRecord()) {
                return;
            }
            CSVRecord first = records.next();
            int width = mapping.columns().size();
            for (String value : first) {
                if (value.indexOf('\0') >= 0) {
                    closeQuietly();
                    throw new CsvFileException(name + ": is not a CSV file (binary content on line 1)");
                }
            }
            if (first.size() != width) {
                closeQuietly();
                throw new CsvFileException(name + ": is not a " + mapping.formatName() + " CDR file: its first record has "
                        + first.size() + " fields, the format has " + width + " " + mapping.columns());
            }
            boolean isHeader = true;
            for (int i = 0; i < width; i++) {
                isHeader &= first.get(i).trim().toLowerCase(Locale.ROOT).equals(mapping.columns().get(i));
            }
            pending = isHeader ? null : first;
        }

        private boolean hasNextRecord() {
            try {
                return records.hasNext();
            } catch (UncheckedIOException | IllegalStateException e) {
                closeQuietly();
                throw new CsvFileException(name + ": is not a valid CSV file after line " + parser.getCurrentLineNumber()
                        + ": " + e.getMessage(), e);
            }
        }

        @Override
        public List<String> unknownColumns() {
            return List.of();
        }

        @Override
        public boolean hasNext() {
            return pending != null || hasNextRecord();
        }

        @Override
        public CdrRow next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            CSVRecord record = pending != null ? pending : records.next();
            pending = null;
            String problem = reader.encodingProblem(record, breaks);
            // SPEC §9: the line where the record starts (the parser stands after its last line)
            long startLine = parser.getCurrentLineNumber() - breaks[0];
            if (problem != null) {
                String[] raw = CsvInput.printable(record.values());
                return new CdrRow(startLine, new String[CdrColumn.count()], raw, false, badEncoding(startLine, problem));
            }
            return mapping.map(startLine, record.values());
        }

        private void closeQuietly() {
            try {
                parser.close();
            } catch (IOException ignored) {
                // already failing
            }
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
}
