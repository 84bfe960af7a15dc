package com.trunkbill.cli;

import com.trunkbill.TrunkbillApplication;
import com.trunkbill.batch.JobLaunchService;
import com.trunkbill.batch.JobRunLock;
import com.trunkbill.batch.JobSummary;
import com.trunkbill.batch.TrunkbillExitStatus;
import com.trunkbill.db.StartupFailure;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

import java.io.PrintStream;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code trunkbill <command> [options]} (SPEC §2). Parses and validates the command line before anything
 * starts, then runs the command's Spring Batch job. Exit codes: 0 COMPLETED, 1 FAILED (or not run), 2 bad
 * usage, 3 completed with unrated CDRs ({@link #completedExitCode}), each of 1 and 2 with a one-line reason on
 * stderr. {@code --spring.batch.job.name=...} launches
 * a job the plain Spring Boot way.
 */
public final class TrunkbillMain {

    static final List<OptionSpec> COMMON_OPTIONS = List.of(
            OptionSpec.optional("db", "JDBC_URL",
                    "database (default: embedded H2 file ./data/trunkbill; jdbc:postgresql://... for PostgreSQL)"),
            OptionSpec.optional("db-user", "USER", "database user"),
            OptionSpec.optional("db-password", "PASSWORD",
                    "database password (default: the TRUNKBILL_DB_PASSWORD environment variable)"),
            OptionSpec.optional("output-dir", "DIR", "where invoices, reports and rejects go (default ./out)"),
            OptionSpec.optional("metrics-file", "FILE", "write Prometheus metrics to FILE at the end of the job"),
            OptionSpec.flag("help", "show this help"));

    private final PrintStream out;
    private final PrintStream err;
    private final Map<String, String> environment;

    public TrunkbillMain(PrintStream out, PrintStream err, Map<String, String> environment) {
        this.out = out;
        this.err = err;
        this.environment = environment;
    }

    public static void main(String[] args) {
        int status;
        try {
            status = new TrunkbillMain(System.out, System.err, System.getenv()).run(args);
        } catch (Throwable failure) {
            // every failure ends in one line and exit 1, never a raw "Exception in thread main" trace
            System.err.println("trunkbill: " + StartupFailure.explain(failure));
            status = 1;
        }
        System.exit(status);
    }

    public int run(String... args) {
        if (args.length == 0) {
            printHelp(err);
            return 2;
        }
        if (Arrays.stream(args).anyMatch(arg -> arg.startsWith("--spring."))) {
            return runPlainSpringBatch(args);
        }
        if (args[0].equals("--help") || args[0].equals("-h") || args[0].equals("help")) {
            printHelp(out);
            return 0;
        }
        Optional<Command> found = Commands.find(args[0]);
        if (found.isEmpty()) {
            err.println("trunkbill: unknown command '" + args[0] + "' (see trunkbill --help)");
            return 2;
        }
        Command command = found.get();
        ParsedOptions options;
        JobParameters parameters = null;
        try {
            options = parse(command, Arrays.copyOfRange(args, 1, args.length));
            if (options.flag("help")) {
                printHelp(command, out);
                return 0;
            }
            if (command instanceof JobCommand job) {
                parameters = job.jobParameters(options);
            } else if (command instanceof ToolCommand tool && !tool.needsDatabase()) {
                return tool.run(options, null, out);
            }
        } catch (UsageException e) {
            err.println("trunkbill " + command.name() + ": " + e.getMessage());
            return 2;
        }
        return runWithContext(command, options, parameters);
    }

    private int runWithContext(Command command, ParsedOptions options, JobParameters parameters) {
        try (ConfigurableApplicationContext context = startContext(options)) {
            if (command instanceof ToolCommand tool) {
                return tool.run(options, context, out);
            }
            JobCommand job = (JobCommand) command;
            JobLaunchService.Launch launch = context.getBean(JobLaunchService.class)
                    .launch(job.jobName(), parameters, job.runPolicy());
            return report(job, launch);
        } catch (UsageException e) {
            err.println("trunkbill " + command.name() + ": " + e.getMessage());
            return 2;
        } catch (JobRunLock.JobAlreadyRunningException e) {
            err.println("trunkbill " + command.name() + ": " + e.getMessage());
            return 1;
        } catch (RuntimeException e) {
            err.println("trunkbill " + command.name() + ": " + explain(e));
            return 1;
        }
    }

    /** The one-line reason for a failure to start or run; a locked H2 file means another process is using it. */
    static String explain(RuntimeException failure) {
        return StartupFailure.explain(failure);
    }

    private int report(JobCommand job, JobLaunchService.Launch launch) {
        JobExecution execution = launch.execution();
        if (launch.alreadyCompleted()) {
            out.println(job.name() + ": already completed for these parameters (execution " + execution.getId()
                    + " on " + execution.getEndTime() + "); nothing to do");
            return 0;
        }
        for (StepExecution step : execution.getStepExecutions()) {
            out.printf("  %-28s %-9s read %,d  written %,d  filtered %,d  skipped %,d  %s%n", step.getStepName(),
                    step.getStatus(), step.getReadCount(), step.getWriteCount(), step.getFilterCount(),
                    step.getSkipCount(), seconds(step.getStartTime(), step.getEndTime()));
        }
        out.println(job.jobName() + " " + execution.getStatus() + (launch.restarted() ? " (restarted)" : "")
                + " in " + seconds(execution.getStartTime(), execution.getEndTime()));
        // what the job did comes last, so a run ends with its outcome (the demo: the path of index.html)
        JobSummary.lines(execution).forEach(out::println);
        if (execution.getStatus() == BatchStatus.COMPLETED) {
            return completedExitCode(execution);
        }
        String reason = execution.getAllFailureExceptions().stream().findFirst()
                .map(TrunkbillMain::rootMessage).orElse(execution.getExitStatus().getExitDescription());
        err.println("trunkbill " + job.name() + ": " + job.jobName() + " " + execution.getStatus() + ": " + reason);
        return 1;
    }

    /**
     * The exit status of a COMPLETED job: 0, or 3 when it ended {@code COMPLETED_WITH_UNRATED_CDRS} (invoice: the
     * period has accepted CDRs that are neither rated nor rejected, so a scheduler notices the incomplete drafts;
     * nightly and demo end so when one of their invoice stages does).
     */
    static int completedExitCode(JobExecution execution) {
        return TrunkbillExitStatus.COMPLETED_WITH_UNRATED_CDRS.equals(execution.getExitStatus().getExitCode())
                ? TrunkbillExitStatus.UNRATED_CDRS_EXIT_CODE : 0;
    }

    private static String seconds(LocalDateTime start, LocalDateTime end) {
        if (start == null || end == null) {
            return "";
        }
        return String.format("%.1fs", Duration.between(start, end).toMillis() / 1000.0);
    }

    static String rootMessage(Throwable throwable) {
        Throwable cause = throwable;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        String message = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
        return message.replace('\n', ' ');
    }

    private ConfigurableApplicationContext startContext(ParsedOptions options) {
        List<String> properties = new ArrayList<>();
        properties.add("--spring.batch.job.enabled=false");
        // a start-up failure is reported on one line by the launcher, not as a stack trace
        properties.add("--logging.level.org.springframework.boot.SpringApplication=OFF");
        properties.add("--logging.level.org.springframework.context=ERROR");
        options.get("db").ifPresent(url -> properties.add("--spring.datasource.url=" + url));
        options.get("db-user").ifPresent(user -> properties.add("--spring.datasource.username=" + user));
        Optional<String> password = options.get("db-password")
                .or(() -> Optional.ofNullable(environment.get("TRUNKBILL_DB_PASSWORD")));
        password.ifPresent(secret -> properties.add("--spring.datasource.password=" + secret));
        options.get("output-dir").ifPresent(dir -> properties.add("--trunkbill.output-dir=" + dir));
        options.get("metrics-file").ifPresent(file -> properties.add("--trunkbill.metrics-file=" + file));
        SpringApplication application = new SpringApplication(TrunkbillApplication.class);
        return application.run(properties.toArray(String[]::new));
    }

    private int runPlainSpringBatch(String[] args) {
        try {
            ConfigurableApplicationContext context = SpringApplication.run(TrunkbillApplication.class, args);
            return SpringApplication.exit(context);
        } catch (RuntimeException e) {
            err.println("trunkbill: " + rootMessage(e));
            return 1;
        }
    }

    static ParsedOptions parse(Command command, String[] args) {
        Map<String, OptionSpec> known = new LinkedHashMap<>();
        command.options().forEach(option -> known.put(option.name(), option));
        COMMON_OPTIONS.forEach(option -> known.putIfAbsent(option.name(), option));
        Map<String, String> values = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (!arg.startsWith("--")) {
                throw new UsageException("unexpected argument '" + arg + "'");
            }
            String name = arg.substring(2);
            String value = null;
            int equals = name.indexOf('=');
            if (equals >= 0) {
                value = name.substring(equals + 1);
                name = name.substring(0, equals);
            }
            OptionSpec option = known.get(name);
            if (option == null) {
                throw new UsageException("unknown option --" + name);
            }
            if (option.isFlag()) {
                if (value != null) {
                    throw new UsageException("--" + name + " takes no value");
                }
                value = "true";
            } else if (value == null) {
                if (i + 1 >= args.length || args[i + 1].startsWith("--")) {
                    throw new UsageException("--" + name + " needs a value " + option.valueName());
                }
                value = args[++i];
            }
            if (values.put(name, value) != null) {
                throw new UsageException("--" + name + " given twice");
            }
        }
        if (!values.containsKey("help")) {
            for (OptionSpec option : command.options()) {
                if (option.required() && !values.containsKey(option.name())) {
                    throw new UsageException("--" + option.name() + " " + option.valueName() + " is required");
                }
            }
        }
        return new ParsedOptions(command.name(), values);
    }

    static void printHelp(PrintStream stream) {
        stream.println("trunkbill: nightly billing, taxation and usage rating for SIP trunks");
        stream.println();
        stream.println("Usage: trunkbill <command> [options]");
        stream.println();
        stream.println("Commands:");
        for (Command command : Commands.all()) {
            String job = command instanceof JobCommand jobCommand ? "  [" + jobCommand.jobName() + "]" : "";
            stream.printf("  %-18s %s%s%n", command.name(), command.description(), job);
        }
        stream.println();
        stream.println("Common options:");
        COMMON_OPTIONS.forEach(option -> stream.printf("  %-28s %s%n", option.usage(), option.description()));
        stream.println();
        stream.println("Exit codes: 0 completed, 1 failed, 2 bad usage, 3 completed with unrated CDRs (invoice, nightly, demo).");
        stream.println("Run 'trunkbill <command> --help' for the options of a command.");
        stream.println("Plain Spring Batch launch: java -jar target/trunkbill.jar --spring.batch.job.name=JOB key=value ...");
    }

    static void printHelp(Command command, PrintStream stream) {
        StringBuilder usage = new StringBuilder("Usage: trunkbill " + command.name());
        command.options().forEach(option -> usage.append(' ').append(option.usage()));
        stream.println(usage);
        stream.println();
        stream.println(command.description()
                + (command instanceof JobCommand job ? " (Spring Batch job " + job.jobName() + ")" : ""));
        if (!command.options().isEmpty()) {
            stream.println();
            stream.println("Options:");
            command.options().forEach(option -> stream.printf("  %-28s %s%n", option.usage(), option.description()));
        }
        stream.println();
        stream.println("Common options:");
        COMMON_OPTIONS.forEach(option -> stream.printf("  %-28s %s%n", option.usage(), option.description()));
    }
}
