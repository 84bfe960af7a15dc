package com.trunkbill.analyst;

import com.trunkbill.report.ReportFixturesAccess;
import com.trunkbill.testsupport.DatabaseTest;
import com.trunkbill.testsupport.OnH2;
import com.trunkbill.testsupport.OnPostgres;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every query of {@code sql/analyst/} runs on H2 and PostgreSQL over the report scenario, each file starts with
 * a header comment, and the figures an analyst would read first are right.
 */
public abstract class AnalystQueriesFunctionalTests extends DatabaseTest {

    static final Path ANALYST = Path.of("sql/analyst");

    @Autowired
    JdbcTemplate jdbc;

    List<Map<String, Object>> run(String file) throws IOException {
        String sql = Files.readString(ANALYST.resolve(file)).strip();
        if (sql.endsWith(";")) {
            sql = sql.substring(0, sql.length() - 1);
        }
        return jdbc.queryForList(sql);
    }

    static BigDecimal decimal(Object value, int scale) {
        return new BigDecimal(value.toString()).setScale(scale, RoundingMode.HALF_UP);
    }

    @Test
    void everyQueryRunsAndIsDocumented() throws IOException {
        ReportFixturesAccess.octoberScenario(db);
        List<Path> files;
        try (Stream<Path> listing = Files.list(ANALYST)) {
            files = listing.filter(p -> p.toString().endsWith(".sql")).sorted().toList();
        }
        assertThat(files).hasSizeGreaterThanOrEqualTo(5);
        for (Path file : files) {
            String text = Files.readString(file);
            assertThat(text).as(file.toString()).startsWith("-- ").contains("-- What:", "-- Runs on: H2 and PostgreSQL");
            assertThat(run(file.getFileName().toString())).as(file.toString()).isNotEmpty();
        }
    }

    @Test
    void revenueByDestination() throws IOException {
        ReportFixturesAccess.octoberScenario(db);

        Map<String, Object> top = run("revenue-by-destination.sql").get(0);

        // a1 0.45 + a2 0.10 + a3 0.05 + a4 0 + a5 0 + a8..a10 3 x 0.01 = 0.63; 4500+600+300+3x60 s = 93 min
        assertThat(top.get("destination")).isEqualTo("United States - New York");
        assertThat(top.get("category")).isEqualTo("TERMINATION");
        assertThat(((Number) top.get("cdrs")).longValue()).isEqualTo(8);
        assertThat(decimal(top.get("rated_cost"), 4)).isEqualByComparingTo("0.6300");
        assertThat(decimal(top.get("billed_minutes"), 2)).isEqualByComparingTo("93.00");
    }

    @Test
    void revenueByDataCenterAndTopAccounts() throws IOException {
        ReportFixturesAccess.octoberScenario(db);

        List<Map<String, Object>> byDataCenter = run("revenue-by-data-center.sql");
        Map<String, Object> top = run("top-accounts.sql").get(0);

        // channel fees of TRK-A 30.00 + TRK-F2 70.00, both NEW_YORK; tax lines are left out
        assertThat(byDataCenter).hasSize(1);
        assertThat(byDataCenter.get(0).get("data_center")).isEqualTo("NEW_YORK");
        assertThat(decimal(byDataCenter.get(0).get("amount"), 2)).isEqualByComparingTo("100.00");
        assertThat(top.get("account_id")).isEqualTo("ACC-1");
        assertThat(decimal(top.get("total"), 2)).isEqualByComparingTo("108.88");
    }

    @Test
    void rejectedCdrsByReasonAndAnomalies() throws IOException {
        ReportFixturesAccess.octoberScenario(db);

        List<Map<String, Object>> reasons = run("rejected-cdrs-by-reason.sql");
        List<Map<String, Object>> anomalies = run("anomalies.sql");

        assertThat(reasons).extracting(r -> r.get("reason") + "=" + ((Number) r.get("cdr_rows")).longValue())
                .containsExactly("MALFORMED=2", "ACCOUNT_MISMATCH=1", "DUPLICATE (skipped, not rejected)=1",
                        "DUPLICATE_CONFLICT=1", "NO_RATE=1", "NO_TRUNK=1", "UNKNOWN_TRUNK=1");
        assertThat(anomalies).extracting(r -> r.get("trunk_id") + " " + r.get("anomalies") + " "
                        + ((Number) r.get("cdrs")).longValue())
                .containsExactlyInAnyOrder("TRK-A TRUNK_INACTIVE,LONGER_THAN_24H 1", "TRK-A TRUNK_INACTIVE 1");
    }
}

@OnH2
class AnalystQueriesH2FunctionalTests extends AnalystQueriesFunctionalTests {
}

@OnPostgres
class AnalystQueriesPostgresFunctionalTests extends AnalystQueriesFunctionalTests {
}
