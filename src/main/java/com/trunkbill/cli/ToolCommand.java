package com.trunkbill.cli;

import org.springframework.context.ApplicationContext;

import java.io.PrintStream;

/** A subcommand that is not a billing job (a generator, a listing); it may still use the application context. */
public non-sealed interface ToolCommand extends Command {

    /** Whether {@link #run} needs the Spring context (and so the database). */
    boolean needsDatabase();

    /**
     * Whether the context creates only the beans the tool asks for (a listing starts fast); false for a tool that
     * needs the whole application, its jobs and endpoints (the scale-out worker).
     */
    default boolean lazyContext() {
        return true;
    }

    /** Checks the options (throwing {@link UsageException}) before anything starts; a bad option is exit 2. */
    default void validate(ParsedOptions options) {
    }

    /**
     * Runs the tool. {@code context} is null when {@link #needsDatabase()} is false.
     *
     * @return the process exit code
     */
    int run(ParsedOptions options, ApplicationContext context, PrintStream out);
}
