package com.supportchat.conversation.web;

import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import reactor.core.publisher.Mono;

import com.fasterxml.jackson.annotation.JsonInclude;

import com.supportchat.conversation.customer.CustomerRepository;
import com.supportchat.conversation.feedback.AnalyticsQueries;
import com.supportchat.conversation.inbox.InboxPage;
import com.supportchat.conversation.inbox.InboxQueries;
import com.supportchat.conversation.settings.WidgetSettings;
import com.supportchat.conversation.settings.WidgetSettingsRepository;
import com.supportchat.conversation.settings.WidgetSettingsService;
import com.supportchat.conversation.thread.Conversation;
import com.supportchat.conversation.thread.ConversationService;
import com.supportchat.conversation.web.Views.ConversationDetail;
import com.supportchat.conversation.web.Views.ConversationView;
import com.supportchat.conversation.web.Views.CustomerView;
import com.supportchat.conversation.web.Views.MessageView;
import com.supportchat.events.ConversationStatus;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The operator console's API, always scoped to the operator's org: another org's conversation is 404. */
@RestController
@Validated
@RequestMapping("/api/v1")
class OperatorConversationController {

    private static final int THREAD_LIMIT = 1000;

    private final ConversationService conversations;
    private final InboxQueries inbox;
    private final CustomerRepository customers;
    private final WidgetSettingsRepository settings;
    private final AnalyticsQueries analytics;
    private final WidgetSettingsService settingsService;

    OperatorConversationController(ConversationService conversations, InboxQueries inbox, CustomerRepository customers,
            WidgetSettingsRepository settings, AnalyticsQueries analytics,
            WidgetSettingsService settingsService) {
        this.analytics = analytics;
        this.settingsService = settingsService;
        this.conversations = conversations;
        this.inbox = inbox;
        this.customers = customers;
        this.settings = settings;
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record InboxGroupView(CustomerView customer, int conversationCount, java.time.Instant lastActivityAt,
            String lastMessagePreview, String status, List<ConversationView> conversations) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record InboxView(List<InboxGroupView> groups, String nextCursor) {
    }

    /** Conversations grouped by customer, newest activity first; {@code cursor} comes from the previous page. */
    @GetMapping("/conversations")
    Mono<InboxView> inbox(@AuthenticationPrincipal Jwt jwt, @RequestParam(required = false) ConversationStatus status,
            @RequestParam(required = false) String cursor, @RequestParam(defaultValue = "25") @Min(1) @Max(100) int limit) {
        return inbox.page(Callers.org(jwt), status, cursor, limit).map(OperatorConversationController::view);
    }

    @GetMapping("/conversations/{id}")
    Mono<ConversationDetail> detail(@AuthenticationPrincipal Jwt jwt, @PathVariable UUID id) {
        return conversations.getForOrg(Callers.org(jwt), id).flatMap(c -> Mono.zip(
                customers.find(c.orgId(), c.ownerKey()).map(CustomerView::of).defaultIfEmpty(CustomerView.fallback(c)),
                conversations.entriesAfter(c, 0, THREAD_LIMIT).map(e -> MessageView.of(e, null)).collectList())
            .map(found -> new ConversationDetail(ConversationView.of(c, null, true, null), found.getT1(), found.getT2())));
    }

    @PostMapping("/conversations/{id}/messages")
    Mono<ResponseEntity<MessageView>> reply(@AuthenticationPrincipal Jwt jwt, @PathVariable UUID id,
            @Valid @RequestBody Requests.PostMessage body) {
        return conversations.postOperatorMessage(Callers.org(jwt), Callers.operator(jwt), id, body.clientMessageId(),
                body.text())
            .map(posted -> ResponseEntity.status(HttpStatus.ACCEPTED).body(MessageView.of(posted.message(), null)));
    }

    @PostMapping("/conversations/{id}/escalate")
    Mono<ConversationView> escalate(@AuthenticationPrincipal Jwt jwt, @PathVariable UUID id) {
        return conversations.escalateByOperator(Callers.org(jwt), Callers.operator(jwt), id).map(this::view);
    }

    @PostMapping("/conversations/{id}/resolve")
    Mono<ConversationView> resolve(@AuthenticationPrincipal Jwt jwt, @PathVariable UUID id) {
        return conversations.resolveByOperator(Callers.org(jwt), Callers.operator(jwt), id).map(this::view);
    }

    @PostMapping("/conversations/{id}/claim")
    Mono<ConversationView> claim(@AuthenticationPrincipal Jwt jwt, @PathVariable UUID id) {
        return conversations.claim(Callers.org(jwt), Callers.operator(jwt), id).map(this::view);
    }

    @PostMapping("/conversations/{id}/release")
    Mono<ConversationView> release(@AuthenticationPrincipal Jwt jwt, @PathVariable UUID id) {
        return conversations.release(Callers.org(jwt), Callers.operator(jwt), id).map(this::view);
    }

    @GetMapping("/settings/widget")
    Mono<WidgetSettings> widgetSettings(@AuthenticationPrincipal Jwt jwt) {
        return settings.find(Callers.org(jwt));
    }

    @PutMapping("/settings/widget")
    Mono<WidgetSettings> updateWidgetSettings(@AuthenticationPrincipal Jwt jwt, @Valid @RequestBody WidgetSettings body) {
        return settingsService.update(Callers.org(jwt), body);
    }

    /** The analytics summary over [from, to) (default: the last 30 days). */
    @GetMapping("/analytics/summary")
    Mono<AnalyticsQueries.Summary> analytics(@AuthenticationPrincipal Jwt jwt,
            @RequestParam(required = false) java.time.Instant from, @RequestParam(required = false) java.time.Instant to) {
        java.time.Instant end = to == null ? java.time.Instant.now() : to;
        java.time.Instant start = from == null ? end.minus(java.time.Duration.ofDays(30)) : from;
        if (!start.isBefore(end)) {
            return Mono.error(new IllegalArgumentException("from must be before to"));
        }
        return analytics.summary(Callers.org(jwt), start, end);
    }

    private ConversationView view(Conversation c) {
        return ConversationView.of(c, null, true, null);
    }

    private static InboxView view(InboxPage page) {
        return new InboxView(page.groups().stream().map(g -> new InboxGroupView(
                g.customer() == null ? CustomerView.fallback(g.latest()) : CustomerView.of(g.customer()),
                g.conversationCount(), g.lastActivityAt(), g.latest() == null ? null : g.latest().lastMessagePreview(),
                g.latest() == null ? null : g.latest().status().name(),
                g.conversations().stream().map(c -> ConversationView.of(c, null, true, null)).toList())).toList(),
                page.nextCursor());
    }
}
