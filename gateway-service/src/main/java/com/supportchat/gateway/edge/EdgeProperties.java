package com.supportchat.gateway.edge;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Which peers may tell the gateway who the client is.
 *
 * @param trustedProxies addresses or CIDR ranges of the load balancers and proxies in front of the gateway
 *        (for example {@code 10.0.0.0/8}). A request from one of them keeps its forwarded headers, and the
 *        client address is read from {@code X-Forwarded-For} <em>from the right</em>, skipping the entries
 *        these proxies wrote: the first address no trusted proxy owns is the client. A request from any other
 *        peer has its forwarded headers dropped and the socket address is the client. Empty by default: the
 *        gateway faces browsers directly.
 * @param trustForwardedHeaders the older switch: true trusts the immediate peer, whatever its address, as one
 *        proxy (the client is then the rightmost {@code X-Forwarded-For} entry). Prefer {@code trustedProxies}.
 * @param requestHeadTimeout how long a request line and its headers may take to arrive ({@link RequestHeadTimeout})
 */
@ConfigurationProperties("supportchat.gateway.edge")
public record EdgeProperties(List<String> trustedProxies, boolean trustForwardedHeaders,
        Duration requestHeadTimeout) {

    public EdgeProperties {
        if (requestHeadTimeout == null) {
            requestHeadTimeout = Duration.ofSeconds(10);
        }
        trustedProxies = trustedProxies == null ? List.of()
                : trustedProxies.stream().map(String::trim).filter(s -> !s.isEmpty()).toList();
    }
}
