package org.counterspace.web;

import java.text.MessageFormat;
import java.util.Locale;

import org.springframework.boot.autoconfigure.context.MessageSourceProperties;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.support.ResourceBundleMessageSource;

/**
 * The pages' messages, set up from {@code spring.messages.*} as Spring Boot would, except that a
 * message with arguments is formatted on a copy of its cached {@link MessageFormat}. Spring formats
 * on the one cached instance while holding its lock; with 32 connections on two cores the threads of
 * every page queued on the same few messages, spinning and parking, which made the check-in history
 * cost several times its own work. A copy is a few arrays, and its lock is never contended.
 */
@Configuration(proxyBeanMethods = false)
class UnsharedMessageFormats {

    @Bean
    @ConfigurationProperties("spring.messages")
    MessageSourceProperties messageSourceProperties() {
        return new MessageSourceProperties();
    }

    @Bean
    MessageSource messageSource(MessageSourceProperties properties) {
        CopyingMessageSource messages = new CopyingMessageSource();
        messages.setBasenames(properties.getBasename().toArray(String[]::new));
        if (properties.getEncoding() != null) {
            messages.setDefaultEncoding(properties.getEncoding().name());
        }
        messages.setFallbackToSystemLocale(properties.isFallbackToSystemLocale());
        if (properties.getCacheDuration() != null) {
            messages.setCacheMillis(properties.getCacheDuration().toMillis());
        }
        messages.setAlwaysUseMessageFormat(properties.isAlwaysUseMessageFormat());
        messages.setUseCodeAsDefaultMessage(properties.isUseCodeAsDefaultMessage());
        return messages;
    }

    /** Hands out a copy of the cached format, for the caller to format on alone. */
    static class CopyingMessageSource extends ResourceBundleMessageSource {

        @Override
        protected MessageFormat resolveCode(String code, Locale locale) {
            MessageFormat cached = super.resolveCode(code, locale);
            return cached == null ? null : (MessageFormat) cached.clone();
        }
    }
}
