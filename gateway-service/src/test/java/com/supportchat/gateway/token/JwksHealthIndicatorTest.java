package com.supportchat.gateway.token;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Status;
import org.springframework.web.reactive.function.client.WebClient;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;

import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;

class JwksHealthIndicatorTest {

    private final AtomicBoolean identityUp = new AtomicBoolean();

    private DisposableServer identity;

    private JwksKeySource keySource;

    @AfterEach
    void tearDown() {
        if (keySource != null) {
            keySource.stop();
        }
        if (identity != null) {
            identity.disposeNow();
        }
    }

    @Test
    void downUntilTheJwksHasBeenFetchedThenUp() throws Exception {
        String jwks = new JWKSet(new RSAKeyGenerator(2048).keyID("k1").generate().toPublicJWK()).toString();
        identity = HttpServer.create()
                .host("127.0.0.1")
                .port(0)
                .route(routes -> routes.get("/.well-known/jwks.json", (request, response) -> identityUp.get()
                        ? response.header("Content-Type", "application/json").sendString(Mono.just(jwks))
                        : response.status(503).send()))
                .bindNow();
        TokenProperties properties = new TokenProperties(
                URI.create("http://127.0.0.1:" + identity.port() + "/.well-known/jwks.json"), "supportchat-identity",
                "supportchat-widget", "supportchat-console", Duration.ofMinutes(5), Duration.ofSeconds(10),
                Duration.ofMillis(50), null, null);
        keySource = new JwksKeySource(WebClient.create(), properties, Clock.systemUTC(),
                properties.jwksInitialBackoff());
        JwksHealthIndicator health = new JwksHealthIndicator(keySource);

        keySource.start();

        assertThat(health.health().map(h -> h.getStatus()).block()).isEqualTo(Status.DOWN);

        identityUp.set(true);

        await().atMost(Duration.ofSeconds(20))
                .until(() -> Status.UP.equals(health.health().map(h -> h.getStatus()).block()));
        assertThat(keySource.keyCount()).isEqualTo(1);
    }
}
