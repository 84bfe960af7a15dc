package com.trunkbill.cli;

import com.trunkbill.TrunkbillApplication;
import com.trunkbill.batch.JobLaunchService;
import com.trunkbill.batch.JobRunLock;
import com.trunkbill.batch.JobSummary;
import com.trunkbill.batch.TrunkbillExitStatus;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParseResult;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.stream.Collectors;

/**
 * {@code trunkbill <command> [options]} (SPEC §2). picocli parses the command line against the commands'
 * declared options ({@link Commands}); every option is validated before the Spring context starts, then the
 * command's Spring Batch job runs. Exit codes: 0 COMPLETED, 1 FAILED (or not run), 2 bad usage, 3 completed with
 * unrated CDRs ({@link #completedExitCode}); 1 and 2 with a one-line reason on stderr. Without a command,
 * {@code --spring.batch.job.name=...} launches a job the plain Spring Boot way; with a command,
 * {@code --spring.NAME=VALUE} arguments become Spring properties.
 */
public final class TrunkbillMain {

    static final String COMPLETION = "completion";

    static final List<OptionSpec> COMMON_OPTIONS = List.of(
            OptionSpec.optional("db", "JDBC_URL",
                    "database (default: embedded H2 file ./data/trunkbill; jdbc:postgresql://... for PostgreSQL)"),
            OptionSpec.optional("db-user", "USER", "database user"),
            OptionSpec.optional("db-password", "PASSWORD",
                    "database password (default: the TRUNKBILL_DB_PASSWORD environment variable)"),
            OptionSpec.optional("output-dir", "DIR", "where invoices, reports and rejects go (default ./out)"),
            OptionSpec.optional("metrics-file", "FILE", "write Prometheus metrics to FILE at the end of the job"),
            OptionSpec.optional("log-file", "FILE", "also write the log to FILE (rotated by size)")
                    .mapsTo("logging.file.name"),
            OptionSpec.flag("help", "show this help"));

