package com.supportchat.identity.signing;

import java.time.Clock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.transaction.reactive.TransactionalOperator;

import com.supportchat.resourceserver.secrets.SecretBox;

@Configuration(proxyBeanMethods = false)
class SigningConfiguration {

    private static final Logger log = LoggerFactory.getLogger(SigningConfiguration.class);

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    /** Seals the signing keys' private halves (and any other secret this service stores). */
    @Bean
    SecretBox secretBox(Environment environment) {
        return SecretBox.fromEnvironment(environment);
    }

    @Bean
    SigningKeys signingKeys(DatabaseClient db, TransactionalOperator tx, SecretBox secrets, TokenProperties properties,
            Clock clock) {
        return new SigningKeys(db, tx, secrets, properties.keyCacheTtl(), clock);
    }

    @Bean
    KeyRotation keyRotation(SigningKeys keys, TokenProperties properties) {
        return new KeyRotation(keys, properties);
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

    /**
     * Re-seals stored private keys under the primary master key (keys stored in plaintext before, or sealed
     * under a master key being rotated out), then creates the first signing key at start-up rather than on
     * the first request.
     */
    @EventListener(ApplicationReadyEvent.class)
    void ensureSigningKey(ApplicationReadyEvent event) {
        SecretBox secrets = event.getApplicationContext().getBean(SecretBox.class);
        DatabaseClient db = event.getApplicationContext().getBean(DatabaseClient.class);
        SigningKeys.PRIVATE_KEYS.rewrap(db, secrets)
            .onErrorResume(error -> {
                log.warn("Could not re-seal the stored signing keys: {}", error.toString());
                return reactor.core.publisher.Mono.just(0L);
            })
            .then(event.getApplicationContext().getBean(SigningKeys.class).activeKey())
            .subscribe(key -> log.info("Signing with key {}", key.getKeyID()),
                    error -> log.warn("No signing key yet; will retry on first use: {}", error.toString()));
    }
}
