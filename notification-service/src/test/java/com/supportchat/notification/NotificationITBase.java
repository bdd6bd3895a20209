package com.supportchat.notification;

import java.util.UUID;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import tools.jackson.databind.json.JsonMapper;

import com.supportchat.notification.security.TokenProperties;
import com.supportchat.resourceserver.TokenDecoders;
import com.supportchat.testsupport.CloudEventTestClient;
import com.supportchat.testsupport.ServiceInfrastructure;
import com.supportchat.testsupport.TestTokens;

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

/**
 * The one Spring context of this module's ITs: the service on a random port with the real PostgreSQL, the
 * in-process Kafka broker, a real SMTP server (GreenMail) and a fake Twilio-compatible API on a real HTTP
 * server. Both servers live as long as the JVM, like the context. Tests use their own org, recipients and ids.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "supportchat.notification.channels.resilience.initial-backoff=50ms",
        "supportchat.notification.channels.dispatch.poll-interval=500ms",
        "supportchat.notification.renotify.scan-interval=1h" })
@AutoConfigureWebTestClient
@Import(NotificationITBase.TestKeyDecoder.class)
public abstract class NotificationITBase {

    protected static final GreenMail SMTP = startSmtp();
    protected static final FakeSmsProvider SMS = new FakeSmsProvider();

    @DynamicPropertySource
    static void props(DynamicPropertyRegistry r) {
        ServiceInfrastructure.register(r, "notification-service");
        r.add("spring.mail.host", () -> "127.0.0.1");
        r.add("spring.mail.port", () -> SMTP.getSmtp().getPort());
        r.add("supportchat.notification.channels.sms.base-url", SMS::baseUrl);
        r.add("supportchat.notification.channels.sms.account-sid", () -> "ACtest");
        r.add("supportchat.notification.channels.sms.auth-token", () -> "secret-token");
        r.add("supportchat.notification.channels.sms.from", () -> "+15550001111");
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

    /** A distinct E.164 number per call. */
    protected static String newPhone() {
        return "+1555" + String.format("%07d", Math.floorMod(UUID.randomUUID().hashCode(), 10_000_000));
    }

    protected WebTestClient as(String orgId, String role) {
        return web.mutate().defaultHeader("Authorization", "Bearer " + TestTokens.operator(orgId, role)).build();
    }

    private static GreenMail startSmtp() {
        GreenMail mail = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
        mail.start();
        return mail;
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
