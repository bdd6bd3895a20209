package com.supportchat.resourceserver.revocation;

import java.time.Clock;
import java.time.Duration;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.supportchat.messaging.EventHandler;

/** The revoked-operator registry every resource server checks tokens against, and its feed from Kafka. */
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

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(EventHandler.class)
    static class Feed {

        @Bean
        OperatorAccessFeed operatorAccessFeed(RevokedOperators revoked) {
            return new OperatorAccessFeed(revoked);
        }
    }
}
