package com.supportchat.gateway.edge;

import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.reactor.netty.NettyServerCustomizer;
import org.springframework.stereotype.Component;

import reactor.netty.NettyPipeline;
import reactor.netty.http.server.HttpServer;

/**
 * Adds {@link RequestHeadTimeout} around the HTTP codec of every connection. Idle keep-alive connections are
 * closed by {@code server.netty.idle-timeout}.
 */
@Component
class ConnectionTimeouts implements NettyServerCustomizer {

    private static final Logger log = LoggerFactory.getLogger(ConnectionTimeouts.class);

    private final Duration requestHeadTimeout;

    ConnectionTimeouts(EdgeProperties properties) {
        this.requestHeadTimeout = properties.requestHeadTimeout();
    }

    @Override
    public HttpServer apply(HttpServer server) {
        return server.doOnChannelInit((observer, channel, remoteAddress) -> {
            if (channel.pipeline().get(NettyPipeline.HttpCodec) == null) {
                log.warn("no HTTP codec in the pipeline; request heads are not timed on this connection");
                return;
            }
            RequestHeadTimeout timeout = new RequestHeadTimeout(requestHeadTimeout);
            channel.pipeline().addBefore(NettyPipeline.HttpCodec, "supportchat.requestHeadTimeout.raw",
                    timeout.rawBytes());
            channel.pipeline().addAfter(NettyPipeline.HttpCodec, "supportchat.requestHeadTimeout.decoded",
                    timeout.decoded());
        });
    }
}
