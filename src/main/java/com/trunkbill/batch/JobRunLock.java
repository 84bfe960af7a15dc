package com.trunkbill.batch;

import org.springframework.stereotype.Component;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * One trunkbill job at a time per database. On PostgreSQL a session-level advisory lock is held on a
 * dedicated connection for the whole launch; a second launch is refused at once. On H2 (a second process can
 * share the file through AUTO_SERVER) the launch holds a row lock on {@code job_run_lock} instead (V49).
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
                return acquireByRowLock(connection, jobName);
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

    /**
     * H2 has no advisory lock: an uncommitted update of the single {@code job_run_lock} row, held until release.
     * Another process sharing the file (AUTO_SERVER) waits for it at most H2's lock timeout, then is refused.
     */
    private static Held acquireByRowLock(Connection connection, String jobName) throws SQLException {
        try {
            connection.setAutoCommit(false);
            try (Statement statement = connection.createStatement()) {
                String holder = "'" + jobName.replace("'", "''") + " " + ProcessHandle.current().pid() + "'";
                if (statement.executeUpdate("update job_run_lock set holder = " + holder + " where id = 1") == 0) {
                    statement.executeUpdate("insert into job_run_lock (id, holder) values (1, " + holder + ")");
                }
            }
        } catch (SQLException e) {
            rollbackAndClose(connection);
            throw new JobAlreadyRunningException("another trunkbill job is running on this database; " + jobName
                    + " not started (" + e.getMessage().lines().findFirst().orElse("") + ")");
        }
        return () -> rollbackAndClose(connection);
    }

    private static void rollbackAndClose(Connection connection) {
        try (connection) {
            connection.rollback();
            connection.setAutoCommit(true);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot release the job run lock: " + e.getMessage(), e);
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
