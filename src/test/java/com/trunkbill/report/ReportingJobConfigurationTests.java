package com.trunkbill.report;

import com.trunkbill.support.BillingPeriod;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Where {@code writeReportsStep} takes its periods from (report, and the nightly job that reuses the step). */
class ReportingJobConfigurationTests {

    @Test
    void periodsFromTheJobContextWinThenPeriodThenTheMonthOfDate() {
        var parameters = new JobParametersBuilder().addString("period", "2026-10").addString("date", "2026-11-03")
                .toJobParameters();
        assertThat(ReportingJobConfiguration.periods("2026-10, 2026-11", parameters))
                .containsExactly(BillingPeriod.parse("2026-10"), BillingPeriod.parse("2026-11"));
        assertThat(ReportingJobConfiguration.periods(null, parameters)).containsExactly(BillingPeriod.parse("2026-10"));
        assertThat(ReportingJobConfiguration.periods(null,
                new JobParametersBuilder().addString("date", "2026-11-03").toJobParameters()))
                .containsExactly(BillingPeriod.parse("2026-11"));
    }

    @Test
    void aStepWithoutPeriodOrDateFails() {
        assertThatThrownBy(() -> ReportingJobConfiguration.periods(null, new JobParametersBuilder().toJobParameters()))
                .hasMessageContaining("period");
    }
}
