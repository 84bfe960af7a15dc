package com.trunkbill.db;

import org.jooq.Field;
import org.jooq.Table;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.postgresql.util.ByteConverter;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Writes many rows into one table on the caller's (transactional) connection without a round trip per row, the
 * bulk path of every hot insert: PostgreSQL's {@code COPY ... FROM STDIN WITH (format binary)} when the connection
 * is PostgreSQL, JDBC batches of {@value #BATCH_SIZE} rows otherwise (H2). {@link #close()} sends what is pending;
 * the rows become visible when the transaction commits.
 * <p>
 * A row is its values in the order of the columns, each given by a typed method ({@link #text}, {@link #number},
 * {@link #decimal}, {@link #bool}, {@link #instant}, {@link #nullValue}) and closed by {@link #endRow()}, so that
 * no value is boxed; or all at once with {@link #add(Object...)}. A null is SQL NULL. Instants are stored to the
 * microsecond, rounded half up on PostgreSQL (the binary form is microseconds) and by H2 with the
 * {@code OffsetDateTime} it is given.
 */
public abstract sealed class BulkRowWriter implements AutoCloseable {

    static final int BATCH_SIZE = 5_000;

    private final String tableName;
    private final int width;
    /** Values given so far in the current row. */
    int column;
    private long rows;

    private BulkRowWriter(Table<?> table, List<? extends Field<?>> columns) {
        this.tableName = table.getName();
        this.width = columns.size();
    }

    /** Starts writing {@code columns} of {@code table}; close the writer to send the last rows. */
    public static BulkRowWriter open(Connection connection, Table<?> table, List<? extends Field<?>> columns) {
        try {
            if (connection.isWrapperFor(PGConnection.class)) {
                return new Copy(connection.unwrap(PGConnection.class), table, columns);
            }
            return new JdbcBatch(connection, table, columns);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot start writing " + table.getName() + ": " + e.getMessage(), e);
        }
    }

    /** One row, its values in column order (String, BigDecimal, Long, Integer, Boolean, LocalDate or null). */
    public final void add(Object... values) {
        for (Object value : values) {
            if (value == null) {
                nullValue();
            } else {
                next();
                writeObject(value);
            }
        }
        endRow();
    }

    public final BulkRowWriter text(String value) {
        if (value == null) {
            return nullValue();
        }
        next();
        writeText(value);
        return this;
    }

    public final BulkRowWriter number(long value) {
        next();
        writeLong(value);
        return this;
    }

    public final BulkRowWriter number(int value) {
        next();
        writeInt(value);
        return this;
    }

    public final BulkRowWriter decimal(BigDecimal value) {
        if (value == null) {
            return nullValue();
        }
        next();
        writeDecimal(value);
        return this;
    }

    public final BulkRowWriter bool(boolean value) {
        next();
        writeBoolean(value);
        return this;
    }

    /** An instant into a {@code TIMESTAMP WITH TIME ZONE} column, in UTC. */
    public final BulkRowWriter instant(Instant value) {
        if (value == null) {
            return nullValue();
        }
        next();
        writeInstant(value);
        return this;
    }

    public final BulkRowWriter nullValue() {
        next();
        writeNull();
        return this;
    }

    /** Ends the current row, which must have a value for every column. */
    public final void endRow() {
        if (column != width) {
            throw new IllegalStateException(tableName + ": row " + (rows + 1) + " has " + column + " values for "
                    + width + " columns");
        }
        writeEndRow();
        column = 0;
        rows++;
    }

    @Override
    public final void close() {
        try {
            finish();
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    private void next() {
        if (column == width) {
            throw new IllegalStateException(tableName + ": row " + (rows + 1) + " has more values than its "
                    + width + " columns");
        }
        if (column == 0) {
            writeStartRow();
        }
        column++;
    }

    final IllegalStateException failure(SQLException e) {
        return new IllegalStateException("cannot write " + tableName + ": " + e.getMessage(), e);
    }

    abstract void writeText(String value);

    abstract void writeLong(long value);

    abstract void writeInt(int value);

    abstract void writeDecimal(BigDecimal value);

    abstract void writeBoolean(boolean value);

    abstract void writeInstant(Instant value);

    abstract void writeNull();

    /** A value of {@link #add(Object...)}, not null. */
    abstract void writeObject(Object value);

    /** Before the first value of a row. */
    void writeStartRow() {
    }

    abstract void writeEndRow();

    abstract void finish() throws SQLException;

    private static String columnList(List<? extends Field<?>> columns) {
        return columns.stream().map(Field::getName).collect(Collectors.joining(", "));
    }

    /** A prepared INSERT executed every {@value #BATCH_SIZE} rows, values bound by their typed setters. */
    private static final class JdbcBatch extends BulkRowWriter {

        private final PreparedStatement statement;
        private final int[] sqlTypes;
        private int pending;

        JdbcBatch(Connection connection, Table<?> table, List<? extends Field<?>> columns) throws SQLException {
            super(table, columns);
            String placeholders = columns.stream().map(c -> "?").collect(Collectors.joining(", "));
            this.statement = connection.prepareStatement("insert into " + table.getName() + " ("
                    + columnList(columns) + ") values (" + placeholders + ")");
            this.sqlTypes = columns.stream().mapToInt(c -> c.getDataType().getSQLType()).toArray();
        }

        @Override
        void writeText(String value) {
            try {
                statement.setString(column, value);
            } catch (SQLException e) {
                throw failure(e);
            }
        }

        @Override
        void writeLong(long value) {
            try {
                statement.setLong(column, value);
            } catch (SQLException e) {
                throw failure(e);
            }
        }

        @Override
        void writeInt(int value) {
            try {
                statement.setInt(column, value);
            } catch (SQLException e) {
                throw failure(e);
            }
        }

        @Override
        void writeDecimal(BigDecimal value) {
            try {
                statement.setBigDecimal(column, value);
            } catch (SQLException e) {
                throw failure(e);
            }
        }

        @Override
        void writeBoolean(boolean value) {
            try {
                statement.setBoolean(column, value);
            } catch (SQLException e) {
                throw failure(e);
            }
        }

        @Override
        void writeInstant(Instant value) {
            try {
                statement.setObject(column, value.atOffset(ZoneOffset.UTC));
            } catch (SQLException e) {
                throw failure(e);
            }
        }

        @Override
        void writeNull() {
            try {
                statement.setNull(column, sqlTypes[column - 1]);
            } catch (SQLException e) {
                throw failure(e);
            }
        }

        @Override
        void writeObject(Object value) {
            try {
                statement.setObject(column, value);
            } catch (SQLException e) {
                throw failure(e);
            }
        }

        @Override
        void writeEndRow() {
            try {
                statement.addBatch();
                if (++pending == BATCH_SIZE) {
                    statement.executeBatch();
                    pending = 0;
                }
            } catch (SQLException e) {
                throw failure(e);
            }
        }

        @Override
        void finish() throws SQLException {
            try (statement) {
                if (pending > 0) {
                    statement.executeBatch();
                }
            }
        }
    }

    /**
     * {@code COPY table (columns) FROM STDIN} in PostgreSQL's binary form, sent in blocks of about 256 KB: each
     * value goes as its type's binary representation, so that neither side formats or parses numbers and instants
     * as text (a CDR's {@code COPY} into a table without indexes costs the server about 40 % less than in CSV
     * form, docs/performance.md#the-binary-form-of-copy). The form is PostgreSQL's documented one: a signature,
     * then per row the field count and per field its length (-1 for NULL) and bytes; -1 as the field count ends
     * the data. Each column's binary form follows its jOOQ type.
     */
    private static final class Copy extends BulkRowWriter {

        private static final int FLUSH_AT = 1 << 18;
        private static final byte[] SIGNATURE = {'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xFF, '\r', '\n', 0};
        /** PostgreSQL's epoch, 2000-01-01, in days and seconds since 1970-01-01. */
        private static final long POSTGRES_EPOCH_DAY = 10_957;
        private static final long POSTGRES_EPOCH_SECOND = POSTGRES_EPOCH_DAY * 86_400;
        private static final int NANOS_PER_MICRO = 1_000;

        /** The binary forms this writer sends, one per column. */
        private enum Kind { TEXT, INT8, INT4, INT2, NUMERIC, BOOL, TIMESTAMPTZ, DATE }

        private final CopyIn copy;
        private final Kind[] kinds;
        private final List<? extends Field<?>> columns;
        private byte[] buffer = new byte[FLUSH_AT + 4096];
        private int length;

        Copy(PGConnection connection, Table<?> table, List<? extends Field<?>> columns) throws SQLException {
            super(table, columns);
            this.columns = columns;
            this.kinds = columns.stream().map(column -> kind(table, column)).toArray(Kind[]::new);
            this.copy = connection.getCopyAPI().copyIn("copy " + table.getName() + " (" + columnList(columns)
                    + ") from stdin with (format binary)");
            put(SIGNATURE);
            putInt(0); // flags
            putInt(0); // no header extension
        }

        /** By the column's Java type: jOOQ's JDBC type of an {@code INSTANT} column is VARCHAR, its binding. */
        private static Kind kind(Table<?> table, Field<?> column) {
            Class<?> type = column.getType();
            if (type == String.class) {
                return Kind.TEXT;
            } else if (type == Long.class) {
                return Kind.INT8;
            } else if (type == Integer.class) {
                return Kind.INT4;
            } else if (type == Short.class) {
                return Kind.INT2;
            } else if (type == BigDecimal.class) {
                return Kind.NUMERIC;
            } else if (type == Boolean.class) {
                return Kind.BOOL;
            } else if (type == Instant.class || type == OffsetDateTime.class) {
                return Kind.TIMESTAMPTZ;
            } else if (type == LocalDate.class) {
                return Kind.DATE;
            }
            throw new IllegalArgumentException(table.getName() + "." + column.getName() + ": a column of "
                    + type.getSimpleName() + " has no binary COPY form in BulkRowWriter");
        }

        private Kind kind() {
            return kinds[column - 1];
        }

        private IllegalArgumentException mismatch(String given) {
            Field<?> field = columns.get(column - 1);
            return new IllegalArgumentException("cannot write " + given + " into column " + field.getName() + " ("
                    + field.getType().getSimpleName() + ")");
        }

        @Override
        void writeText(String value) {
            if (kind() != Kind.TEXT) {
                throw mismatch("text");
            }
            putField(value.getBytes(StandardCharsets.UTF_8)); // pgjdbc's client encoding is UTF8
        }

        @Override
        void writeLong(long value) {
            switch (kind()) {
                case INT8 -> {
                    putInt(8);
                    putLong(value);
                }
                case INT4, INT2 -> writeInt(Math.toIntExact(value));
                case NUMERIC -> writeDecimal(BigDecimal.valueOf(value));
                default -> throw mismatch("a number");
            }
        }

        @Override
        void writeInt(int value) {
            switch (kind()) {
                case INT4 -> {
                    putInt(4);
                    putInt(value);
                }
                case INT8 -> writeLong(value);
                case INT2 -> {
                    if (value != (short) value) {
                        throw new ArithmeticException("short overflow: " + value);
                    }
                    putInt(2);
                    putShort(value);
                }
                case NUMERIC -> writeDecimal(BigDecimal.valueOf(value));
                default -> throw mismatch("a number");
            }
        }

        @Override
        void writeDecimal(BigDecimal value) {
            if (kind() != Kind.NUMERIC) {
                throw mismatch("a decimal");
            }
            room(4 + PostgresNumeric.MAX_BYTES);
            int written = PostgresNumeric.write(value, buffer, length + 4);
            if (written < 0) {
                putField(ByteConverter.numeric(value));
                return;
            }
            ByteConverter.int4(buffer, length, written);
            length += 4 + written;
        }

        @Override
        void writeBoolean(boolean value) {
            if (kind() != Kind.BOOL) {
                throw mismatch("a boolean");
            }
            putInt(1);
            room(1);
            buffer[length++] = (byte) (value ? 1 : 0);
        }

        /** Microseconds since PostgreSQL's epoch, the nanoseconds rounded half up as AcceptedCdr.asStored does. */
        @Override
        void writeInstant(Instant value) {
            if (kind() != Kind.TIMESTAMPTZ) {
                throw mismatch("an instant");
            }
            putInt(8);
            putLong(Math.addExact(Math.multiplyExact(value.getEpochSecond() - POSTGRES_EPOCH_SECOND, 1_000_000L),
                    (value.getNano() + NANOS_PER_MICRO / 2) / NANOS_PER_MICRO));
        }

        private void writeDate(LocalDate value) {
            if (kind() != Kind.DATE) {
                throw mismatch("a date");
            }
            putInt(4);
            putInt(Math.toIntExact(value.toEpochDay() - POSTGRES_EPOCH_DAY));
        }

        @Override
        void writeNull() {
            putInt(-1);
        }

        @Override
        void writeObject(Object value) {
            if (value instanceof String text) {
                writeText(text);
            } else if (value instanceof BigDecimal decimal) {
                writeDecimal(decimal);
            } else if (value instanceof Long number) {
                writeLong(number);
            } else if (value instanceof Integer number) {
                writeInt(number);
            } else if (value instanceof Boolean flag) {
                writeBoolean(flag);
            } else if (value instanceof LocalDate date) {
                writeDate(date);
            } else if (value instanceof Instant instant) {
                writeInstant(instant);
            } else {
                throw mismatch("a " + value.getClass().getSimpleName());
            }
        }

        @Override
        void writeStartRow() {
            putShort(kinds.length);
        }

        @Override
        void writeEndRow() {
            if (length >= FLUSH_AT) {
                try {
                    flush();
                } catch (SQLException e) {
                    throw failure(e);
                }
            }
        }

        private void room(int bytes) {
            if (length + bytes > buffer.length) {
                buffer = Arrays.copyOf(buffer, Math.max(buffer.length * 2, length + bytes));
            }
        }

        private void put(byte[] bytes) {
            room(bytes.length);
            System.arraycopy(bytes, 0, buffer, length, bytes.length);
            length += bytes.length;
        }

        /** A field of variable width: its length, then its bytes. */
        private void putField(byte[] bytes) {
            putInt(bytes.length);
            put(bytes);
        }

        private void putShort(int value) {
            room(2);
            ByteConverter.int2(buffer, length, value);
            length += 2;
        }

        private void putInt(int value) {
            room(4);
            ByteConverter.int4(buffer, length, value);
            length += 4;
        }

        private void putLong(long value) {
            room(8);
            ByteConverter.int8(buffer, length, value);
            length += 8;
        }

        private void flush() throws SQLException {
            copy.writeToCopy(buffer, 0, length);
            length = 0;
        }

        @Override
        void finish() throws SQLException {
            if (!copy.isActive()) {
                return;
            }
            putShort(-1); // the end of the data
            flush();
            copy.endCopy();
        }
    }
}
