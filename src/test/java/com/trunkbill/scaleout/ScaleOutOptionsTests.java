package com.trunkbill.scaleout;

import com.trunkbill.cli.Commands;
import com.trunkbill.cli.TrunkbillMain;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code rate --broker} and {@code worker}: refused before anything starts (exit 2, one line) where they cannot work. */
class ScaleOutOptionsTests {

    private static final String POSTGRES = "jdbc:postgresql://localhost:5432/trunkbill";

    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final TrunkbillMain main = new TrunkbillMain(new PrintStream(new ByteArrayOutputStream()),
            new PrintStream(err, true, StandardCharsets.UTF_8), Map.of());

    @Test
    void rateWithABrokerOnTheDefaultH2IsRefusedNamingPostgres() {
        assertThat(main.run("rate", "--partitions", "4", "--broker", "tcp://localhost:61616")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).isEqualTo("trunkbill rate: --broker with --db "
                + "jdbc:h2:file:./data/trunkbill (the default): remote partitioning needs PostgreSQL, given with "
                + "--db jdbc:postgresql://...: H2 is one process's database, the workers could not share it\n");
    }

    @Test
    void importCdrsWithABrokerOnH2IsRefusedAsRateIs() {
        assertThat(main.run("import-cdrs", "--dir", ".", "--partitions", "2", "--broker", "tcp://localhost:61616"))
                .isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).isEqualTo("trunkbill import-cdrs: --broker with --db "
                + "jdbc:h2:file:./data/trunkbill (the default): remote partitioning needs PostgreSQL, given with "
                + "--db jdbc:postgresql://...: H2 is one process's database, the workers could not share it\n");
    }

    @Test
    void importCdrsWithABrokerNeedsPartitions() {
        assertThat(main.run("import-cdrs", "--dir", ".", "--broker", "tcp://localhost:61616", "--db", POSTGRES))
                .isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).isEqualTo("trunkbill import-cdrs: --broker needs "
                + "--partitions K (the files are sent to the workers in K partitions)\n");
    }

    @Test
    void rateWithABrokerOnAnH2FileIsRefused() {
        assertThat(main.run("rate", "--broker", "tcp://localhost:61616", "--db", "jdbc:h2:file:/tmp/x")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--db jdbc:h2:file:/tmp/x: remote partitioning "
                + "needs PostgreSQL");
    }

    @Test
    void aBrokerThatIsNotAnAddressIsRefused() {
        assertThat(main.run("rate", "--broker", "localhost", "--db", POSTGRES)).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8))
                .isEqualTo("trunkbill rate: --broker localhost is not a broker address (e.g. tcp://broker:61616)\n");
    }

    @Test
    void workerIsRegisteredAndNeedsABroker() {
        assertThat(Commands.find("worker")).get().isInstanceOf(WorkerCommand.class);
        assertThat(main.run("worker", "--db", POSTGRES)).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).isEqualTo("trunkbill worker: --broker URL is required\n");
    }

    @Test
    void workerOnH2IsRefused() {
        assertThat(main.run("worker", "--broker", "tcp://localhost:61616")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("remote partitioning needs PostgreSQL");
    }

    @Test
    void workerAndBrokerOptionsSetTheirProperties() {
        WorkerCommand worker = new WorkerCommand();
        assertThat(worker.needsDatabase()).isTrue();
        assertThat(worker.lazyContext()).isFalse();
        assertThat(worker.options()).anySatisfy(option -> {
            assertThat(option.name()).isEqualTo("broker");
            assertThat(option.property()).isEqualTo("trunkbill.broker.url");
        }).anySatisfy(option -> {
            assertThat(option.name()).isEqualTo("name");
            assertThat(option.property()).isEqualTo("trunkbill.worker.name");
        });
    }
}
