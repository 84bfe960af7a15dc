package com.trunkbill.batch;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.Chunk;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ProgressListenerTests {

    private final ListAppender<ILoggingEvent> appender = new ListAppender<>();
    private final Logger logger = (Logger) LoggerFactory.getLogger(ProgressListener.class);

    @BeforeEach
    void capture() {
        appender.start();
        logger.addAppender(appender);
    }

    @AfterEach
    void release() {
        logger.detachAppender(appender);
    }

    @Test
    void reportsProgressAfterChunksOfASpringBatch6StepAndClosesWithASummary() {
        JobExecution job = new JobExecution(1L, new JobInstance(1L, "someJob"), new JobParameters());
        StepExecution step = new StepExecution(1L, "rateCdrsStep", job);
        ProgressListener listener = new ProgressListener(Duration.ZERO);

        listener.beforeStep(step);
        step.setReadCount(5_000);
        step.setWriteCount(4_990);
        listener.afterChunk(new Chunk<>(List.of()));
        listener.afterStep(step);

        assertThat(appender.list).extracting(ILoggingEvent::getFormattedMessage)
                .hasSize(2)
                .first().asString().startsWith("rateCdrsStep: 5000 read, 4990 written so far (");
        assertThat(appender.list.get(1).getFormattedMessage())
                .startsWith("rateCdrsStep: 5000 read, 4990 written, 0 filtered, 0 skipped in ");
    }
}
