package com.trunkbill.scaleout;

import org.apache.activemq.artemis.core.config.impl.ConfigurationImpl;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;

/**
 * The helpers of {@code jobs/scale-out-benchmark.sh}, run from the test class path: {@code broker PORT DIR} runs an
 * Artemis broker with a TCP acceptor until killed; {@code sql URL STATEMENT} runs one statement as user postgres
 * and prints the first column of its rows (the zonky PostgreSQL binaries have no psql).
 */
public final class ScaleOutBenchmarkTool {

    private ScaleOutBenchmarkTool() {
    }

    public static void main(String[] args) throws Exception {
        if (args[0].equals("broker")) {
            Path data = Files.createDirectories(Path.of(args[2]));
            EmbeddedActiveMQ broker = new EmbeddedActiveMQ().setConfiguration(new ConfigurationImpl()
                    .setPersistenceEnabled(false).setSecurityEnabled(false)
                    .setJournalDirectory(data.resolve("journal").toString())
                    .setBindingsDirectory(data.resolve("bindings").toString())
                    .setPagingDirectory(data.resolve("paging").toString())
                    .setLargeMessagesDirectory(data.resolve("large").toString())
                    .addAcceptorConfiguration("tcp", "tcp://localhost:" + args[1]));
            broker.start();
            System.out.println("broker started on " + args[1]);
            Thread.currentThread().join();
        }
        try (Connection connection = DriverManager.getConnection(args[1], "postgres", "postgres");
             Statement statement = connection.createStatement()) {
            if (statement.execute(args[2])) {
                try (ResultSet rows = statement.getResultSet()) {
                    while (rows.next()) {
                        System.out.println(rows.getString(1));
                    }
                }
            }
        }
    }
}
