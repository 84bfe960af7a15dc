package com.trunkbill.support;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/**
 * Writes an output CSV that is safe to open in a spreadsheet (SPEC §7): a text cell starting with
 * {@code = + - @} (or a tab / carriage return) is neutralised with a leading apostrophe, the OWASP
 * recommendation; E.164 numbers stay readable ({@code '+14155550123}). Numbers are written plainly,
 * so negative amounts stay numbers. The file is written to a temporary name and moved into place
 * on {@link #close()}, so a reader never sees half a report.
 */
public final class CsvOutput implements Closeable {

    private final Path target;
    private final Path temporary;
    private final CSVPrinter printer;

    private CsvOutput(Path target, Path temporary, CSVPrinter printer) {
        this.target = target;
        this.temporary = temporary;
        this.printer = printer;
    }

    public static CsvOutput create(Path target, List<String> header) {
        try {
            Path temporary = AtomicFiles.temporaryFor(target);
            BufferedWriter writer = Files.newBufferedWriter(temporary, StandardCharsets.UTF_8);
            CSVPrinter printer = new CSVPrinter(writer, CSVFormat.RFC4180.builder().setRecordSeparator("\n").get());
            CsvOutput output = new CsvOutput(target, temporary, printer);
            printer.printRecord(header);
            return output;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + target, e);
        }
    }

    /** Writes one row; Strings are neutralised, numbers and instants written as is, null as an empty cell. */
    public void row(Object... cells) {
        try {
            for (Object cell : cells) {
                printer.print(cellText(cell));
            }
            printer.println();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + target, e);
        }
    }

    static String cellText(Object cell) {
        if (cell == null) {
            return "";
        }
        if (cell instanceof BigDecimal decimal) {
            return decimal.toPlainString();
        }
        if (cell instanceof Number || cell instanceof Boolean || cell instanceof Instant) {
            return cell.toString();
        }
        return neutralise(cell.toString());
    }

    /** OWASP CSV injection: a leading {@code = + - @ \t \r} makes a spreadsheet evaluate the cell. */
    public static String neutralise(String text) {
        if (text.isEmpty()) {
            return text;
        }
        char first = text.charAt(0);
        if (first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r') {
            return "'" + text;
        }
        return text;
    }

    @Override
    public void close() {
        try {
            printer.close(true);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + target, e);
        }
        AtomicFiles.moveIntoPlace(temporary, target);
    }
}
