package com.trunkbill.ratetable;

import com.trunkbill.db.CopyCsv;
import org.jooq.Field;
import org.jooq.Table;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Writes many rows into one table on the caller's (transactional) connection without a round trip per row:
 * PostgreSQL's {@code COPY ... FROM STDIN} when the connection is PostgreSQL, JDBC batches of
 * {@value #BATCH_SIZE} rows otherwise (H2). Values are given in the order of the columns.
 * {@link #close()} sends what is pending; the rows become visible when the transaction commits.
 */
abstract sealed class BulkRowWriter implements AutoCloseable {

    static final int BATCH_SIZE = 5_000;

    protected final String tableName;
    private long count;

    private BulkRowWriter(String tableName) {
        this.tableName = tableName;
    }

    static BulkRowWriter open(Connection connection, Table<?> table, List<Field<?>> columns) {
        try {
            if (connection.isWrapperFor(PGConnection.class)) {
                return new Copy(connection.unwrap(PGConnection.class), table, columns);
            }
            return new JdbcBatch(connection, table, columns);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot start writing " + table.getName() + ": " + e.getMessage(), e);
        }
    }

    final void add(Object... values) {
        try {
            write(values);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot write " + tableName + ": " + e.getMessage(), e);
        }
        count++;
    }

    final long count() {
        return count;
    }

    @Override
    public final void close() {
        try {
            finish();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot write " + tableName + ": " + e.getMessage(), e);
        }
    }

    protected abstract void write(Object[] values) throws SQLException;

    protected abstract void finish() throws SQLException;

    private static String columnList(List<Field<?>> columns) {
        return columns.stream().map(Field::getName).collect(Collectors.joining(", "));
    }

    /** A prepared INSERT executed every {@value #BATCH_SIZE} rows. */
    private static final class JdbcBatch extends BulkRowWriter {

        private final PreparedStatement statement;
        private final int[] sqlTypes;
        private int pending;

        JdbcBatch(Connection connection, Table<?> table, List<Field<?>> columns) throws SQLException {
            super(table.getName());
            String placeholders = columns.stream().map(column -> "?").collect(Collectors.joining(", "));
            this.statement = connection.prepareStatement("insert into " + table.getName() + " ("
                    + columnList(columns) + ") values (" + placeholders + ")");
            this.sqlTypes = columns.stream().mapToInt(column -> column.getDataType().getSQLType()).toArray();
        }

        @Override
        protected void write(Object[] values) throws SQLException {
            for (int i = 0; i < values.length; i++) {
                if (values[i] == null) {
                    statement.setNull(i + 1, sqlTypes[i]);
                } else {
                    statement.setObject(i + 1, values[i]);
                }
            }
            statement.addBatch();
            if (++pending == BATCH_SIZE) {
                statement.executeBatch();
                pending = 0;
            }
        }

        @Override
        protected void finish() throws SQLException {
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

        Copy(PGConnection connection, Table<?> table, List<Field<?>> columns) throws SQLException {
            super(table.getName());
            this.copy = connection.getCopyAPI().copyIn("copy " + table.getName() + " (" + columnList(columns)
                    + ") from stdin with (format csv)");
        }

        @Override
        protected void write(Object[] values) throws SQLException {
            for (int i = 0; i < values.length; i++) {
                if (i > 0) {
                    buffer.append(',');
                }
                appendCsv(values[i]);
            }
            buffer.append('\n');
            if (buffer.length() >= FLUSH_AT) {
                flush();
            }
        }

        /** One field in the form {@link CopyCsv} describes (NULL is an empty field, text is quoted). */
        private void appendCsv(Object value) {
            if (value == null) {
                return;
            }
            if (value instanceof BigDecimal decimal) {
                buffer.append(decimal.toPlainString());
            } else if (value instanceof String text) {
                CopyCsv.quoted(buffer, text);
            } else {
                buffer.append(value); // numbers, booleans, LocalDate (ISO yyyy-MM-dd)
            }
        }

        private void flush() throws SQLException {
            byte[] bytes = buffer.toString().getBytes(StandardCharsets.UTF_8);
            copy.writeToCopy(bytes, 0, bytes.length);
            buffer.setLength(0);
        }

        @Override
        protected void finish() throws SQLException {
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
