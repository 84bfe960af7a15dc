package com.trunkbill.db;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DataSourceSafetyTest {

    private final DataSourceSafety safety = new DataSourceSafety("WRITE_DELAY=0", 600);

    @Test
    void everyH2FileUrlGetsDurableCommits() {
        assertThat(urlAfter("jdbc:h2:file:./data/trunkbill")).isEqualTo("jdbc:h2:file:./data/trunkbill;WRITE_DELAY=0");
        assertThat(urlAfter("jdbc:h2:/srv/tb;AUTO_SERVER=TRUE"))
                .isEqualTo("jdbc:h2:/srv/tb;AUTO_SERVER=TRUE;WRITE_DELAY=0");
    }

    @Test
    void aSettingTheOperatorGaveIsKept() {
        assertThat(urlAfter("jdbc:h2:file:./x;write_delay=100")).isEqualTo("jdbc:h2:file:./x;write_delay=100");
    }

    @Test
    void inMemoryAndServerUrlsAreLeftAlone() {
        assertThat(urlAfter("jdbc:h2:mem:t;DB_CLOSE_DELAY=-1")).isEqualTo("jdbc:h2:mem:t;DB_CLOSE_DELAY=-1");
        assertThat(urlAfter("jdbc:h2:tcp://host/db")).isEqualTo("jdbc:h2:tcp://host/db");
    }

    @Test
    void postgresGetsASocketTimeoutUnlessTheUrlHasOne() {
        try (HikariDataSource pg = new HikariDataSource()) {
            pg.setJdbcUrl("jdbc:postgresql://db/trunkbill");
            safety.postProcessBeforeInitialization(pg, "dataSource");
            assertThat(pg.getDataSourceProperties()).containsEntry("socketTimeout", "600");
        }
        try (HikariDataSource pg = new HikariDataSource()) {
            pg.setJdbcUrl("jdbc:postgresql://db/trunkbill?socketTimeout=30");
            safety.postProcessBeforeInitialization(pg, "dataSource");
            assertThat(pg.getDataSourceProperties()).doesNotContainKey("socketTimeout");
        }
    }

    private String urlAfter(String url) {
        try (HikariDataSource hikari = new HikariDataSource()) {
            hikari.setJdbcUrl(url);
            safety.postProcessBeforeInitialization(hikari, "dataSource");
            return hikari.getJdbcUrl();
        }
    }
}
