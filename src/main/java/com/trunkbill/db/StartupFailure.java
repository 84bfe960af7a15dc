package com.trunkbill.db;

import java.sql.SQLException;

/**
 * The one line a launcher prints when trunkbill cannot start or run (exit 1): the root cause's message, with the
 * likely reason in front where a database failure has a known one. Never a stack trace.
 */
public final class StartupFailure {

    private StartupFailure() {
    }

    /** The one-line reason for {@code failure}, for stderr. */
    public static String explain(Throwable failure) {
        String message = rootMessage(failure);
        if (message.startsWith("The file is locked") || message.contains("Database may be already in use")) {
            return "the embedded database is in use by another trunkbill process (is a job running?): " + message;
        }
        if (message.contains("Connection is broken") || message.contains("Connection refused")
                || message.contains("Connection to ") && message.contains("refused")) {
            return "cannot reach the database (is it running? was it stopped?): " + message;
        }
        if (message.contains("File corrupted") || message.contains("MVStoreException")) {
            return "the embedded database file is damaged; restore the last backup (docs/reliability.md): "
                    + message;
        }
        if (hasCause(failure, SQLException.class) && message.contains("timed out")) {
            return "the database did not answer in time: " + message;
        }
        return message;
    }

    /** The message of the innermost cause, on one line (its class name when it has none). */
    public static String rootMessage(Throwable failure) {
        Throwable cause = failure;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        String message = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
        return message.replace('\r', ' ').replace('\n', ' ').strip();
    }

    private static boolean hasCause(Throwable failure, Class<? extends Throwable> type) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (type.isInstance(cause)) {
                return true;
            }
        }
        return false;
    }
}
