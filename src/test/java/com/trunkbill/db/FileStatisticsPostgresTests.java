package com.trunkbill.db;

import com.trunkbill.testsupport.DatabaseTest;
import com.trunkbill.testsupport.OnPostgres;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * V58 gives PostgreSQL statistics on a rating's file ({@code cdr_key >> 32}), which the reconciliation groups by;
 * on H2 the statement is a comment (every H2 test migrates through it).
 */
@OnPostgres
class FileStatisticsPostgresTests extends DatabaseTest {

    @Test
    void ratingsHaveStatisticsOnTheirFile() {
        assertThat(db.fetchValue("select pg_get_statisticsobjdef(oid) from pg_statistic_ext"
                + " where stxname = 'rated_cdr_file_stats'"))
                .isEqualTo("CREATE STATISTICS public.rated_cdr_file_stats ON (cdr_key >> 32) FROM rated_cdr");
    }
}
