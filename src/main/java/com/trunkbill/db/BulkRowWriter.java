package com.trunkbill.db;

import org.jooq.Field;
import org.jooq.Table;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Writes many rows into one table on the caller's (transactional) connection without a round trip per row, the
 * bulk path of every hot insert: PostgreSQL's {@code COPY ... FROM STDIN WITH (format csv)} when the connection is
 * PostgreSQL, JDBC batches of {@value #BATCH_SIZE} rows otherwise (H2). {@link #close()} sends what is pending;
 * the rows become visible when the transaction commits.
 * <p>
 * A row is its values in the order of the columns, each given by a typed method ({@link #text}, {@link #number},
 * {@link #decimal}, {@link #bool}, {@link #instant}, {@link #nullValue}) and closed by {@link #endRow()}, so that
 * no value is boxed; or all at once with {@link #add(Object...)}. A null is SQL NULL.
 * <p>
 * The CSV form of {@code COPY}: an unquoted empty field is NULL and a quoted one is text, so text is always quoted:
 * an empty string stays empty, and quotes, commas, line breaks and backslashes in it are data. Numbers, booleans,
 * dates and instants go unquoted (a BigDecimal as {@code toPlainString()}, an instant in ISO-8601 UTC to the
 * nanosecond, which PostgreSQL rounds to microseconds as H2 does with the {@code OffsetDateTime} it is given).
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

    /** {@code COPY table (columns) FROM STDIN} in CSV form, sent in blocks of about 256 KB. */
    private static final class Copy extends BulkRowWriter {

        private static final int FLUSH_AT = 1 << 18;

        private final CopyIn copy;
        private final StringBuilder buffer = new StringBuilder(FLUSH_AT + 4096);

        Copy(PGConnection connection, Table<?> table, List<? extends Field<?>> columns) throws SQLException {
            super(table, columns);
            this.copy = connection.getCopyAPI().copyIn("copy " + table.getName() + " (" + columnList(columns)
                    + ") from stdin with (format csv)");
        }

        /** The buffer after the separator of the value being written. */
        private StringBuilder field() {
            return column == 1 ? buffer : buffer.append(',');
        }

        @Override
        void writeText(String value) {
            StringBuilder out = field().append('"');
            for (int i = 0; i < value.length(); i++) {
                char c = value.charAt(i);
                if (c == '"') {
                    out.append('"');
                }
                out.append(c);
            }
            out.append('"');
        }

        @Override
        void writeLong(long value) {
            field().append(value);
        }

        @Override
        void writeInt(int value) {
            field().append(value);
        }

        @Override
        void writeDecimal(BigDecimal value) {
            field().append(value.toPlainString());
        }

        @Override
        void writeBoolean(boolean value) {
            field().append(value);
        }

        @Override
        void writeInstant(Instant value) {
            field().append(value);
        }

        @Override
        void writeNull() {
            field();
        }

        @Override
        void writeObject(Object value) {
            if (value instanceof String text) {
                writeText(text);
            } else if (value instanceof BigDecimal decimal) {
                writeDecimal(decimal);
            } else {
                field().append(value); // numbers, booleans, LocalDate (ISO yyyy-MM-dd)
            }
        }

        @Override
        void writeEndRow() {
            buffer.append('\n');
            if (buffer.length() >= FLUSH_AT) {
                try {
                    flush();
                } catch (SQLException e) {
                    throw failure(e);
                }
            }
        }

        private void flush() throws SQLException {
            byte[] bytes = buffer.toString().getBytes(StandardCharsets.UTF_8); // pgjdbc's client encoding is UTF8
            copy.writeToCopy(bytes, 0, bytes.length);
            buffer.setLength(0);
        }

        @Override
        void finish() throws SQLException {
            if (!copy.isActive()) {
                return;
            }
            if (!buffer.isEmpty()) {
                flush();
            }
            copy.endCopy();
        }
    }
}
