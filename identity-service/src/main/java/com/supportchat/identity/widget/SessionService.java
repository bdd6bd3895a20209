package com.supportchat.identity.widget;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import reactor.core.publisher.Mono;

import com.supportchat.events.IdentityType;
import com.supportchat.events.VisitorIdentified;
import com.supportchat.identity.contact.Contact;
import com.supportchat.identity.contact.ContactTokens;
import com.supportchat.identity.contact.Contacts;
import com.supportchat.identity.org.Org;
import com.supportchat.identity.org.Orgs;
import com.supportchat.identity.org.WidgetToken;
import com.supportchat.identity.secret.Secrets;
import com.supportchat.identity.signing.IssuedToken;
import com.supportchat.identity.visitor.UntrustedData;
import com.supportchat.identity.visitor.Visitor;
import com.supportchat.identity.visitor.Visitors;
import com.supportchat.resourceserver.Problem;
import com.supportchat.messaging.Outbox;

import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;

/**
 * Starts (or renews) a widget session. The visitor write and the {@code VisitorIdentified} outbox row
 * commit together; the access token is signed only after that commit.
 */
@Service
class SessionService {

    private final Orgs orgs;
    private final Visitors visitors;
    private final Contacts contacts;
    private final ContactTokens contactTokens;
    private final WidgetAccessTokens accessTokens;
    private final Outbox outbox;
    private final TransactionalOperator tx;
    private final WidgetProperties properties;
    private final Clock clock;
    private final MeterRegistry meters;
    private final SessionRules sessionRules;
    private final UntrustedData untrustedData;
    private final SessionBudget budget;

    SessionService(Orgs orgs, Visitors visitors, Contacts contacts, ContactTokens contactTokens,
            WidgetAccessTokens accessTokens, Outbox outbox, TransactionalOperator tx, WidgetProperties properties,
            Clock clock, MeterRegistry meters, SessionRules sessionRules, UntrustedData untrustedData,
            SessionBudget budget) {
        this.budget = budget;
        this.sessionRules = sessionRules;
        this.untrustedData = untrustedData;
        this.orgs = orgs;
        this.visitors = visitors;
        this.contacts = contacts;
        this.contactTokens = contactTokens;
        this.accessTokens = accessTokens;
        this.outbox = outbox;
        this.tx = tx;
        this.properties = properties;
        this.clock = clock;
        this.meters = meters;
        for (IdentityType type : IdentityType.values()) {
            sessions(type);
        }
    }

    Mono<Session> start(SessionRequest request, String origin) {
        String oversized = request.user() == null ? null : untrustedData.violation(request.user().extra());
        if (oversized != null) {
            return Mono.error(Problem.validation("user.extra: " + oversized));
        }
        return orgs.findWidgetToken(request.widgetToken())
            .switchIfEmpty(Mono.error(() -> Problem.unauthorized("Unknown widget token")))
            .flatMap(widget -> {
                if (!widget.allowsOrigin(origin)) {
                    return Mono.error(Problem.forbidden("This widget token is not allowed on origin " + origin));
                }
                return Mono.zip(orgs.find(widget.orgId()), provenContact(request, widget))
                    .flatMap(found -> tx.transactional(identify(request, found.getT1(),
                            found.getT2().map(ProvenContact::contact).orElse(null),
                            found.getT2().map(ProvenContact::externalId).orElse(null))))
                    .flatMap(visit -> Mono.zip(accessTokens.issue(widget.orgId(), visit.identity()),
                            sessionRules.find(widget.orgId()))
                        .map(issued -> session(visit, issued.getT1(), visit.org(), issued.getT2())))
                    .doOnNext(session -> sessions(session.identity().type()).increment());
            });
    }

    private Counter sessions(IdentityType type) {
        return Counter.builder("supportchat.identity.sessions")
            .description("widget sessions started or renewed, by identity type")
            .tag("identity", type.name().toLowerCase(Locale.ROOT))
            .register(meters);
    }

