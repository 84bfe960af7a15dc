package com.trunkbill.rating;

import com.trunkbill.rating.model.RatingOutcome;
import org.springframework.batch.core.listener.ItemWriteListener;
import org.springframework.batch.core.scope.context.StepSynchronizationManager;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

import java.util.concurrent.atomic.AtomicReference;

/**
 * Fails the first chunk written by the named partition, once. A top-level class, so that Spring's test context
 * does not find its configuration as a nested default configuration of the test classes that import it.
 */
class FailingPartition implements ItemWriteListener<RatingOutcome> {
    final AtomicReference<String> partition = new AtomicReference<>();

    @Override
    public void beforeWrite(Chunk<? extends RatingOutcome> items) {
        StepExecution step = StepSynchronizationManager.getContext().getStepExecution();
        String armed = partition.get();
        if (step.getStepName().equals(armed) && partition.compareAndSet(armed, null)) {
            throw new IllegalStateException("injected failure in " + step.getStepName());
        }
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class Configuration {
        @Bean
        FailingPartition failingPartition() {
            return new FailingPartition();
        }
    }
}
