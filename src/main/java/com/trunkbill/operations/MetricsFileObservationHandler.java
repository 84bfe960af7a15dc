package com.trunkbill.operations;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;

/**
 * At the end of every job ({@code spring.batch.job} observation stopped, whatever the job's status) writes the
 * metrics file. A failure to write is logged, never fails the job: the billing result matters more than its
 * metrics. The {@link MetricsFile} is looked up lazily so that the observation registry, needed early by Spring
 * Batch's bean post-processor, does not pull the database in.
 */
class MetricsFileObservationHandler implements ObservationHandler<Observation.Context> {

    static final String JOB_OBSERVATION = "spring.batch.job";
    private static final Logger log = LoggerFactory.getLogger(MetricsFileObservationHandler.class);

    private final ObjectProvider<MetricsFile> metricsFile;

    MetricsFileObservationHandler(ObjectProvider<MetricsFile> metricsFile) {
        this.metricsFile = metricsFile;
    }

    @Override
    public boolean supportsContext(Observation.Context context) {
        return JOB_OBSERVATION.equals(context.getName());
    }

    @Override
    public void onStop(Observation.Context context) {
        try {
            metricsFile.ifAvailable(MetricsFile::write);
        } catch (RuntimeException e) {
            log.warn("metrics file not written: {}", e.getMessage(), e);
        }
    }
}
