package com.trunkbill.operations;

import com.trunkbill.report.ReportFixturesAccess;
import com.trunkbill.testsupport.DatabaseTest;
import com.trunkbill.testsupport.OnH2;
import com.trunkbill.testsupport.OnPostgres;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/** trunkbill's own metrics read from the report scenario's database (H2 and PostgreSQL). */
public abstract class TrunkbillMetricsFunctionalTests extends DatabaseTest {

    @Autowired
    TrunkbillMetrics metrics;

    @Autowired
    PrometheusMeterRegistry registry;

    @Test
    void metricsDescribeTheDatabase() {
        ReportFixturesAccess.octoberScenario(db);

        metrics.refresh();

        assertThat(registry.scrape()).contains(
                "trunkbill_cdrs_rated_total 14.0",
                "trunkbill_cdrs_rejected_total{reason=\"NO_RATE\"} 1.0",
                "trunkbill_cdrs_rejected_total{reason=\"UNKNOWN_TRUNK\"} 1.0",
                "trunkbill_cdrs_rejected_total{reason=\"MALFORMED\"} 2.0",
                "trunkbill_cdrs_duplicates_total 1.0",
                // 0.45 + 0.10 + 0.05 + 3 x 0.01 + 3 x 0.02 + 0.06
                "trunkbill_money_rated{currency=\"USD\"} 0.75",
                "trunkbill_invoices{status=\"DRAFT\"} 1.0",
                "trunkbill_invoices{status=\"FINAL\"} 0.0");
    }
}

@OnH2
class TrunkbillMetricsH2FunctionalTests extends TrunkbillMetricsFunctionalTests {
}

@OnPostgres
class TrunkbillMetricsPostgresFunctionalTests extends TrunkbillMetricsFunctionalTests {
}
