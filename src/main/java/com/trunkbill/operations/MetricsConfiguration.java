package com.trunkbill.operations;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.observation.DefaultMeterObservationHandler;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Metrics of every job. Spring Batch 6 records its Micrometer metrics ({@code spring.batch.job},
 * {@code spring.batch.step}, {@code spring.batch.item.read}, ...) through an {@link ObservationRegistry} bean:
 * Boot's batch auto-configuration then registers {@code BatchObservabilityBeanPostProcessor}, which hands it to
 * every job and step. Its {@link DefaultMeterObservationHandler} turns observations into meters of the
 * Prometheus registry; {@link MetricsFileObservationHandler} writes that registry to
 * {@code trunkbill.metrics-file} when a job's observation stops.
 */
@Configuration(proxyBeanMethods = false)
public class MetricsConfiguration {

    @Bean
    PrometheusMeterRegistry prometheusMeterRegistry() {
        return new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    }

    /**
     * Long task timers ({@code *_active_seconds}) are not recorded: a file written when the job has ended would
     * always show them at 0, and they cost a meter lookup per observation. Per-item observations
     * ({@code spring.batch.item.read} / {@code .process}: one per CDR) can be switched off for the last bit
     * of throughput with {@code trunkbill.metrics.item-observations=false}; job, step and chunk metrics stay.
     */
    @Bean
    ObservationRegistry observationRegistry(MeterRegistry meterRegistry,
                                            ObjectProvider<MetricsFile> metricsFile,
                                            @Value("${trunkbill.metrics.item-observations:true}")
                                            boolean itemObservations) {
        ObservationRegistry registry = ObservationRegistry.create();
        // Handlers are told of a stop in reverse order: the meter handler (registered last) records the job's
        // timer first, then the file handler writes it out.
        registry.observationConfig()
                .observationHandler(new MetricsFileObservationHandler(metricsFile))
                .observationHandler(new DefaultMeterObservationHandler(meterRegistry,
                        DefaultMeterObservationHandler.IgnoredMeters.LONG_TASK_TIMER));
        if (!itemObservations) {
            registry.observationConfig().observationPredicate((name, context) -> !name.startsWith("spring.batch.item."));
        }
        return registry;
    }
}