    static final Map<String, String> EXIT_CODES = exitCodes();

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
            System.err.println("trunkbill: " + StartupFailures.explain(failure, null, null));
            status = 1;
        }
        System.exit(status);
    }

    public int run(String... args) {
        CommandLine commandLine = commandLine();
        if (args.length == 0) {
            commandLine.usage(err);
            return 2;
        }
        List<String> springArguments = Arrays.stream(args).filter(arg -> arg.startsWith("--spring.")).toList();
        List<String> arguments = Arrays.stream(args).filter(arg -> !arg.startsWith("--spring.")).toList();
        // a plain launch may carry other properties (--trunkbill.output-dir=...) and job parameters (period=...)
        boolean commandGiven = arguments.stream().anyMatch(arg -> Commands.find(arg).isPresent()
                || arg.equals(COMPLETION) || arg.equals("help") || List.of("-h", "--help", "-V", "--version").contains(arg));
        if (!springArguments.isEmpty() && !commandGiven) {
            return runPlainSpringBatch(args);
        }
        if (arguments.get(0).equals("help")) {
            return help(commandLine, arguments);
        }
        ParseResult parsed;
        try {
            parsed = commandLine.parseArgs(arguments.toArray(String[]::new));
        } catch (CommandLine.ParameterException e) {
            err.println(usageError(e));
            return 2;
        }
        if (parsed.isUsageHelpRequested()) {
            commandLine.usage(out);
            return 0;
        }
        if (parsed.isVersionHelpRequested()) {
            out.println("trunkbill " + version());
            return 0;
        }
        ParseResult sub = parsed.subcommand();
        if (sub == null) {
            err.println("trunkbill: no command given (see trunkbill --help)");
            return 2;
        }
        if (sub.isUsageHelpRequested()) {
            sub.commandSpec().commandLine().usage(out);
            return 0;
        }
        if (sub.commandSpec().name().equals(COMPLETION)) {
            out.print(AutoComplete.bash("trunkbill", commandLine));
            return 0;
        }
        Command command = Commands.find(sub.commandSpec().name()).orElseThrow();
        ParsedOptions options = parsedOptions(command, sub);
        Map<String, String> properties;
        JobParameters parameters = null;
        try {
            for (OptionSpec option : command.options()) {
                if (option.required() && options.get(option.name()).isEmpty()) {
                    throw new UsageException("--" + option.name() + " " + option.valueName() + " is required");
                }
            }
            properties = springProperties(command, options, springArguments);
            if (command instanceof JobCommand job) {
                parameters = job.jobParameters(options);
            } else if (command instanceof ToolCommand tool) {
                tool.validate(options);
                if (!tool.needsDatabase()) {
                    return tool.run(options, null, out);
                }
            }
        } catch (UsageException e) {
            err.println("trunkbill " + command.name() + ": " + e.getMessage());
            return 2;
        }
        return runWithContext(command, options, parameters, properties);
    }

    private int help(CommandLine commandLine, List<String> arguments) {
        if (arguments.size() == 1) {
            commandLine.usage(out);
            return 0;
        }
        CommandLine sub = commandLine.getSubcommands().get(arguments.get(1));
        if (sub == null) {
            err.println(unknownCommand(arguments.get(1), List.of()));
            return 2;
        }
        sub.usage(out);
        return 0;
    }

    private int runWithContext(Command command, ParsedOptions options, JobParameters parameters,
                               Map<String, String> properties) {
        try (ConfigurableApplicationContext context = startContext(properties)) {
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
            err.println("trunkbill " + command.name() + ": " + StartupFailures.explain(e,
                    properties.getOrDefault("spring.datasource.url", "jdbc:h2:file:./data/trunkbill"),
                    properties.get("spring.datasource.password")));
            return 1;
        }
    }

    /** The one-line reason for a failure to start or run (see {@link StartupFailures}). */
    static String explain(RuntimeException failure) {
        return StartupFailures.explain(failure, null, null);
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
        return StartupFailures.message(cause);
    }

    /**
     * The Spring properties of a launch: the {@code --spring.*} arguments, then what the options map onto. An
     * option and a {@code --spring.*} argument setting the same property are refused, as is choosing the job.
     */
    Map<String, String> springProperties(Command command, ParsedOptions options, List<String> springArguments) {
        Map<String, String> properties = new LinkedHashMap<>();
        for (String argument : springArguments) {
            int equals = argument.indexOf('=');
            if (equals < 0) {
                throw new UsageException(argument + " needs a value: " + argument + "=VALUE");
            }
            String name = argument.substring(2, equals);
            if (name.startsWith("spring.batch.job.")) {
                throw new UsageException("--" + name + " cannot be combined with a command (the command chooses "
                        + "the job); give it without a command for a plain Spring Batch launch");
            }
            properties.put(name, argument.substring(equals + 1));
        }
        Map<String, String> mapped = new LinkedHashMap<>();
        mapped.put("spring.batch.job.enabled", "false");
        // a start-up failure is reported on one line by the launcher, not as a stack trace
        mapped.put("logging.level.org.springframework.boot.SpringApplication", "OFF");
        mapped.put("logging.level.org.springframework.context", "ERROR");
        mapped.put("logging.level.org.springframework.boot.diagnostics", "OFF");
        options.get("db").ifPresent(url -> {
            if (!url.startsWith("jdbc:")) {
                throw new UsageException("--db " + url + " is not a JDBC URL (e.g. "
                        + "jdbc:postgresql://localhost:5432/trunkbill or jdbc:h2:file:./data/trunkbill)");
            }
            mapped.put("spring.datasource.url", url);
        });
        options.get("db-user").ifPresent(user -> mapped.put("spring.datasource.username", user));
        Optional<String> password = options.get("db-password");
        if (password.isEmpty() && !properties.containsKey("spring.datasource.password")) {
            password = Optional.ofNullable(environment.get("TRUNKBILL_DB_PASSWORD"));
        }
        password.ifPresent(secret -> mapped.put("spring.datasource.password", secret));
        options.get("output-dir").ifPresent(dir -> mapped.put("trunkbill.output-dir", dir));
        options.get("metrics-file").ifPresent(file -> mapped.put("trunkbill.metrics-file", file));
        List<OptionSpec> declared = new ArrayList<>(command.options());
        declared.addAll(COMMON_OPTIONS);
        for (OptionSpec option : declared) {
            if (option.property() != null && options.get(option.name()).isPresent()) {
                mapped.put(option.property(), propertyValue(option, options));
            }
        }
        mapped.forEach((name, value) -> {
            if (properties.containsKey(name)) {
                throw new UsageException("--" + name + " conflicts with an option that sets " + name);
            }
            properties.put(name, value);
        });
        if (command instanceof ToolCommand tool && tool.lazyContext()) {
            // a tool uses a few beans (history: the job repository), not the jobs: create only what it asks for
            properties.putIfAbsent("spring.main.lazy-initialization", "true");
        }
        return properties;
    }

    private static String propertyValue(OptionSpec option, ParsedOptions options) {
        if (option.isFlag()) {
            return "true";
        }
        if (option.valueName().equals("DIR")) {
            return options.existingDirectory(option.name()).toString();
        }
        String value = options.require(option.name());
        if (option.valueName().equals("FILE") && Files.isDirectory(Path.of(value))) {
            throw new UsageException("--" + option.name() + " " + value + " is a directory, not a file");
        }
        return value;
    }

    private ConfigurableApplicationContext startContext(Map<String, String> properties) {
        String[] arguments = properties.entrySet().stream()
                .map(property -> "--" + property.getKey() + "=" + property.getValue()).toArray(String[]::new);
        SpringApplication application = new SpringApplication(TrunkbillApplication.class);
        StartupTrace trace = StartupTrace.fromSystemProperty();
        trace.attach(application);
        ConfigurableApplicationContext context = application.run(arguments);
        trace.print(err);
        return context;
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

    // ---- picocli model -----------------------------------------------------------------------------------------

    /** The picocli model of {@code trunkbill}: every command of {@link Commands}, {@code completion} and help. */
    public static CommandLine commandLine() {
        CommandSpec root = CommandSpec.create().name("trunkbill");
        root.usageMessage()
                .customSynopsis("trunkbill <command> [options]")
                .description("nightly billing, taxation and usage rating for SIP trunks")
                .commandListHeading("%nCommands:%n")
                .exitCodeListHeading("%nExit codes:%n")
                .exitCodeList(EXIT_CODES)
                .footer(rootFooter());
        root.addOption(CommandLine.Model.OptionSpec.builder("-h", "--help").usageHelp(true)
                .description("show this help").build());
        root.addOption(CommandLine.Model.OptionSpec.builder("-V", "--version").versionHelp(true)
                .description("show the version and git commit of trunkbill").build());
        CommandLine commandLine = new CommandLine(root);
        for (Command command : Commands.all()) {
            String job = command instanceof JobCommand jobCommand ? "  [" + jobCommand.jobName() + "]" : "";
            commandLine.addSubcommand(command.name(), new CommandLine(subcommand(command.name(),
                    command.description() + job, command.options(), true)));
        }
        commandLine.addSubcommand(COMPLETION, new CommandLine(subcommand(COMPLETION,
                "print a bash completion script: source <(trunkbill completion)", List.of(), false)));
        return commandLine;
    }

    private static CommandSpec subcommand(String name, String description, List<OptionSpec> options,
                                          boolean commonOptions) {
        CommandSpec spec = CommandSpec.create().name(name);
        StringBuilder synopsis = new StringBuilder("trunkbill " + name);
        options.forEach(option -> synopsis.append(' ').append(option.usage()));
        synopsis.append(commonOptions ? " [common options]" : " [--help]");
        spec.usageMessage().customSynopsis(synopsis.toString()).description(description).sortOptions(false)
                .exitCodeListHeading("%nExit codes:%n").exitCodeList(EXIT_CODES);
        List<OptionSpec> all = new ArrayList<>(options);
        if (commonOptions) {
            all.addAll(COMMON_OPTIONS);
        } else {
            all.add(COMMON_OPTIONS.get(COMMON_OPTIONS.size() - 1));
        }
        for (OptionSpec option : all) {
            if (option.name().equals("help")) {
                spec.addOption(CommandLine.Model.OptionSpec.builder("-h", "--help").usageHelp(true)
                        .description(option.description()).build());
                continue;
            }
            CommandLine.Model.OptionSpec.Builder builder = CommandLine.Model.OptionSpec.builder("--" + option.name())
                    .description(option.description() + (option.required() ? " (required)" : ""));
            if (option.isFlag()) {
                builder.arity("0").type(boolean.class);
            } else {
                builder.arity("1").type(String.class).paramLabel(option.valueName());
            }
            spec.addOption(builder.build());
        }
        return spec;
    }

    private static String[] rootFooter() {
        List<String> lines = new ArrayList<>();
        lines.add("");
        lines.add("Common options of every command:");
        COMMON_OPTIONS.forEach(option -> lines.add(String.format("  %-28s %s", option.usage(), option.description())));
        lines.add("");
        lines.add("Run 'trunkbill <command> --help' for the options of a command.");
        lines.add("A --spring.NAME=VALUE argument given with a command sets that Spring property.");
        lines.add("Plain Spring Batch launch: java -jar target/trunkbill.jar --spring.batch.job.name=JOB key=value ...");
        return lines.stream().map(line -> line.replace("%", "%%")).toArray(String[]::new);
    }

    private static Map<String, String> exitCodes() {
        Map<String, String> codes = new LinkedHashMap<>();
        codes.put("0", "completed");
        codes.put("1", "failed, or not run (the reason is on stderr)");
        codes.put("2", "bad usage (the reason is on stderr)");
        codes.put("3", "completed, but CDRs of the period are unrated (invoice, nightly, demo; the log says which)");
        return codes;
    }

    private static ParsedOptions parsedOptions(Command command, ParseResult sub) {
        Map<String, String> values = new LinkedHashMap<>();
        for (CommandLine.Model.OptionSpec option : sub.matchedOptions()) {
            String name = option.longestName().substring(2);
            values.put(name, option.arity().max() == 0 ? "true" : String.valueOf((Object) option.getValue()));
        }
        return new ParsedOptions(command.name(), values);
    }

    /** One line: which command, what is wrong, and for a typo what was probably meant. */
    static String usageError(CommandLine.ParameterException e) {
        CommandSpec spec = e.getCommandLine().getCommandSpec();
        boolean root = spec.parent() == null;
        String prefix = root ? "trunkbill: " : "trunkbill " + spec.name() + ": ";
        if (e instanceof CommandLine.UnmatchedArgumentException unmatched && !unmatched.getUnmatched().isEmpty()) {
            String argument = unmatched.getUnmatched().get(0);
            List<String> candidates = root ? new ArrayList<>(spec.subcommands().keySet())
                    : spec.options().stream().map(CommandLine.Model.OptionSpec::longestName).toList();
            List<String> suggestions = nearest(argument.split("=", 2)[0], candidates);
            if (root && !argument.startsWith("-")) {
                return unknownCommand(argument, suggestions);
            }
            String what = argument.startsWith("-") ? "unknown option " + argument.split("=", 2)[0]
                    : "unexpected argument '" + argument + "'";
            return prefix + what + didYouMean(suggestions) + " (see trunkbill"
                    + (root ? "" : " " + spec.name()) + " --help)";
        }
        if (e instanceof CommandLine.MissingParameterException missing && !missing.getMissing().isEmpty()) {
            if (e.getMessage().startsWith("Missing required parameter for option")) {
                ArgSpec option = missing.getMissing().get(0);
                return prefix + describe(option) + " needs a value " + option.paramLabel();
            }
            return prefix + missing.getMissing().stream().map(option -> describe(option) + " " + option.paramLabel())
                    .collect(Collectors.joining(", ")) + (missing.getMissing().size() == 1 ? " is" : " are")
                    + " required";
        }
        return prefix + e.getMessage().replace('\n', ' ');
    }

    private static String describe(ArgSpec arg) {
        return arg instanceof CommandLine.Model.OptionSpec option ? option.longestName() : arg.paramLabel();
    }

    private static String unknownCommand(String name, List<String> suggestions) {
        return "trunkbill: unknown command '" + name + "'" + didYouMean(suggestions) + " (see trunkbill --help)";
    }

    /** The candidates closest to a mistyped name (edit distance at most a third of its length, at least 2). */
    static List<String> nearest(String typed, List<String> candidates) {
        int limit = Math.max(2, typed.length() / 3);
        int best = candidates.stream().mapToInt(candidate -> distance(typed, candidate)).min().orElse(limit + 1);
        if (best > limit) {
            return List.of();
        }
        return candidates.stream().filter(candidate -> distance(typed, candidate) == best).toList();
    }

    private static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }

    private static String didYouMean(List<String> suggestions) {
        return suggestions.isEmpty() ? "" : "; did you mean " + String.join(" or ", suggestions) + "?";
    }

    /** {@code 1.0.0-SNAPSHOT (git 1f4687d)}; {@code unknown} for what the build could not tell. */
    static String version() {
        String version = properties("com/trunkbill/cli/version.properties").getProperty("version", "unknown");
        Properties git = properties("git.properties");
        String commit = git.getProperty("git.commit.id.abbrev", "unknown");
        boolean dirty = Boolean.parseBoolean(git.getProperty("git.dirty", "false"));
        return (version.startsWith("${") ? "unknown" : version) + " (git " + commit + (dirty ? ", modified" : "") + ")";
    }

    private static Properties properties(String resource) {
        Properties properties = new Properties();
        try (InputStream in = TrunkbillMain.class.getClassLoader().getResourceAsStream(resource)) {
            if (in != null) {
                properties.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            // an unreadable resource is an unknown version
        }
        return properties;
    }
}
