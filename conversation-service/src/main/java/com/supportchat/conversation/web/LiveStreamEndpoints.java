package com.supportchat.conversation.web;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import com.supportchat.conversation.settings.WidgetSettings;
import com.supportchat.conversation.settings.WidgetSettingsRepository;
import com.supportchat.conversation.stream.LiveUpdates;
import com.supportchat.conversation.thread.ConversationNotFoundException;
import com.supportchat.conversation.thread.ConversationService;
import com.supportchat.conversation.thread.Owner;
import com.supportchat.resourceserver.ProblemResponses;
import com.supportchat.resourceserver.RolesClaim;

import org.springframework.core.Ordered;
import org.springframework.core.ResolvableType;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.codec.HttpMessageWriter;
import org.springframework.http.codec.ServerCodecConfigurer;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.http.server.PathContainer;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.authorization.ReactiveAuthorizationManager;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.oauth2.server.resource.authentication.JwtReactiveAuthenticationManager;
import org.springframework.security.oauth2.server.resource.web.server.authentication.ServerBearerTokenAuthenticationConverter;
import org.springframework.security.web.server.authorization.AuthorizationContext;
import org.springframework.security.web.server.header.CacheControlServerHttpHeadersWriter;
import org.springframework.security.web.server.header.CompositeServerHttpHeadersWriter;
import org.springframework.security.web.server.header.ContentTypeOptionsServerHttpHeadersWriter;
import org.springframework.security.web.server.header.ServerHttpHeadersWriter;
import org.springframework.security.web.server.header.XFrameOptionsServerHttpHeadersWriter;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.ServerWebInputException;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

import static com.supportchat.resourceserver.AudienceAuthorization.audience;

/**
 * The two live-update streams ({@code GET /widget/v1/conversations/{id}/events}, {@code GET /api/v1/events}),
 * served here, ahead of the security filter chain and the annotated controllers, because a stream keeps its
 * request's state for as long as the page stays open. Through the filter chain and a controller method, every open
 * stream held about 19 KiB of per-request state: the security filters' operators and checkpoints, the decoded
 * token (Nimbus and Spring forms), the filter chain's matching buffer, and the handler method's argument-resolver
 * cache. Here the token is checked with the same pieces the chain uses (bearer converter, the service's
 * {@link ReactiveJwtDecoder}, the roles claim, the audience rule, the same 401/403 problem writers). The stream
 * then starts detached from that work, keeping only the caller's {@link Owner} or org.
 */
@Component
class LiveStreamEndpoints implements WebFilter, Ordered {

    private static final Logger log = LoggerFactory.getLogger(LiveStreamEndpoints.class);

    /** Before the security filter chain (order -100). */
    static final int ORDER = -200;

    private static final PathPattern WIDGET_STREAM = PathPatternParser.defaultInstance
        .parse("/widget/v1/conversations/{id}/events");
    private static final PathPattern OPERATOR_STREAM = PathPatternParser.defaultInstance.parse("/api/v1/events");
    private static final ResolvableType EVENTS = ResolvableType.forClassWithGenerics(ServerSentEvent.class, Object.class);
    /** What Spring Security's default header writers add to every response of the filter chain. */
    private static final ServerHttpHeadersWriter SECURITY_HEADERS = new CompositeServerHttpHeadersWriter(
            new CacheControlServerHttpHeadersWriter(), new ContentTypeOptionsServerHttpHeadersWriter(),
            new XFrameOptionsServerHttpHeadersWriter());

    private final ServerBearerTokenAuthenticationConverter bearer = new ServerBearerTokenAuthenticationConverter();
    private final JwtReactiveAuthenticationManager tokens;
    private final ReactiveAuthorizationManager<AuthorizationContext> widgetAudience = audience(SecurityConfiguration.WIDGET);
    private final ReactiveAuthorizationManager<AuthorizationContext> consoleAudience = audience(SecurityConfiguration.CONSOLE);
    private final EventStreams streams;
    private final ConversationService conversations;
    private final WidgetSettingsRepository settings;
    private final HttpMessageWriter<Object> eventWriter;

    @SuppressWarnings("unchecked")
    LiveStreamEndpoints(ReactiveJwtDecoder jwtDecoder, EventStreams streams, ConversationService conversations,
            WidgetSettingsRepository settings, ServerCodecConfigurer codecs) {
        this.tokens = new JwtReactiveAuthenticationManager(jwtDecoder);
        this.tokens.setJwtAuthenticationConverter(RolesClaim.authenticationConverter());
        this.streams = streams;
        this.conversations = conversations;
        this.settings = settings;
        this.eventWriter = (HttpMessageWriter<Object>) codecs.getWriters().stream()
            .filter(writer -> writer.canWrite(EVENTS, MediaType.TEXT_EVENT_STREAM))
            .findFirst()
            .orElseThrow(() -> new IllegalStateException("no Server-Sent Events writer among the codecs"));
    }

