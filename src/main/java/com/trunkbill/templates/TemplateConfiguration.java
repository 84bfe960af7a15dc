package com.trunkbill.templates;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.support.ReloadableResourceBundleMessageSource;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.FileTemplateResolver;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Templates and labels of the documents trunkbill writes (invoices, report pages). Spring Boot's Thymeleaf
 * engine resolves {@code templates/<name>.html} from the jar; with {@code trunkbill.template-dir} set (CLI
 * {@code --template-dir DIR}) a template of that folder at the same relative path is tried first, and a
 * {@code messages.properties} (or {@code messages_<lang>.properties}) there overrides labels of the jar's bundle.
 * An operator brands or translates documents that way without rebuilding.
 */
@Configuration(proxyBeanMethods = false)
public class TemplateConfiguration {

    /** The operator's template folder, tried before the jar's templates (a missing file falls through). */
    @Bean
    @ConditionalOnProperty("trunkbill.template-dir")
    FileTemplateResolver operatorTemplateResolver(@Value("${trunkbill.template-dir}") Path dir) {
        Path folder = templateFolder(dir);
        FileTemplateResolver resolver = new FileTemplateResolver();
        resolver.setPrefix(folder + File.separator);
        resolver.setSuffix(".html");
        resolver.setTemplateMode(TemplateMode.HTML);
        resolver.setCharacterEncoding("UTF-8");
        resolver.setCheckExistence(true);
        resolver.setOrder(0);
        return resolver;
    }

    /** One bundle for every label: the operator's {@code messages*.properties} first, then the jar's. */
    @Bean
    MessageSource messageSource(@Value("${trunkbill.template-dir:}") String dir) {
        List<String> basenames = new ArrayList<>();
        if (!dir.isBlank()) {
            basenames.add(templateFolder(Path.of(dir)).resolve("messages").toUri().toString());
        }
        basenames.add("classpath:messages");
        ReloadableResourceBundleMessageSource messages = new ReloadableResourceBundleMessageSource();
        messages.setBasenames(basenames.toArray(String[]::new));
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        return messages;
    }

    private static Path templateFolder(Path dir) {
        Path folder = dir.toAbsolutePath().normalize();
        if (!Files.isDirectory(folder)) {
            throw new IllegalStateException("trunkbill.template-dir " + dir + " is not a folder");
        }
        return folder;
    }
}
