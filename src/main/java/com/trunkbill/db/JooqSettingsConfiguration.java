package com.trunkbill.db;

import org.jooq.conf.RenderQuotedNames;
import org.springframework.boot.jooq.autoconfigure.DefaultConfigurationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * jOOQ settings shared by H2 and PostgreSQL. The generated names are upper case; rendering them unquoted
 * lets PostgreSQL fold them to its lower-case tables (NOTES.md: quoted names are not found there).
 */
@Configuration(proxyBeanMethods = false)
public class JooqSettingsConfiguration {

    @Bean
    DefaultConfigurationCustomizer trunkbillJooqSettings() {
        return configuration -> configuration.settings()
                .withRenderQuotedNames(RenderQuotedNames.EXPLICIT_DEFAULT_UNQUOTED)
                .withExecuteLogging(false);
    }
}
