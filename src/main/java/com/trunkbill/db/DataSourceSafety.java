package com.trunkbill.db;

import com.zaxxer.hikari.HikariDataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.util.Locale;

/**
 * Settings that make a kill or a lost database survivable, applied to every JDBC URL, the operator's own included
 * (docs/reliability.md):
 * <ul>
 *   <li>H2 file databases get {@code trunkbill.db.h2-settings} (default {@code WRITE_DELAY=0}: a commit is written
 *       to the file before it is acknowledged, so a killed process loses no committed transaction) for every
 *       setting the URL does not already name;</li>
 *   <li>PostgreSQL gets a {@code socketTimeout} ({@code trunkbill.db.socket-timeout}, seconds) unless the URL sets
 *       one, so a database host that vanishes fails the job instead of hanging it.</li>
 * </ul>
 */
@Component
public class DataSourceSafety implements BeanPostProcessor {

    private final String h2Settings;
    private final int socketTimeoutSeconds;

    public DataSourceSafety(@Value("${trunkbill.db.h2-settings:WRITE_DELAY=0}") String h2Settings,
                            @Value("${trunkbill.db.socket-timeout:600}") int socketTimeoutSeconds) {
        this.h2Settings = h2Settings;
        this.socketTimeoutSeconds = socketTimeoutSeconds;
    }

    @Override
    public Object postProcessBeforeInitialization(Object bean, String beanName) {
        if (bean instanceof HikariDataSource hikari && hikari.getJdbcUrl() != null) {
            String url = hikari.getJdbcUrl();
            if (isH2File(url)) {
                hikari.setJdbcUrl(withH2Settings(url, h2Settings));
            } else if (url.startsWith("jdbc:postgresql:") && !url.toLowerCase(Locale.ROOT).contains("sockettimeout")
                    && socketTimeoutSeconds > 0) {
                hikari.addDataSourceProperty("socketTimeout", String.valueOf(socketTimeoutSeconds));
            }
        }
        return bean;
    }

    static boolean isH2File(String url) {
        return url.startsWith("jdbc:h2:") && !url.startsWith("jdbc:h2:mem:") && !url.startsWith("jdbc:h2:tcp:")
                && !url.startsWith("jdbc:h2:ssl:");
    }

    /** {@code url} plus each {@code NAME=value} of {@code settings} (';'-separated) that it does not name yet. */
    static String withH2Settings(String url, String settings) {
        StringBuilder result = new StringBuilder(url);
        String upperUrl = url.toUpperCase(Locale.ROOT);
        for (String setting : settings.split(";")) {
            String trimmed = setting.strip();
            int equals = trimmed.indexOf('=');
            if (equals <= 0) {
                continue;
            }
            String name = trimmed.substring(0, equals).toUpperCase(Locale.ROOT);
            if (!upperUrl.contains(";" + name + "=")) {
                result.append(';').append(trimmed);
            }
        }
        return result.toString();
    }
}
