package com.supportchat.resourceserver.revocation;

import java.time.Clock;
import java.time.Duration;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;

import com.supportchat.messaging.EventHandler;

/**
 * The revoked-operator registry every resource server checks tokens against, its feed from Kafka, and the check
 * itself: every {@link ReactiveJwtDecoder} bean of the service is wrapped, however the service builds it, so each
 * place that accepts a token (the filter chain, the live streams) refuses a cut-off operator's.
 */
@AutoConfiguration
public class RevocationAutoConfiguration {

    /**
     * A cut matters while a token issued before it may be unexpired: console tokens live 15 minutes, widget tokens
     * (never operators') an hour; an hour and a little covers both.
     */
    static final Duration REMEMBER = Duration.ofMinutes(65);

    @Bean
    @ConditionalOnMissingBean
    RevokedOperators revokedOperators() {
        return new RevokedOperators(REMEMBER, Clock.systemUTC());
    }

    @Bean
    static BeanPostProcessor revocationCheckingDecoders(ObjectProvider<RevokedOperators> revoked) {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String name) {
                return bean instanceof ReactiveJwtDecoder decoder && !(bean instanceof RevocationCheckingDecoder)
                    ? new RevocationCheckingDecoder(decoder, new NotRevoked(revoked.getObject()))
                    : bean;
            }
        };
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(EventHandler.class)
    static class Feed {

        @Bean
        OperatorAccessFeed operatorAccessFeed(RevokedOperators revoked) {
            return new OperatorAccessFeed(revoked);
        }
    }
}
