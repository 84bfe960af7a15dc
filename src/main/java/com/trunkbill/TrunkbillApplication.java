package com.trunkbill;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The Spring Boot application behind every trunkbill job. Started by {@link com.trunkbill.cli.TrunkbillMain}
 * (subcommands) or directly with {@code --spring.batch.job.name=...} (plain Spring Batch launch).
 */
@SpringBootApplication
public class TrunkbillApplication {
}