    /**
     * The contact a user token proves, with the account scope its token binds; a token that proves nothing
     * is a 401, never a quieter identity. So is an {@code externalId} other than the token's: the page may
     * repeat the scope or leave it out, never choose another account's history.
     */
    private Mono<Optional<ProvenContact>> provenContact(SessionRequest request, WidgetToken widget) {
        if (request.userToken() == null || request.userToken().isBlank()) {
            return Mono.just(Optional.empty());
        }
        String requestedScope = blankToNull(request.externalId());
        return contactTokens.verify(request.userToken(), widget.orgId())
            .flatMap(verified -> requestedScope != null && !requestedScope.equals(verified.externalId())
                    ? Mono.error(Problem.unauthorized("The externalId is not the one the user token was issued for"))
                    : contacts.find(widget.orgId(), verified.contactId())
                        .map(contact -> new ProvenContact(contact, verified.externalId())))
            .switchIfEmpty(Mono.error(() -> Problem.unauthorized("The user token is invalid or expired")))
            .map(Optional::of);
    }

    private Mono<Visit> identify(SessionRequest request, Org org, Contact contact, String externalId) {
        SessionRequest.User user = request.user();
        String name = user == null ? null : blankToNull(user.name());
        String email = user == null ? null : blankToNull(user.email());
        Map<String, Object> extra = user == null || user.extra() == null ? Map.of() : user.extra();
        Map<String, String> metadata = request.metadata() == null ? Map.of() : request.metadata().asMap();
        UUID contactId = contact == null ? null : contact.id();

        Mono<Visit> returning = request.visitorToken() == null || request.visitorToken().isBlank() ? Mono.empty()
                : visitors.findByToken(org.id(), request.visitorToken(), properties.visitorIdleExpiry())
                    .flatMap(visitor -> visitors.revisit(visitor, contactId, name, email, extra, metadata))
                    .map(visitor -> new Visit(org, visitor, request.visitorToken(), contact, null));
        Mono<Visit> fresh = Mono.defer(() -> {
            String visitorToken = Secrets.random("vt_", 32);
            return budget.take(org.id())
                .then(visitors.create(org.id(), visitorToken, contactId, name, email, extra, metadata))
                .map(visitor -> new Visit(org, visitor, visitorToken, contact, null));
        });
        return returning.switchIfEmpty(fresh)
            .map(visit -> visit.withIdentity(ResolvedIdentity.resolve(visit.visitor(), contact, externalId)))
            .flatMap(visit -> outbox.publish(identified(visit)).thenReturn(visit));
    }

    private VisitorIdentified identified(Visit visit) {
        ResolvedIdentity identity = visit.identity();
        Map<String, Object> trusted = visit.contact() == null ? Map.of() : withoutNulls(visit.contact().trustedData());
        return new VisitorIdentified(visit.org().id().toString(), identity.ownerKey(), identity.visitorId().toString(),
                identity.contactId() == null ? null : identity.contactId().toString(), identity.externalId(),
                identity.type(), identity.name(), identity.email(), trusted,
                withoutNulls(visit.visitor().untrustedData()), visit.visitor().metadata(), clock.instant());
    }

    /** The label: the session rules' (conversation-service owns it), else the org's, else the default. */
    private Session session(Visit visit, IssuedToken token, Org org, SessionRules.Rules rules) {
        String label = rules.operatorLabel() != null && !rules.operatorLabel().isBlank() ? rules.operatorLabel()
                : org.operatorLabel() == null || org.operatorLabel().isBlank()
                        ? properties.defaultOperatorLabel() : org.operatorLabel();
        return new Session(token, visit.visitorToken(), visit.identity(), org.id(), label, rules);
    }

    /** The event copies its maps, and immutable maps hold no null values. */
    private static Map<String, Object> withoutNulls(Map<String, Object> map) {
        Map<String, Object> copy = new LinkedHashMap<>();
        map.forEach((key, value) -> {
            if (value != null) {
                copy.put(key, value);
            }
        });
        return copy;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    /** A contact proven by a user token, and the account scope that token binds (null: none). */
    private record ProvenContact(Contact contact, String externalId) {
    }

    private record Visit(Org org, Visitor visitor, String visitorToken, Contact contact, ResolvedIdentity identity) {

        Visit withIdentity(ResolvedIdentity resolved) {
            return new Visit(org, visitor, visitorToken, contact, resolved);
        }
    }

    /** A started session: what the widget needs and nothing the server keeps secret. */
    record Session(IssuedToken accessToken, String visitorToken, ResolvedIdentity identity, UUID orgId,
            String operatorLabel, SessionRules.Rules rules) {

        @Override
        public String toString() {
            return "Session[identity=" + identity + "]";
        }
    }
}
