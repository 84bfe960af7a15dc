package com.trunkbill.testsupport;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestWatcher;

import java.io.PrintStream;
import java.util.Optional;

/**
 * Says on the console why a test was skipped (a failed assumption such as "no Chromium", or {@code @Disabled}),
 * where the build output only counts it as "Skipped: 1". Registered for every test through
 * META-INF/services/org.junit.jupiter.api.extension.Extension and junit-platform.properties.
 */
public class SkippedTestReporter implements TestWatcher {

    private static final String ASSUMPTION_PREFIX = "Assumption failed: ";

    private final PrintStream console;

    public SkippedTestReporter() {
        this(System.out);
    }

    SkippedTestReporter(PrintStream console) {
        this.console = console;
    }

    @Override
    public void testAborted(ExtensionContext context, Throwable cause) {
        report(context, cause == null ? null : cause.getMessage());
    }

    @Override
    public void testDisabled(ExtensionContext context, Optional<String> reason) {
        report(context, reason.orElse(null));
    }

    private void report(ExtensionContext context, String reason) {
        console.println("[SKIPPED] " + context.getRequiredTestClass().getSimpleName() + "."
                + context.getRequiredTestMethod().getName() + ": " + why(reason));
    }

    static String why(String reason) {
        if (reason == null || reason.isBlank()) {
            return "no reason given";
        }
        String why = reason.strip();
        if (why.startsWith(ASSUMPTION_PREFIX)) {
            why = why.substring(ASSUMPTION_PREFIX.length());
        }
        if (why.startsWith("SKIPPED:")) {
            why = why.substring("SKIPPED:".length()).strip();
        }
        return why;
    }
}
