package com.trunkbill.testsupport;

import org.jooq.DSLContext;
import org.springframework.batch.core.job.JobExecution;

import java.util.HashMap;
import java.util.Map;

/** The partitions of a partitioned step as the job repository recorded them, for restart tests. */
public final class PartitionSteps {

    private PartitionSteps() {
    }

    /** How many step executions each partition of {@code managerStep} has in these job executions, by name. */
    public static Map<String, Integer> count(DSLContext db, String managerStep, JobExecution... executions) {
        Map<String, Integer> steps = new HashMap<>();
        for (JobExecution execution : executions) {
            db.fetch("select step_name from batch_step_execution where step_name like ? and job_execution_id = ?",
                            managerStep + ":%", execution.getId())
                    .getValues(0, String.class)
                    .forEach(name -> steps.merge(name, 1, Integer::sum));
        }
        return steps;
    }
}
