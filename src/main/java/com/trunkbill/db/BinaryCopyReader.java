package com.trunkbill.db;

import org.postgresql.PGConnection;
import org.postgresql.copy.PGCopyInputStream;

import java.io.EOFException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;

/**
 * Streams the rows of a query from PostgreSQL with {@code COPY (query) TO STDOUT (FORMAT binary)}, the read path of
 * the one report query that returns every CDR of a month. Unlike a JDBC result read with a fetch size, which
 * PostgreSQL executes in its leader process alone (a portal may be suspended), a {@code COPY} of a query runs with
 * parallel workers; and the binary form spares the server formatting, and the JVM parsing, every instant as text.
 * <p>
 * The binary format is PostgreSQL's documented one (the file header, then per row a 16-bit field count and per
 * field a 32-bit length, -1 for NULL, and the value in the type's send format). Only the types this reader has
 * accessors for are read: {@code text}/{@code varchar} ({@link #text}), {@code integer} ({@link #int4}),
 * {@code boolean} ({@link #bool}) and {@code timestamp with time zone} ({@link #instant}); the caller's query
 * decides the column types, and a column read with the wrong accessor fails on its length.
 */
public final class BinaryCopyReader implements AutoCloseable {

    private static final byte[] SIGNATURE = "PGCOPY\n\377\r\n\0".getBytes(StandardCharsets.ISO_8859_1);
    /** PostgreSQL's epoch for timestamps, 2000-01-01T00:00:00Z, in seconds after the Unix epoch. */
    private static final long PG_EPOCH_SECONDS = 946_684_800L;

    private final PGCopyInputStream copy;
    /** What has been received and not read yet: {@code buffer[position, limit)}. */
    private final byte[] buffer = new byte[1 << 16];
    private int position;
    private int limit;
    private final int columns;
    private final int[] offsets;
    private final int[] lengths;
    private byte[] row = new byte[256];
    private long rowsRead;
    private boolean done;

    private BinaryCopyReader(PGCopyInputStream copy, int columns) throws IOException {
        this.copy = copy;
        this.columns = columns;
        this.offsets = new int[columns];
        this.lengths = new int[columns];
        readHeader();
    }

    /**
     * Starts {@code COPY (selectSql) TO STDOUT (FORMAT binary)} on a PostgreSQL connection.
     *
     * @param selectSql a query with its values inlined (a COPY takes no bind values)
     * @param columns   the number of columns the query selects
     */
    public static BinaryCopyReader open(Connection connection, String selectSql, int columns) {
        try {
            PGConnection pg = connection.unwrap(PGConnection.class);
            return new BinaryCopyReader(new PGCopyInputStream(pg, "copy (" + selectSql + ") to stdout (format binary)"),
                    columns);
        } catch (SQLException | IOException e) {
            throw new IllegalStateException("cannot start reading: " + e.getMessage(), e);
        }
    }

    /** Whether the connection can be read with this class (PostgreSQL). */
    public static boolean supports(Connection connection) {
        try {
            return connection.isWrapperFor(PGConnection.class);
        } catch (SQLException e) {
            return false;
        }
    }

    /** Moves to the next row; false after the last one. */
    public boolean next() {
        if (done) {
            return false;
        }
        try {
            int fields = (short) readInt(2);
            if (fields == -1) {
                done = true;
                while (copy.read(buffer, 0, buffer.length) != -1) {
                    // the end of the copy, so that close() finds it complete rather than cancelling it
                }
                return false;
            }
            if (fields != columns) {
                throw new IllegalStateException("row " + (rowsRead + 1) + " has " + fields + " columns, expected "
                        + columns);
            }
            int used = 0;
            for (int i = 0; i < columns; i++) {
                int length = readInt(4);
                lengths[i] = length;
                offsets[i] = used;
                if (length > 0) {
                    if (used + length > row.length) {
                        row = Arrays.copyOf(row, Math.max(row.length * 2, used + length));
                    }
                    readFully(row, used, length);
                    used += length;
                }
            }
            rowsRead++;
            return true;
        } catch (EOFException e) {
            throw new IllegalStateException("the copy ended inside row " + (rowsRead + 1), e);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read row " + (rowsRead + 1) + ": " + e.getMessage(), e);
        }
    }

