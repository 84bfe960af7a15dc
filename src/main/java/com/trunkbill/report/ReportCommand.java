package com.trunkbill.report;

import com.trunkbill.cli.JobCommand;
import com.trunkbill.cli.OptionSpec;
import com.trunkbill.cli.ParsedOptions;
import com.trunkbill.cli.PropertyOptions;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;

import java.util.List;

/** {@code report --period P}: the period's reports (SPEC §2, §7) under {@code <output-dir>/reports/P/}. */
public final class ReportCommand implements JobCommand {

    @Override
    public String name() {
        return "report";
    }

    @Override
    public String description() {
        return "write the period's reports: channel usage and sizing, fair use, reconciliation, index.html";
    }

    @Override
    public List<OptionSpec> options() {
        return List.of(OptionSpec.required("period", "YYYY-MM", "the billing period (calendar month, UTC)"),
                PropertyOptions.templateDir());
    }

    @Override
    public String jobName() {
        return "reportingJob";
    }

    @Override
    public JobParameters jobParameters(ParsedOptions options) {
        String period = options.period("period").orElseThrow().toString();
        return new JobParametersBuilder().addString("period", period).toJobParameters();
    }
}
