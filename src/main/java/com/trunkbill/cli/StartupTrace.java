package com.trunkbill.cli;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.metrics.buffering.BufferingApplicationStartup;
import org.springframework.boot.context.metrics.buffering.StartupTimeline;

import java.io.PrintStream;
import java.time.Duration;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code -Dtrunkbill.startup-trace=N}: after the Spring context has started, print its N slowest start-up steps
 * (bean instantiations, configuration class parsing, context refresh) to stderr, from Spring's
 * {@link BufferingApplicationStartup}. A diagnostic for docs/performance.md "Start-up"; off by default.
 */
final class StartupTrace {

    static final String PROPERTY = "trunkbill.startup-trace";

    private final int slowest;
    private BufferingApplicationStartup startup;

    private StartupTrace(int slowest) {
        this.slowest = slowest;
    }

    static StartupTrace fromSystemProperty() {
        String value = System.getProperty(PROPERTY, "").strip();
        if (value.isEmpty()) {
            return new StartupTrace(0);
        }
        return new StartupTrace(value.equals("true") ? 25 : Integer.parseInt(value));
    }

    void attach(SpringApplication application) {
        if (slowest > 0) {
            startup = new BufferingApplicationStartup(100_000);
            application.setApplicationStartup(startup);
        }
    }

    void print(PrintStream err) {
        if (startup == null) {
            return;
        }
        List<StartupTimeline.TimelineEvent> events = startup.getBufferedTimeline().getEvents();
        Map<Long, Duration> nested = new HashMap<>();
        for (StartupTimeline.TimelineEvent event : events) {
            Long parent = event.getStartupStep().getParentId();
            if (parent != null) {
                nested.merge(parent, event.getDuration(), Duration::plus);
            }
        }
        err.printf("startup trace: %d steps; the %d slowest by own time (own / with nested steps)%n", events.size(),
                slowest);
        events.stream()
                .sorted(Comparator.comparing((StartupTimeline.TimelineEvent event) -> ownTime(event, nested)).reversed())
                .limit(slowest)
                .forEach(event -> err.printf("%7d ms %7d ms  %s %s%n", ownTime(event, nested).toMillis(),
                        event.getDuration().toMillis(), event.getStartupStep().getName(), tags(event)));
    }

    private static Duration ownTime(StartupTimeline.TimelineEvent event, Map<Long, Duration> nested) {
        return event.getDuration().minus(nested.getOrDefault(event.getStartupStep().getId(), Duration.ZERO));
    }

    private static String tags(StartupTimeline.TimelineEvent event) {
        StringBuilder tags = new StringBuilder();
        event.getStartupStep().getTags().forEach(tag -> tags.append(tag.getKey()).append('=')
                .append(tag.getValue()).append(' '));
        return tags.toString().strip();
    }
}
