package com.supportchat.identity.widget;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.validation.Valid;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST /widget/v1/session}: the widget's first call, and its way to renew the access token. */
@RestController
class SessionController {

    private final SessionService sessions;

    SessionController(SessionService sessions) {
        this.sessions = sessions;
    }

    @PostMapping("/widget/v1/session")
    Mono<SessionResponse> start(@RequestHeader(name = HttpHeaders.ORIGIN, required = false) String origin,
            @Valid @RequestBody Mono<SessionRequest> body) {
        return body.flatMap(request -> sessions.start(request, origin)).map(SessionResponse::of);
    }

    record SessionResponse(String accessToken, Instant expiresAt, String visitorToken, Identity identity,
            Config config) {

        static SessionResponse of(SessionService.Session session) {
            ResolvedIdentity identity = session.identity();
            return new SessionResponse(session.accessToken().token(), session.accessToken().expiresAt(),
                    session.visitorToken(),
                    new Identity(identity.typeWire(), identity.visitorId().toString(),
                            identity.contactId() == null ? null : identity.contactId().toString(),
                            identity.externalId(), identity.ownerKey(), identity.name(), identity.email()),
                    Config.of(session));
        }

        @Override
        public String toString() {
            return "SessionResponse[identity=" + identity + "]";
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Identity(String type, String visitorId, String contactId, String externalId, String owner, String name,
            String email) {
    }

    /**
     * The org's session rules and widget settings, as conversation-service (their owner) last published
     * them; {@code GET /widget/v1/settings} answers the same from the source.
     */
    record Config(String orgId, String operatorLabel, boolean allowMultipleOpen, boolean showConversationList,
            boolean firstTimeStraightToChat, boolean visitorCanClose, boolean helpfulPrompt) {

        static Config of(SessionService.Session session) {
            SessionRules.Rules rules = session.rules();
            return new Config(session.orgId().toString(), session.operatorLabel(), rules.allowMultipleOpen(),
                    rules.showConversationList(), rules.firstTimeStraightToChat(), rules.visitorCanClose(),
                    rules.helpfulPrompt());
        }
    }
}
