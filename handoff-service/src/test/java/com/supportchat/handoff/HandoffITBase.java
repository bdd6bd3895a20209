package com.supportchat.handoff;

import java.util.UUID;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.json.JsonMapper;

import com.supportchat.handoff.security.TokenProperties;
import com.supportchat.resourceserver.TokenDecoders;
import com.supportchat.testsupport.CloudEventTestClient;
import com.supportchat.testsupport.ServiceInfrastructure;
import com.supportchat.testsupport.TestTokens;

/**
 * The one Spring context of this module's ITs: the whole service on a random port against the real
 * PostgreSQL and the in-process Kafka broker. Each test uses its own org and conversation ids.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "supportchat.handoff.timeouts.scan-interval=1h")
@AutoConfigureWebTestClient
@Import(HandoffITBase.TestKeyDecoder.class)
public abstract class HandoffITBase {

    @DynamicPropertySource
    static void props(DynamicPropertyRegistry r) {
        ServiceInfrastructure.register(r, "handoff-service");
    }

    @Autowired
    protected WebTestClient web;

    @Autowired
    protected JsonMapper mapper;

    /** Plays the other services on the test broker. */
    protected CloudEventTestClient kafka() {
        return CloudEventTestClient.shared(mapper);
    }

    protected static String newId(String prefix) {
        return prefix + "-" + UUID.randomUUID();
    }

    protected WebTestClient as(String orgId, String role) {
        return web.mutate().defaultHeader("Authorization", "Bearer " + TestTokens.operator(orgId, role)).build();
    }

    /** The test key instead of identity-service's JWKS; the service's own issuer and audience checks. */
    @TestConfiguration(proxyBeanMethods = false)
    static class TestKeyDecoder {

        @Bean
        @Primary
        ReactiveJwtDecoder testJwtDecoder(TokenProperties properties) {
            return TestTokens.decoder(TokenDecoders.validator(properties.issuer(), properties.audience()));
        }
    }
}
