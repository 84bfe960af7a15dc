package com.trunkbill.invoice;

import com.trunkbill.cli.JobCommand;
import com.trunkbill.cli.OptionSpec;
import com.trunkbill.cli.ParsedOptions;
import com.trunkbill.cli.PropertyOptions;
import com.trunkbill.cli.UsageException;
import com.trunkbill.support.BillingPeriod;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;

import java.util.List;

/** {@code invoice --period P [--finalize]} (SPEC §2): the invoicingJob. */
public final class InvoiceCommand implements JobCommand {

    @Override
    public String name() {
        return "invoice";
    }

    @Override
    public String description() {
        return "builds (or rebuilds) the draft invoices of a period; --finalize makes them final";
    }

    @Override
    public List<OptionSpec> options() {
        return List.of(
                OptionSpec.required("period", "YYYY-MM", "the billing period (a calendar month in UTC)"),
                OptionSpec.flag("finalize", "after rebuilding the drafts, finalize and number every DRAFT of the"
                        + " period (ON_HOLD ones stay)"),
                PropertyOptions.templateDir());
    }

    @Override
    public String jobName() {
        return InvoicingJobConfiguration.JOB_NAME;
    }

    @Override
    public JobParameters jobParameters(ParsedOptions options) {
        BillingPeriod period = options.period("period")
                .orElseThrow(() -> new UsageException(name() + ": --period is required"));
        return new JobParametersBuilder()
                .addString("period", period.toString())
                .addString("finalize", Boolean.toString(options.flag("finalize")))
                .toJobParameters();
    }
}
