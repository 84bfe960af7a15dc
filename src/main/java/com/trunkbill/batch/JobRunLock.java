package com.trunkbill.batch;

import org.springframework.stereotype.Component;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * One trunkbill job at a time per database. On PostgreSQL a session-level advisory lock is held on a
 * dedicated connection for the whole launch; a second launch is refused at once. The embedded H2 file
 * database needs nothing more: H2 itself refuses a second process opening the same file.
 */
@Component
public class JobRunLock {

    private static final long LOCK_KEY = 0x7472756e6bL; // "trunk"

    private final DataSource dataSource;

    public JobRunLock(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** The lock while held; closing releases it. */
    public interface Held extends AutoCloseable {
        @Override
        void close();
    }

    /** @throws JobAlreadyRunningException when another process holds the lock */
    public Held acquire(String jobName) {
        try {
            Connection connection = dataSource.getConnection();
            if (!"PostgreSQL".equals(connection.getMetaData().getDatabaseProductName())) {
                connection.close();
                return () -> { };
            }
            boolean acquired;
            try (Statement statement = connection.createStatement();
                 ResultSet result = statement.executeQuery("select pg_try_advisory_lock(" + LOCK_KEY + ")")) {
                result.next();
                acquired = result.getBoolean(1);
            }
            if (!acquired) {
                connection.close();
                throw new JobAlreadyRunningException("another trunkbill job is running on this database; "
                        + jobName + " not started");
            }
            return () -> release(connection);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot take the job run lock: " + e.getMessage(), e);
        }
    }

    private static void release(Connection connection) {
        try (connection; Statement statement = connection.createStatement()) {
            statement.execute("select pg_advisory_unlock(" + LOCK_KEY + ")");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot release the job run lock: " + e.getMessage(), e);
        }
    }

    /** A launch refused because another job holds the lock. */
    public static class JobAlreadyRunningException extends RuntimeException {
        public JobAlreadyRunningException(String message) {
            super(message);
        }
    }
}
