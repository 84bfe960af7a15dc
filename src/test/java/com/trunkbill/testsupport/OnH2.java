package com.trunkbill.testsupport;

import org.springframework.boot.test.context.SpringBootTest;

import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Runs a {@link DatabaseTest} on an in-memory H2 database (the embedded default's engine), with the clock stopped
 * at {@link #NOW}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Inherited
@SpringBootTest(properties = {
        "spring.batch.job.enabled=false",
        "spring.datasource.url=jdbc:h2:mem:trunkbill-test;DB_CLOSE_DELAY=-1",
        "spring.datasource.username=sa",
        "spring.datasource.password=",
        "trunkbill.output-dir=target/test-out/h2",
        "trunkbill.clock.fixed=" + OnH2.NOW})
public @interface OnH2 {

    /**
     * "Now" in database tests: results that depend on the current time (the CDR bounds of import-cdrs) are the
     * same on any date the tests run.
     */
    String NOW = "2026-11-15T00:00:00Z";
}
