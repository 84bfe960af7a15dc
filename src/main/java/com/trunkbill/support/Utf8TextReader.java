package com.trunkbill.support;

import org.apache.commons.csv.CSVRecord;

import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

/**
 * The text of an input file (decompressed when {@code .gz}), decoded from UTF-8 with each malformed sequence
 * marked by {@link CsvInput#INVALID_UTF8}, positioned after a byte-order mark; and the check of each record's text
 * ({@link #encodingProblem}), done only when the bytes read so far could have made a problem.
 * <p>
 * The bytes are watched on their way to the decoder. Until a quote, a NUL or a byte of 0x80 or more (a byte-order
 * mark at the start aside) has passed, every record read is plain ASCII outside quotes: it holds no NUL, decodes
 * without a mark, and has no line break in a value (only a quoted value can hold one). Its check then has nothing
 * to find, and is skipped: scanning each value of each record three times took a 1,000,000-CDR file's reading from
 * 1.41 s to 1.52 s for the check that reads every CDR file before an import (the cdr_ids alone), and 3-8 % of the
 * 1.5-1.7 s of reading whole rows. The readers in between (the decoder, this buffer, Commons CSV's) read ahead, so
 * the watch sees a byte before the record that holds it is parsed, never after: from there on every record is
 * checked in full.
 */
public final class Utf8TextReader extends BufferedReader {

    private static final int BUFFER = 1 << 16;

    private final PlainBytes watch;

    private Utf8TextReader(PlainBytes watch, CharsetDecoder decoder) {
        super(new InputStreamReader(watch, decoder), BUFFER);
        this.watch = watch;
    }

    /** Opens {@code file}, positioned after a byte-order mark. */
    public static Utf8TextReader open(Path file) throws IOException {
        InputStream in = new BufferedInputStream(Files.newInputStream(file), BUFFER);
        if (file.getFileName().toString().endsWith(".gz")) {
            in = new BufferedInputStream(new GZIPInputStream(in, BUFFER), BUFFER);
        }
        return of(in);
    }

    /** Reads {@code in} (not closed here: closing this reader closes it), positioned after a byte-order mark. */
    static Utf8TextReader of(InputStream in) throws IOException {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE)
                .replaceWith(String.valueOf(CsvInput.INVALID_UTF8));
        Utf8TextReader reader = new Utf8TextReader(new PlainBytes(in), decoder);
        reader.mark(1);
        if (reader.read() != '\uFEFF') {
            reader.reset();
        }
        return reader;
    }

    /**
     * What is wrong with the text of {@code record}, read from this reader, as {@link CsvInput#encodingProblem}
     * says; it also counts the record's embedded line breaks into {@code breaks[0]}.
     */
    public String encodingProblem(CSVRecord record, long[] breaks) {
        if (watch.plain()) {
            breaks[0] = 0;
            return null;
        }
        return CsvInput.encodingProblem(record, breaks);
    }

    /** Whether every byte read so far is plain ASCII text without a quote (a leading byte-order mark aside). */
    boolean plainSoFar() {
        return watch.plain();
    }

    /** Notes whether a byte other than plain ASCII text without a quote has passed, a leading BOM aside. */
    private static final class PlainBytes extends FilterInputStream {
        private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        private boolean plain = true;
        /** How many bytes have passed, counted only while they may still be the byte-order mark. */
        private int start;

        PlainBytes(InputStream in) {
            super(in);
        }

        /** Whether no byte but plain text has passed (the first bytes of a mark not yet complete are not plain). */
        boolean plain() {
            return plain && start <= 0;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0 && plain) {
                watch(new byte[] {(byte) b}, 0, 1);
            }
            return b;
        }

        @Override
        public int read(byte[] bytes, int offset, int length) throws IOException {
            int n = super.read(bytes, offset, length);
            if (n > 0 && plain) {
                watch(bytes, offset, n);
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            // read, not skipped, so that the watch sees them
            byte[] bytes = new byte[(int) Math.min(Math.max(n, 0), 8192)];
            return Math.max(0, read(bytes, 0, bytes.length));
        }

        @Override
        public boolean markSupported() {
            return false;
        }

        private void watch(byte[] bytes, int offset, int n) {
            int at = offset;
            int end = offset + n;
            // the first bytes of the file, while they are those of a byte-order mark
            while (start >= 0 && start < BOM.length && at < end) {
                if (bytes[at] != BOM[start]) {
                    if (start > 0) {
                        // the start of a mark, but not a mark: bytes of 0x80 or more
                        plain = false;
                        return;
                    }
                    start = -1;
                    break;
                }
                start++;
                at++;
            }
            if (start > 0 && start < BOM.length) {
                return;
            }
            start = -1;
            for (; at < end; at++) {
                byte b = bytes[at];
                // a byte of 0x80 or more is negative
                if (b <= 0 || b == '"') {
                    plain = false;
                    return;
                }
            }
        }
    }
}
