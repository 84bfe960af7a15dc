package com.trunkbill.support;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.zip.GZIPOutputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

class CsvInputTests {

    @TempDir
    Path dir;

    private static final Set<String> KNOWN = Set.of("id", "name", "note");

    /** One record of Commons CSV from {@code fields}, each quoted (so it may hold line breaks and NULs). */
    private static CSVRecord record(String... fields) throws IOException {
        StringBuilder line = new StringBuilder();
        for (String field : fields) {
            line.append(line.isEmpty() ? "" : ",").append('"').append(field).append('"');
        }
        try (CSVParser parser = CSVParser.parse(line.toString(), CSVFormat.RFC4180)) {
            return parser.getRecords().get(0);
        }
    }

    @Test
    void encodingProblemNamesTheFirstProblemOfTheFirstFieldWithOneAndCountsEveryLineBreak() throws IOException {
        long[] breaks = new long[1];
        char mark = CsvInput.INVALID_UTF8;

        assertThat(CsvInput.encodingProblem(record("a\nb", "c", "d\ne\nf"), breaks)).isNull();
        assertThat(breaks[0]).isEqualTo(3);
        assertThat(CsvInput.encodingProblem(record("a", "x\0y" + mark, "z\n"), breaks))
                .isEqualTo("a NUL character in field 2");
        assertThat(breaks[0]).isEqualTo(1);
        assertThat(CsvInput.encodingProblem(record("a", "x" + mark + "y\0", "\0"), breaks))
                .isEqualTo("invalid UTF-8 in field 2");
        // a high surrogate and the mark are one character (U+1FFFF is not invalid); a mark after it is
        assertThat(CsvInput.encodingProblem(record("\uD83F" + mark, "b", "\0"), breaks))
                .isEqualTo("a NUL character in field 3");
        assertThat(CsvInput.encodingProblem(record("\uD83F" + mark + mark, "\0"), breaks))
                .isEqualTo("invalid UTF-8 in field 1");
        assertThat(CsvInput.encodingProblem(record(mark + "a"), breaks)).isEqualTo("invalid UTF-8 in field 1");
        assertThat(CsvInput.encodingProblem(record("caf\u00e9", "\u6771\u4eac"), breaks)).isNull();
        assertThat(breaks[0]).isZero();
    }

    @Test
    void findsColumnsByHeaderNameCaseInsensitivelyAndTrimsValues() throws IOException {
        Path file = write("a.csv", "\uFEFFNote, ID ,Name,extra\n x ,1, Alice ,?\n");
        try (CsvInput input = CsvInput.open(file, Set.of("id", "name"), KNOWN)) {
            List<CsvLine> lines = read(input);
            assertThat(input.unknownColumns()).containsExactly("extra");
            assertThat(lines).hasSize(1);
            assertThat(lines.get(0).get("id")).isEqualTo("1");
            assertThat(lines.get(0).get("name")).isEqualTo("Alice");
            assertThat(lines.get(0).get("note")).isEqualTo("x");
        }
    }

    @Test
    void aColumnReadByItsPositionReadsAsByItsName() throws IOException {
        Path file = write("a.csv", "Note, ID ,Name\n x ,1, Alice \n,2\n y ,,\n");
        try (CsvInput input = CsvInput.open(file, Set.of("id"), KNOWN)) {
            int id = input.columnPosition("id");
            int name = input.columnPosition("name");
            int absent = input.columnPosition("extra");
            assertThat(List.of(id, name, absent)).containsExactly(1, 2, -1);
            List<CsvLine> lines = read(input);
            assertThat(lines).extracting(line -> line.get(id), line -> line.get(name), line -> line.get(absent))
                    .containsExactly(tuple("1", "Alice", null), tuple("2", null, null), tuple(null, null, null));
            assertThat(lines).extracting(line -> line.get(name)).containsExactlyElementsOf(
                    lines.stream().map(line -> line.get("name")).toList());
        }
    }

    @Test
    void emptyCellIsAbsent() throws IOException {
        Path file = write("a.csv", "id,name\n1,\n");
        try (CsvInput input = CsvInput.open(file, Set.of("id"), KNOWN)) {
            assertThat(read(input).get(0).get("name")).isNull();
        }
    }

    @Test
    void lineNumbersAreWhereEachRecordStartsSkippingEmptyLinesAndCountingQuotedBreaks() throws IOException {
        Path file = write("a.csv", "id,name\n1,a\n\n2,\"multi\nline\"\n3,c\n\n\n4,d");
        try (CsvInput input = CsvInput.open(file, Set.of("id"), KNOWN)) {
            List<CsvLine> lines = read(input);
            assertThat(lines).extracting(CsvLine::lineNo).containsExactly(2L, 4L, 6L, 9L);
            assertThat(lines).extracting(line -> line.get("id")).containsExactly("1", "2", "3", "4");
        }
    }

    @Test
    void wrongColumnCountIsVisiblePerRecord() throws IOException {
        Path file = write("a.csv", "id,name\n1,a,surplus\n2\n3,c\n");
        try (CsvInput input = CsvInput.open(file, Set.of("id"), KNOWN)) {
            assertThat(read(input)).extracting(CsvLine::hasHeaderWidth).containsExactly(false, false, true);
        }
    }

    @Test
    void missingRequiredColumnRefusesTheFileNamingFileAndColumn() throws IOException {
        Path file = write("trunks.csv", "id\n1\n");
        assertThatThrownBy(() -> CsvInput.open(file, Set.of("id", "name"), KNOWN))
                .isInstanceOf(CsvFileException.class)
                .hasMessage("trunks.csv: required column 'name' is missing");
    }

    @Test
    void unterminatedQuoteRefusesTheFile() throws IOException {
        Path file = write("bad.csv", "id,name\n1,\"never closed\n2,b\n");
        try (CsvInput input = CsvInput.open(file, Set.of("id"), KNOWN)) {
            assertThatThrownBy(() -> read(input)).isInstanceOf(CsvFileException.class).hasMessageContaining("bad.csv");
        }
    }

    @Test
    void readsGzipCompressedFiles() throws IOException {
        Path file = dir.resolve("a.csv.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
            out.write("id,name\n7,g\n".getBytes(StandardCharsets.UTF_8));
        }
        try (CsvInput input = CsvInput.open(file, Set.of("id"), KNOWN)) {
            assertThat(read(input)).extracting(line -> line.get("name")).containsExactly("g");
        }
    }

    private Path write(String name, String content) throws IOException {
        return Files.writeString(dir.resolve(name), content, StandardCharsets.UTF_8);
    }

    private static List<CsvLine> read(CsvInput input) {
        List<CsvLine> lines = new ArrayList<>();
        input.forEach(lines::add);
        return lines;
    }
}
