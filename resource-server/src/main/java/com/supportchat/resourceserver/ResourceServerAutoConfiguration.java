package com.supportchat.resourceserver;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.observation.SecurityObservationSettings;

/**
 * What every service's security shares beyond its own path rules.
 */
@AutoConfiguration
public class ResourceServerAutoConfiguration {

    /**
     * No observations of Spring Security's filter chain, authentications and authorizations. With an
     * observation registry present, Spring Security otherwise wraps each of its filters in an observing
     * decorator: CPU on every request, and on a Server-Sent Events stream those wrappers live as long as the
     * stream (about 4 KiB each). Nothing reads them here (no tracing); {@code http.server.requests} stays.
     */
    @Bean
    @ConditionalOnMissingBean
    SecurityObservationSettings securityObservationSettings() {
        return SecurityObservationSettings.noObservations();
    }

    /** Only where there is a database to lose: spring-tx and the R2DBC SPI on the class path. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
    @ConditionalOnClass(name = { "org.springframework.dao.DataAccessException", "io.r2dbc.spi.R2dbcException" })
    static class DatabaseOutages {

        @Bean
        @ConditionalOnMissingBean
        DatabaseUnavailableHandler databaseUnavailableHandler() {
            return new DatabaseUnavailableHandler();
        }
    }
}
