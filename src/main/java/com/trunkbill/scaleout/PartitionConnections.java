package com.trunkbill.scaleout;

import com.zaxxer.hikari.HikariConfigMXBean;
import com.zaxxer.hikari.HikariDataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.sql.SQLException;

/**
 * Grows the connection pool for partitions running at the same time in one process: each holds a connection for its
 * chunk's transaction, and a rating partition another one to read its next page ahead ({@code CdrPageReader}),
 * beside the job's run lock and the job repository. A smaller pool would leave partitions waiting for a connection
 * until they time out. Hikari's pool size can grow at run time.
 */
final class PartitionConnections {

    private static final Logger log = LoggerFactory.getLogger(PartitionConnections.class);

    private PartitionConnections() {
    }

    /** The connections {@code partitions} partitions at a time need in one process. */
    static int needed(int partitions) {
        return 2 * partitions + 2;
    }

    /** Grows the pool of {@code dataSource} (Hikari) to what {@code partitions} partitions need; {@code who} runs them. */
    static void ensure(DataSource dataSource, int partitions, String who) throws SQLException {
        if (!dataSource.isWrapperFor(HikariDataSource.class)) {
            return;
        }
        HikariConfigMXBean pool = dataSource.unwrap(HikariDataSource.class).getHikariConfigMXBean();
        int needed = needed(partitions);
        if (pool.getMaximumPoolSize() < needed) {
            log.info("{}: {} partitions at a time need {} database connections; the pool grows from {}", who,
                    partitions, needed, pool.getMaximumPoolSize());
            pool.setMaximumPoolSize(needed);
        }
    }
}
