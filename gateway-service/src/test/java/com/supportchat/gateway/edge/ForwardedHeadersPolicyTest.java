package com.supportchat.gateway.edge;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.util.List;
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
        policy(new EdgeProperties(List.of(), false, null)).filter(spoofed(), chain).block();

        assertThat(forwarded.get().getHeaders().containsHeader("X-Forwarded-For")).isFalse();
        assertThat(forwarded.get().getHeaders().containsHeader("Forwarded")).isFalse();
        assertThat(forwarded.get().getHeaders().containsHeader("X-Forwarded-Host")).isFalse();
    }

    @Test
    void aRequestWithoutForwardedHeadersIsPassedOnAsItIs() {
        MockServerWebExchange plain = MockServerWebExchange.from(MockServerHttpRequest.get("/widget/v1/session")
                .remoteAddress(new InetSocketAddress("10.0.0.1", 5555))
                .header("Authorization", "Bearer t"));

        policy(new EdgeProperties(List.of(), false, null)).filter(plain, chain).block();

        assertThat(forwarded.get()).isSameAs(plain.getRequest());
    }

    @Test
    void anyOneForwardedHeaderIsDropped() {
        for (String name : new String[] { "Forwarded", "X-Forwarded-For", "x-forwarded-host", "X-FORWARDED-PORT",
                "X-Forwarded-Proto", "X-Forwarded-Prefix" }) {
            MockServerWebExchange one = MockServerWebExchange.from(MockServerHttpRequest.get("/widget/v1/session")
                    .header(name, "made-up"));

            policy(new EdgeProperties(List.of(), false, null)).filter(one, chain).block();

            assertThat(forwarded.get().getHeaders().containsHeader(name)).as(name).isFalse();
        }
    }

    @Test
    void behindATrustedProxyTheyAreKept() {
        policy(new EdgeProperties(List.of(), true, null)).filter(spoofed(), chain).block();

        assertThat(forwarded.get().getHeaders().getFirst("X-Forwarded-For")).isEqualTo("6.6.6.6, 7.7.7.7");
    }

    @Test
    void withOneProxyOfUnknownAddressTheClientIsTheEntryItWrote() {
        // "6.6.6.6" was typed by the client; the proxy appended the address it saw: 7.7.7.7
        assertThat(new ClientAddress(new EdgeProperties(List.of(), true, null)).of(spoofed())).isEqualTo("7.7.7.7");
        assertThat(new ClientAddress(new EdgeProperties(List.of(), false, null)).of(spoofed())).isEqualTo("10.0.0.1");
    }

    @Test
    void theClientIsTheFirstAddressFromTheRightThatNoTrustedProxyOwns() {
        ClientAddress address = new ClientAddress(new EdgeProperties(List.of("10.0.0.0/8", "192.0.2.7"), false, null));

        MockServerWebExchange twoHops = from("10.0.0.1", "6.6.6.6, 203.0.113.9, 192.0.2.7, 10.2.3.4");

        assertThat(address.of(twoHops)).isEqualTo("203.0.113.9");
        assertThat(address.isTrustedPeer(twoHops)).isTrue();
    }

    @Test
    void forwardedHeadersFromAnUntrustedPeerAreIgnoredAndDropped() {
        ClientAddress address = new ClientAddress(new EdgeProperties(List.of("10.0.0.0/8"), false, null));
        MockServerWebExchange direct = from("198.51.100.20", "6.6.6.6");

        assertThat(address.of(direct)).isEqualTo("198.51.100.20");
        new ForwardedHeadersPolicy(address).filter(direct, chain).block();
        assertThat(forwarded.get().getHeaders().containsHeader("X-Forwarded-For")).isFalse();
    }

    @Test
    void severalHeadersPortsAndBracketsAreReadAsOneChain() {
        ClientAddress address = new ClientAddress(new EdgeProperties(List.of("10.0.0.0/8", "2001:db8::/32"), false, null));
        MockServerWebExchange exchange = MockServerWebExchange.from(MockServerHttpRequest.get("/api/v1/auth/login")
                .remoteAddress(new InetSocketAddress("10.0.0.1", 5555))
                .header("X-Forwarded-For", "1.1.1.1, 203.0.113.9:4711")
                .header("X-Forwarded-For", "[2001:db8::5]:443"));

        assertThat(address.of(exchange)).isEqualTo("203.0.113.9");
    }

    @Test
    void namesInTheChainAreNeverTrustedOrResolved() {
        ClientAddress address = new ClientAddress(new EdgeProperties(List.of("10.0.0.0/8"), false, null));

        assertThat(address.of(from("10.0.0.1", "6.6.6.6, proxy.internal.example"))).isEqualTo("proxy.internal.example");
    }

    @Test
    void whenEveryEntryIsAProxyTheLeftmostIsTaken() {
        ClientAddress address = new ClientAddress(new EdgeProperties(List.of("10.0.0.0/8"), false, null));

        assertThat(address.of(from("10.0.0.1", "10.9.9.9, 10.0.0.2"))).isEqualTo("10.9.9.9");
        assertThat(address.of(from("10.0.0.1", null))).isEqualTo("10.0.0.1");
    }

    private ForwardedHeadersPolicy policy(EdgeProperties properties) {
        return new ForwardedHeadersPolicy(new ClientAddress(properties));
    }

    private static MockServerWebExchange from(String peer, String forwardedFor) {
        MockServerHttpRequest.BaseBuilder<?> request = MockServerHttpRequest.get("/api/v1/auth/login")
                .remoteAddress(new InetSocketAddress(peer, 5555));
        if (forwardedFor != null) {
            request.header("X-Forwarded-For", forwardedFor);
        }
        return MockServerWebExchange.from(request);
    }

    private static MockServerWebExchange spoofed() {
        return MockServerWebExchange.from(MockServerHttpRequest.get("/widget/v1/session")
                .remoteAddress(new InetSocketAddress("10.0.0.1", 5555))
                .header("X-Forwarded-For", "6.6.6.6, 7.7.7.7")
                .header("X-Forwarded-Host", "evil.example")
                .header("Forwarded", "for=6.6.6.6"));
    }
}
