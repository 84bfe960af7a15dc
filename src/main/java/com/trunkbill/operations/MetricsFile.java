package com.trunkbill.operations;

import com.trunkbill.support.AtomicFiles;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.nio.file.Path;

/**
 * {@code --metrics-file F} ({@code trunkbill.metrics-file}): the Prometheus text exposition of every metric,
 * written at the end of every job the node_exporter textfile-collector way: to {@code F.tmp}, then renamed
 * onto {@code F}, so the collector never reads half a file. Nothing is written when the property is empty.
 */
@Component
public class MetricsFile {

    private static final Logger log = LoggerFactory.getLogger(MetricsFile.class);

    private final PrometheusMeterRegistry registry;
    private final TrunkbillMetrics trunkbillMetrics;
    private final String file;

    public MetricsFile(PrometheusMeterRegistry registry, TrunkbillMetrics trunkbillMetrics,
                       @Value("${trunkbill.metrics-file:}") String file) {
        this.registry = registry;
        this.trunkbillMetrics = trunkbillMetrics;
        this.file = file;
    }

    public boolean enabled() {
        return !file.isBlank();
    }

    /** Refreshes trunkbill's own metrics from the database and writes the file (when configured). */
    public void write() {
        if (!enabled()) {
            return;
        }
        trunkbillMetrics.refresh();
        Path target = Path.of(file).toAbsolutePath();
        AtomicFiles.writeString(target, registry.scrape());
        log.info("metrics written to {}", target);
    }
}
