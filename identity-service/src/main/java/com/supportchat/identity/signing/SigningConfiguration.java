package com.supportchat.identity.signing;

import java.time.Clock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.transaction.reactive.TransactionalOperator;

@Configuration(proxyBeanMethods = false)
class SigningConfiguration {

    private static final Logger log = LoggerFactory.getLogger(SigningConfiguration.class);

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    SigningKeys signingKeys(DatabaseClient db, TransactionalOperator tx, TokenProperties properties, Clock clock) {
        return new SigningKeys(db, tx, properties.keyCacheTtl(), clock);
    }

    @Bean
    Tokens tokens(SigningKeys keys, TokenProperties properties, Clock clock) {
        return new Tokens(keys, new TokenSigner(properties.issuer()), clock);
    }

    /** The resource server's decoder: only operator (console) tokens authenticate {@code /api/**}. */
    @Bean
    ReactiveJwtDecoder consoleJwtDecoder(Tokens tokens) {
        return tokens.decoderFor(Audiences.CONSOLE);
    }

    /** Creates the first signing key at start-up rather than on the first request. */
    @EventListener(ApplicationReadyEvent.class)
    void ensureSigningKey(ApplicationReadyEvent event) {
        event.getApplicationContext().getBean(SigningKeys.class).activeKey()
            .subscribe(key -> log.info("Signing with key {}", key.getKeyID()),
                    error -> log.warn("No signing key yet; will retry on first use: {}", error.toString()));
    }
}
