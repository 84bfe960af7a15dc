package com.trunkbill;

import com.trunkbill.db.jooq.Tables;
import com.trunkbill.testsupport.DatabaseTest;
import com.trunkbill.testsupport.OnH2;
import com.trunkbill.testsupport.OnPostgres;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/** The migrations create one schema on both databases, and jOOQ's generated names resolve on each. */
public abstract class ApplicationContextTests extends DatabaseTest {

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void flywayCreatesTheTrunkbillAndSpringBatchSchema() {
        assertThat(db.fetchCount(Tables.TRUNK)).isZero();
        assertThat(jdbc.queryForObject("select count(*) from BATCH_JOB_INSTANCE", Integer.class)).isZero();
        assertThat(jdbc.queryForObject("select count(*) from \"flyway_schema_history\" where \"success\" = true",
                Integer.class)).isGreaterThanOrEqualTo(2);
    }
}

@OnH2
class ApplicationContextH2Tests extends ApplicationContextTests {
}

@OnPostgres
class ApplicationContextPostgresTests extends ApplicationContextTests {
}