    public boolean isNull(int column) {
        return lengths[column] == -1;
    }

    /** A {@code text} or {@code varchar} column (UTF-8, pgjdbc's client encoding); null for NULL. */
    public String text(int column) {
        return isNull(column) ? null : new String(row, offsets[column], lengths[column], StandardCharsets.UTF_8);
    }

    /** An {@code integer} column, which must not be NULL. */
    public int int4(int column) {
        expectLength(column, 4);
        int at = offsets[column];
        return (row[at] & 0xff) << 24 | (row[at + 1] & 0xff) << 16 | (row[at + 2] & 0xff) << 8 | row[at + 3] & 0xff;
    }

    /** A {@code boolean} column, which must not be NULL. */
    public boolean bool(int column) {
        expectLength(column, 1);
        return row[offsets[column]] != 0;
    }

    /** A {@code timestamp with time zone} column (microseconds after 2000-01-01T00:00:00Z); null for NULL. */
    public Instant instant(int column) {
        if (isNull(column)) {
            return null;
        }
        expectLength(column, 8);
        long micros = 0;
        for (int i = offsets[column], end = i + 8; i < end; i++) {
            micros = micros << 8 | row[i] & 0xff;
        }
        return Instant.ofEpochSecond(PG_EPOCH_SECONDS + Math.floorDiv(micros, 1_000_000L),
                Math.floorMod(micros, 1_000_000L) * 1_000L);
    }

    /** Rows read so far. */
    public long rowsRead() {
        return rowsRead;
    }

    /** Ends the copy; a copy closed before its last row is cancelled. */
    @Override
    public void close() {
        try {
            copy.close();
        } catch (IOException e) {
            throw new IllegalStateException("cannot end the copy: " + e.getMessage(), e);
        }
    }

    private void expectLength(int column, int length) {
        if (lengths[column] != length) {
            throw new IllegalStateException("column " + (column + 1) + " of row " + rowsRead + " has "
                    + (lengths[column] == -1 ? "NULL" : lengths[column] + " bytes") + ", expected " + length + " bytes");
        }
    }

    private void readHeader() throws IOException {
        byte[] signature = new byte[SIGNATURE.length];
        readFully(signature, 0, signature.length);
        if (!Arrays.equals(signature, SIGNATURE)) {
            throw new IllegalStateException("not a binary COPY stream");
        }
        readInt(4); // flags: bit 16 (OIDs) is never set by a COPY of a query
        int extension = readInt(4);
        readFully(new byte[extension], 0, extension);
    }

    /** The next {@code bytes} (2 or 4) bytes as a big-endian integer. */
    private int readInt(int bytes) throws IOException {
        fill(bytes);
        int value = 0;
        for (int end = position + bytes; position < end; position++) {
            value = value << 8 | buffer[position] & 0xff;
        }
        return value;
    }

    private void readFully(byte[] target, int offset, int length) throws IOException {
        while (length > 0) {
            fill(1);
            int n = Math.min(length, limit - position);
            System.arraycopy(buffer, position, target, offset, n);
            position += n;
            offset += n;
            length -= n;
        }
    }

    /** Receives until at least {@code bytes} (at most 4) unread bytes are in the buffer. */
    private void fill(int bytes) throws IOException {
        if (limit - position >= bytes) {
            return;
        }
        System.arraycopy(buffer, position, buffer, 0, limit - position);
        limit -= position;
        position = 0;
        while (limit < bytes) {
            int received = copy.read(buffer, limit, buffer.length - limit);
            if (received < 0) {
                throw new EOFException();
            }
            limit += received;
        }
    }
}
