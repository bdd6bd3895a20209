package com.supportchat.gateway.edge;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;

import reactor.core.publisher.Mono;

class ForwardedHeadersPolicyTest {

    private final AtomicReference<ServerHttpRequest> forwarded = new AtomicReference<>();

    private final GatewayFilterChain chain = exchange -> {
        forwarded.set(exchange.getRequest());
        return Mono.empty();
    };

    @Test
    void atTheEdgeForwardedHeadersMadeUpByClientsAreDropped() {
        new ForwardedHeadersPolicy(new EdgeProperties(false)).filter(spoofed(), chain).block();

        assertThat(forwarded.get().getHeaders().containsHeader("X-Forwarded-For")).isFalse();
        assertThat(forwarded.get().getHeaders().containsHeader("Forwarded")).isFalse();
        assertThat(forwarded.get().getHeaders().containsHeader("X-Forwarded-Host")).isFalse();
    }

    @Test
    void aRequestWithoutForwardedHeadersIsPassedOnAsItIs() {
        MockServerWebExchange plain = MockServerWebExchange.from(MockServerHttpRequest.get("/widget/v1/session")
                .remoteAddress(new InetSocketAddress("10.0.0.1", 5555))
                .header("Authorization", "Bearer t"));

        new ForwardedHeadersPolicy(new EdgeProperties(false)).filter(plain, chain).block();

        assertThat(forwarded.get()).isSameAs(plain.getRequest());
    }

    @Test
    void anyOneForwardedHeaderIsDropped() {
        for (String name : new String[] { "Forwarded", "X-Forwarded-For", "x-forwarded-host", "X-FORWARDED-PORT",
                "X-Forwarded-Proto", "X-Forwarded-Prefix" }) {
            MockServerWebExchange one = MockServerWebExchange.from(MockServerHttpRequest.get("/widget/v1/session")
                    .header(name, "made-up"));

            new ForwardedHeadersPolicy(new EdgeProperties(false)).filter(one, chain).block();

            assertThat(forwarded.get().getHeaders().containsHeader(name)).as(name).isFalse();
        }
    }

    @Test
    void behindATrustedProxyTheyAreKept() {
        new ForwardedHeadersPolicy(new EdgeProperties(true)).filter(spoofed(), chain).block();

        assertThat(forwarded.get().getHeaders().getFirst("X-Forwarded-For")).isEqualTo("6.6.6.6, 7.7.7.7");
    }

    @Test
    void theClientAddressComesFromTheProxyOnlyWhenTrusted() {
        assertThat(new ClientAddress(new EdgeProperties(true)).of(spoofed())).isEqualTo("6.6.6.6");
        assertThat(new ClientAddress(new EdgeProperties(false)).of(spoofed())).isNotEqualTo("6.6.6.6");
    }

    private static MockServerWebExchange spoofed() {
        return MockServerWebExchange.from(MockServerHttpRequest.get("/widget/v1/session")
                .remoteAddress(new InetSocketAddress("10.0.0.1", 5555))
                .header("X-Forwarded-For", "6.6.6.6, 7.7.7.7")
                .header("X-Forwarded-Host", "evil.example")
                .header("Forwarded", "for=6.6.6.6"));
    }
}
