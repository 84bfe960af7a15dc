package com.trunkbill.db;

import org.postgresql.PGConnection;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * Rows for PostgreSQL's {@code COPY table (columns) FROM STDIN WITH (format csv)}, the bulk path of the hot inserts.
 * In that form an unquoted empty field is NULL and a quoted one is text, so text is always quoted: an empty string
 * stays empty, and quotes, commas, line breaks and backslashes in it are data. Numbers, booleans and dates go
 * unquoted (a BigDecimal as {@code toPlainString()}).
 */
public final class CopyCsv {

    private CopyCsv() {
    }

    /** Appends {@code value} as a quoted field (quotes doubled), or nothing, which is NULL, when it is null. */
    public static StringBuilder quoted(StringBuilder out, String value) {
        if (value == null) {
            return out;
        }
        out.append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '"') {
                out.append('"');
            }
            out.append(c);
        }
        return out.append('"');
    }

    /**
     * Sends {@code rows} (complete CSV lines) with {@code copySql} on {@code connection}, in its transaction.
     *
     * @return the rows PostgreSQL stored
     */
    public static long copyIn(Connection connection, String copySql, CharSequence rows) throws SQLException {
        byte[] bytes = rows.toString().getBytes(StandardCharsets.UTF_8); // pgjdbc's client encoding is always UTF8
        try {
            return connection.unwrap(PGConnection.class).getCopyAPI().copyIn(copySql, new ByteArrayInputStream(bytes));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot send the rows of " + copySql, e); // not from a byte array
        }
    }
}