    @Override
    public int getOrder() {
        return ORDER;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        if (exchange.getRequest().getMethod() != HttpMethod.GET) {
            return chain.filter(exchange);
        }
        PathContainer path = exchange.getRequest().getPath().pathWithinApplication();
        if (OPERATOR_STREAM.matches(path)) {
            return serve(exchange, consoleAudience, jwt -> Mono.just(streams.org(Callers.org(jwt))));
        }
        PathPattern.PathMatchInfo widget = WIDGET_STREAM.matchAndExtract(path);
        if (widget != null) {
            String id = widget.getUriVariables().get("id");
            return serve(exchange, widgetAudience, jwt -> conversation(exchange, Callers.owner(jwt), id));
        }
        return chain.filter(exchange);
    }

    /**
     * Authenticates and authorizes like the filter chain, opens the stream with what {@code open} needs of the
     * token, and writes it. Refusals and lookups that fail are problem details, as everywhere else.
     */
    private Mono<Void> serve(ServerWebExchange exchange, ReactiveAuthorizationManager<AuthorizationContext> access,
            Function<Jwt, Mono<Flux<ServerSentEvent<Object>>>> open) {
        CompletableFuture<Flux<ServerSentEvent<Object>>> opened = bearer.convert(exchange)
            .switchIfEmpty(Mono.error(() -> new AuthenticationCredentialsNotFoundException("no bearer token")))
            .flatMap(tokens::authenticate)
            .flatMap(authentication -> access.authorize(Mono.just(authentication), new AuthorizationContext(exchange))
                .filter(decision -> decision.isGranted())
                .switchIfEmpty(Mono.error(() -> new AccessDeniedException(SecurityConfiguration.DENIED)))
                .map(granted -> ((JwtAuthenticationToken) authentication).getToken()))
            .flatMap(open)
            .toFuture();
        // The stream, open for hours, starts from the finished future: the token checks and lookups above, and
        // everything they held, can be collected.
        return Mono.fromFuture(opened)
            .flatMap(events -> SECURITY_HEADERS.writeHttpHeaders(exchange)
                .then(eventWriter.write(events, EVENTS, MediaType.TEXT_EVENT_STREAM, exchange.getResponse(), Map.of())))
            .onErrorResume(ex -> refuse(exchange, ex));
    }

    /** The problem detail for a refused stream; one operator for all of them (it stays with the open stream). */
    private static Mono<Void> refuse(ServerWebExchange exchange, Throwable ex) {
        if (ex instanceof AuthenticationException unauthenticated) {
            return SecurityConfiguration.UNAUTHORIZED.commence(exchange, unauthenticated);
        }
        if (ex instanceof AccessDeniedException denied) {
            return SecurityConfiguration.FORBIDDEN.handle(exchange, denied);
        }
        if (ex instanceof ConversationNotFoundException notFound) {
            return ProblemResponses.write(exchange, HttpStatus.NOT_FOUND, "not-found", "Not found", notFound.getMessage());
        }
        if (ex instanceof ServerWebInputException badInput) {
            return ProblemResponses.write(exchange, HttpStatus.BAD_REQUEST, "validation", "Invalid request",
                    badInput.getReason() == null ? "The request is malformed." : badInput.getReason());
        }
        if (ex instanceof LiveUpdates.SlowClientException) {
            // the response is long committed: end it; the client reconnects with Last-Event-ID and loses nothing
            log.info("Disconnected a slow event-stream client");
            return Mono.empty();
        }
        return Mono.error(ex);
    }

    /** The visitor's own conversation, resumed after Last-Event-ID (or {@code afterSeq}); else the whole thread. */
    private Mono<Flux<ServerSentEvent<Object>>> conversation(ServerWebExchange exchange, Owner owner, String id) {
        UUID conversationId;
        try {
            conversationId = UUID.fromString(id);
        }
        catch (IllegalArgumentException ex) {
            return Mono.error(new ServerWebInputException("id must be a conversation id (UUID)"));
        }
        long after = resumeAfter(exchange.getRequest().getHeaders().getFirst("Last-Event-ID"),
                exchange.getRequest().getQueryParams().getFirst("afterSeq"));
        return settings.find(owner.orgId()).map(WidgetSettings::operatorLabel)
            .zipWith(conversations.getForOwner(owner, conversationId))
            .map(found -> streams.conversation(found.getT2(), after, found.getT1()));
    }

    /** Last-Event-ID wins over {@code afterSeq}; with neither, 0 (replay the whole thread). */
    static long resumeAfter(String lastEventId, String afterSeq) {
        if (lastEventId != null && !lastEventId.isBlank()) {
            return Math.max(0, number(lastEventId, "Last-Event-ID must be the seq number of the last event received"));
        }
        if (afterSeq == null || afterSeq.isBlank()) {
            return 0;
        }
        long after = number(afterSeq, "afterSeq must be a number");
        if (after < 0) {
            throw new ServerWebInputException("afterSeq must be greater than or equal to 0");
        }
        return after;
    }

    private static long number(String value, String otherwise) {
        try {
            return Long.parseLong(value.strip());
        }
        catch (NumberFormatException ex) {
            throw new ServerWebInputException(otherwise);
        }
    }
}
