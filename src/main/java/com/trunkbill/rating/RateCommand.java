package com.trunkbill.rating;

import com.trunkbill.cli.JobCommand;
import com.trunkbill.cli.OptionSpec;
import com.trunkbill.cli.ParsedOptions;
import com.trunkbill.cli.UsageException;
import com.trunkbill.scaleout.ScaleOutOptions;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;

import java.util.List;
import java.util.Optional;

/**
 * {@code trunkbill rate [--period P] [--account A] [--trunk T] [--partitions K] [--broker URL]} (SPEC §2, §4.6).
 */
public final class RateCommand implements JobCommand {

    @Override
    public String name() {
        return "rate";
    }

    @Override
    public String description() {
        return "rate every unrated CDR; with --period, re-rate that period (optionally one account or trunk)";
    }

    @Override
    public List<OptionSpec> options() {
        return List.of(
                OptionSpec.optional("period", "YYYY-MM", "re-rate every CDR of this period with today's rate tables"),
                OptionSpec.optional("account", "ACCOUNT_ID", "with --period: only this account's CDRs"),
                OptionSpec.optional("trunk", "TRUNK_ID", "with --period: only this trunk's CDRs"),
                OptionSpec.optional("partitions", "K", "rate in K partitions by account, on K threads (default 1, at most "
                        + RatingJobConfiguration.MAX_PARTITIONS + ")"),
                ScaleOutOptions.broker("send the partitions over this broker (tcp://host:61616) to trunkbill worker"
                        + " processes instead of rating them here; needs --db jdbc:postgresql://..."));
    }

    @Override
    public String jobName() {
        return RatingJobConfiguration.JOB_NAME;
    }

    @Override
    public JobParameters jobParameters(ParsedOptions options) {
        JobParametersBuilder parameters = new JobParametersBuilder();
        Optional<String> period = options.period("period").map(Object::toString);
        Optional<String> account = options.get("account");
        Optional<String> trunk = options.get("trunk");
        if (period.isEmpty() && (account.isPresent() || trunk.isPresent())) {
            throw new UsageException("--account and --trunk need --period (re-rating is done per period)");
        }
        period.ifPresent(value -> parameters.addString("period", value));
        account.ifPresent(value -> parameters.addString("account", value));
        trunk.ifPresent(value -> parameters.addString("trunk", value));
        Optional<Long> partitions = ScaleOutOptions.partitions(options);
        // not identifying: it does not make a job instance of its own; a restarted run keeps its first split
        partitions.ifPresent(value -> parameters.addLong(RatingJobConfiguration.PARTITIONS, value, false));
        // where the partitions run is the launch's configuration, not a parameter: a restart may choose again
        ScaleOutOptions.checkBroker(options);
        return parameters.toJobParameters();
    }
}
