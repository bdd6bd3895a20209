package com.supportchat.gateway.edge;

import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.LastHttpContent;

/**
 * Closes a connection whose request line and headers take longer than {@code timeout} to arrive (slow-loris:
 * a client that trickles a header byte every few seconds keeps the connection from ever looking idle, so the
 * idle timeout alone does not catch it). The clock starts when the connection opens and again at the first byte
 * of each later request on a kept-alive connection, and stops when the HTTP codec has decoded the whole head.
 * The body and the response (a live stream may last hours) are not limited here.
 *
 * <p>Two pipeline handlers share this state, on the connection's event loop only: {@link #rawBytes()} before the
 * HTTP codec sees the first byte, {@link #decoded()} after it sees the decoded head.
 */
final class RequestHeadTimeout {

    private final long timeoutNanos;

    private ScheduledFuture<?> timer;

    /** True between a decoded request head and the end of that request's body. */
    private boolean inRequest;

    RequestHeadTimeout(Duration timeout) {
        this.timeoutNanos = timeout.toNanos();
    }

    ChannelInboundHandlerAdapter rawBytes() {
        return new ChannelInboundHandlerAdapter() {
            @Override
            public void channelActive(ChannelHandlerContext ctx) throws Exception {
                arm(ctx);
                super.channelActive(ctx);
            }

            @Override
            public void handlerAdded(ChannelHandlerContext ctx) {
                if (ctx.channel().isActive()) {
                    arm(ctx);
                }
            }

            @Override
            public void channelRead(ChannelHandlerContext ctx, Object msg) throws Exception {
                if (msg instanceof ByteBuf && !inRequest && timer == null) {
                    arm(ctx);
                }
                super.channelRead(ctx, msg);
            }

            @Override
            public void channelInactive(ChannelHandlerContext ctx) throws Exception {
                disarm();
                super.channelInactive(ctx);
            }
        };
    }

    ChannelInboundHandlerAdapter decoded() {
        return new ChannelInboundHandlerAdapter() {
            @Override
            public void channelRead(ChannelHandlerContext ctx, Object msg) throws Exception {
                if (msg instanceof HttpRequest) {
                    disarm();
                    inRequest = true;
                }
                if (msg instanceof LastHttpContent) {
                    inRequest = false;
                }
                super.channelRead(ctx, msg);
            }
        };
    }

    private void arm(ChannelHandlerContext ctx) {
        if (timer == null) {
            timer = ctx.executor().schedule(() -> {
                timer = null;
                ctx.channel().close();
            }, timeoutNanos, TimeUnit.NANOSECONDS);
        }
    }

    private void disarm() {
        if (timer != null) {
            timer.cancel(false);
            timer = null;
        }
    }
}
