package com.trunkbill.support;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class Utf8TextReaderTests {

    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setIgnoreEmptyLines(true).get();

    /**
     * Over 3,000 random inputs, each plain text for a while and then (mostly) text a record check has something to
     * find in (quoted line breaks, NULs, invalid and valid multi-byte UTF-8, a BOM or its first bytes), read a few
     * bytes at a time so that the watch changes its mind between records: each record's problem and line breaks
     * are those of the full check.
     */
    @Test
    void everyRecordGetsTheFullChecksAnswerWhetherOrNotTheCheckRan() throws IOException {
        Random random = new Random(20261208);
        long skipped = 0;
        long checked = 0;
        long problems = 0;
        long breaksSeen = 0;
        for (int input = 0; input < 3_000; input++) {
            byte[] bytes = randomInput(random);
            List<Object> fast = new ArrayList<>();
            List<Object> full = new ArrayList<>();
            try (Utf8TextReader reader = Utf8TextReader.of(new Trickle(bytes, random.nextLong()));
                 CSVParser parser = CSVParser.builder().setReader(reader).setFormat(FORMAT).get()) {
                Iterator<CSVRecord> records = parser.iterator();
                while (hasNext(records)) {
                    CSVRecord record = records.next();
                    boolean plain = reader.plainSoFar();
                    long[] fastBreaks = new long[1];
                    long[] fullBreaks = new long[1];
                    String fastProblem = reader.encodingProblem(record, fastBreaks);
                    String fullProblem = CsvInput.encodingProblem(record, fullBreaks);
                    fast.add(List.of(record.getRecordNumber(), String.valueOf(fastProblem), fastBreaks[0]));
                    full.add(List.of(record.getRecordNumber(), String.valueOf(fullProblem), fullBreaks[0]));
                    skipped += plain ? 1 : 0;
                    checked += plain ? 0 : 1;
                    problems += fullProblem == null ? 0 : 1;
                    breaksSeen += fullBreaks[0];
                }
            }
            assertThat(fast).as("input %d", input).isEqualTo(full);
        }
        // both ways were taken, and the full check had things to find
        assertThat(skipped).isGreaterThan(5_000);
        assertThat(checked).isGreaterThan(5_000);
        assertThat(problems).isGreaterThan(1_000);
        assertThat(breaksSeen).isGreaterThan(1_000);
    }

    @Test
    void aByteOrderMarkIsNotTextToCheckButItsFirstBytesAloneAre() throws IOException {
        assertThat(plainAfterReading(bytes(0xEF, 0xBB, 0xBF), ascii("a,b\n"))).isTrue();
        assertThat(plainAfterReading(ascii("a,b\n"))).isTrue();
        assertThat(plainAfterReading(bytes(0xEF, 0xBB), ascii("a,b\n"))).isFalse();
        assertThat(plainAfterReading(bytes(0xEF, 0xBB))).isFalse();
        assertThat(plainAfterReading(bytes(0xEF))).isFalse();
        assertThat(plainAfterReading(ascii("a,b\n"), bytes(0xEF, 0xBB, 0xBF))).isFalse();
        assertThat(plainAfterReading(ascii("a,\"b\"\n"))).isFalse();
        assertThat(plainAfterReading(ascii("a,b\0\n"))).isFalse();
        assertThat(plainAfterReading(ascii("caf"), bytes(0xC3, 0xA9))).isFalse();
    }

    @Test
    void theTextReadIsTheFilesWithTheMarkSkippedAndBadBytesMarked() throws IOException {
        byte[] input = concat(bytes(0xEF, 0xBB, 0xBF), ascii("caf"), bytes(0xC3, 0xA9, 0xFF), ascii("!"));
        try (Utf8TextReader reader = Utf8TextReader.of(new ByteArrayInputStream(input))) {
            assertThat(reader.readLine()).isEqualTo("caf\u00e9" + CsvInput.INVALID_UTF8 + "!");
        }
    }

    private static boolean plainAfterReading(byte[]... parts) throws IOException {
        try (Utf8TextReader reader = Utf8TextReader.of(new Trickle(concat(parts), 1))) {
            while (reader.read() >= 0) {
                // read everything
            }
            return reader.plainSoFar();
        }
    }

    private static boolean hasNext(Iterator<CSVRecord> records) {
        try {
            return records.hasNext();
        } catch (UncheckedIOException | IllegalStateException e) {
            return false; // an unterminated quote: not CSV, the same for both checks
        }
    }

    /** Some records of plain text, then (four times in five) records of any kind. */
    private static byte[] randomInput(Random random) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        if (random.nextInt(4) == 0) {
            out.writeBytes(bytes(0xEF, 0xBB, 0xBF));
        }
        int plainRecords = random.nextInt(8);
        int anyRecords = random.nextInt(5) == 0 ? 0 : 1 + random.nextInt(8);
        for (int r = 0; r < plainRecords + anyRecords; r++) {
            int fields = 1 + random.nextInt(4);
            for (int f = 0; f < fields; f++) {
                if (f > 0) {
                    out.write(',');
                }
                out.writeBytes(r < plainRecords ? plainField(random) : anyField(random));
            }
            out.writeBytes(random.nextInt(3) == 0 ? ascii("\r\n") : ascii("\n"));
            if (random.nextInt(6) == 0) {
                out.write('\n'); // an empty line, skipped
            }
        }
        return out.toByteArray();
    }

    private static byte[] plainField(Random random) {
        StringBuilder text = new StringBuilder();
        for (int i = random.nextInt(12); i > 0; i--) {
            text.append((char) ('a' + random.nextInt(26)));
        }
        return ascii(text.toString());
    }

    private static byte[] anyField(Random random) {
        ByteArrayOutputStream field = new ByteArrayOutputStream();
        boolean quoted = random.nextBoolean();
        if (quoted) {
            field.write('"');
        }
        for (int i = random.nextInt(10); i > 0; i--) {
            switch (random.nextInt(8)) {
                case 0 -> field.write(0);
                case 1 -> field.write(0x80 + random.nextInt(0x80)); // a byte of no valid sequence on its own
                case 2 -> field.writeBytes("\u00e9\u6771\uD83D\uDE00".getBytes(StandardCharsets.UTF_8));
                case 3 -> field.writeBytes(quoted ? ascii("\n") : ascii("x"));
                case 4 -> field.writeBytes(quoted ? ascii("\"\",\r\n") : ascii("y"));
                default -> field.write('a' + random.nextInt(26));
            }
        }
        if (quoted) {
            field.write('"');
        }
        return field.toByteArray();
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    private static byte[] bytes(int... values) {
        byte[] bytes = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            bytes[i] = (byte) values[i];
        }
        return bytes;
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    /** Gives its bytes one to seven at a time, and never says more are ready. */
    private static final class Trickle extends InputStream {
        private final byte[] bytes;
        private final Random random;
        private int at;

        Trickle(byte[] bytes, long seed) {
            this.bytes = bytes;
            this.random = new Random(seed);
        }

        @Override
        public int read() {
            return at < bytes.length ? bytes[at++] & 0xff : -1;
        }

        @Override
        public int read(byte[] into, int offset, int length) {
            if (length == 0) {
                return 0;
            }
            if (at == bytes.length) {
                return -1;
            }
            int n = Math.min(Math.min(length, 1 + random.nextInt(7)), bytes.length - at);
            System.arraycopy(bytes, at, into, offset, n);
            at += n;
            return n;
        }

        @Override
        public int available() {
            return 0;
        }
    }
}
