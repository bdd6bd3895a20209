package com.supportchat.gateway.edge;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param trustForwardedHeaders true when a trusted load balancer sits in front of the gateway: then the
 *        client IP is the first {@code X-Forwarded-For} entry and inbound forwarded headers are kept;
 *        false (default) when browsers connect directly: they are dropped and the socket address is used
 */
@ConfigurationProperties("supportchat.gateway.edge")
public record EdgeProperties(boolean trustForwardedHeaders) {
}
