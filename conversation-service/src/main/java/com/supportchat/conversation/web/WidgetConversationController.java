package com.supportchat.conversation.web;

import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import reactor.core.publisher.Mono;

import com.supportchat.conversation.feedback.FeedbackService;
import com.supportchat.conversation.settings.WidgetSettings;
import com.supportchat.conversation.settings.WidgetSettingsRepository;
import com.supportchat.conversation.thread.ConversationService;
import com.supportchat.conversation.thread.Owner;
import com.supportchat.conversation.web.Views.ConversationView;
import com.supportchat.conversation.web.Views.MessageView;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The widget's API: a visitor sees and changes only the conversations of its own history. */
@RestController
@Validated
@RequestMapping("/widget/v1")
class WidgetConversationController {

    private final ConversationService conversations;
    private final WidgetSettingsRepository settings;
    private final FeedbackService feedback;

    WidgetConversationController(ConversationService conversations, WidgetSettingsRepository settings,
            FeedbackService feedback) {
        this.conversations = conversations;
        this.settings = settings;
        this.feedback = feedback;
    }

    /** The org's session rules, for the widget to decide what to show. */
    @GetMapping("/settings")
    Mono<WidgetSettings> sessionRules(@AuthenticationPrincipal Jwt jwt) {
        return settings.find(Callers.org(jwt));
    }

    @GetMapping("/conversations")
    Mono<List<ConversationView>> list(@AuthenticationPrincipal Jwt jwt) {
        Owner owner = Callers.owner(jwt);
        return label(owner).flatMap(label -> conversations.listForOwner(owner)
            .map(c -> ConversationView.of(c, null, false, label))
            .collectList());
    }

    @PostMapping("/conversations")
    Mono<ResponseEntity<ConversationView>> start(@AuthenticationPrincipal Jwt jwt,
            @Valid @RequestBody(required = false) Requests.StartConversation body) {
        Owner owner = Callers.owner(jwt);
        Requests.StartConversation request = body == null ? new Requests.StartConversation(null, null) : body;
        return label(owner).flatMap(label -> conversations.start(owner, request.clientMessageId(), request.text())
            .map(started -> ResponseEntity.status(started.created() ? HttpStatus.CREATED : HttpStatus.OK)
                .body(ConversationView.of(started.conversation(),
                        started.firstMessage() == null ? null : MessageView.of(started.firstMessage(), label), false,
                        label))));
    }

    @GetMapping("/conversations/{id}")
    Mono<ConversationView> get(@AuthenticationPrincipal Jwt jwt, @PathVariable UUID id) {
        Owner owner = Callers.owner(jwt);
        return label(owner).flatMap(label -> conversations.getForOwner(owner, id)
            .map(c -> ConversationView.of(c, null, false, label)));
    }

    @GetMapping("/conversations/{id}/messages")
    Mono<List<MessageView>> messages(@AuthenticationPrincipal Jwt jwt, @PathVariable UUID id,
            @RequestParam(defaultValue = "0") @Min(0) long afterSeq,
            @RequestParam(defaultValue = "500") @Min(1) @Max(1000) int limit) {
        Owner owner = Callers.owner(jwt);
        return label(owner).flatMap(label -> conversations.getForOwner(owner, id)
            .flatMapMany(c -> conversations.entriesAfter(c, afterSeq, limit))
            .map(e -> MessageView.of(e, label))
            .collectList());
    }

    /** 202: stored and on its way to the AI and the operators. A retried clientMessageId returns the same message. */
    @PostMapping("/conversations/{id}/messages")
    Mono<ResponseEntity<MessageView>> post(@AuthenticationPrincipal Jwt jwt, @PathVariable UUID id,
            @Valid @RequestBody Requests.PostMessage body) {
        Owner owner = Callers.owner(jwt);
        return label(owner).flatMap(label -> conversations.postVisitorMessage(owner, id, body.clientMessageId(), body.text())
            .map(posted -> ResponseEntity.status(HttpStatus.ACCEPTED).body(MessageView.of(posted.message(), label))));
    }

    @PostMapping("/conversations/{id}/resolve")
    Mono<ConversationView> resolve(@AuthenticationPrincipal Jwt jwt, @PathVariable UUID id) {
        Owner owner = Callers.owner(jwt);
        return label(owner).flatMap(label -> conversations.resolveByVisitor(owner, id)
            .map(c -> ConversationView.of(c, null, false, label)));
    }

    /** 202: the request goes to the handoff policy; the decision arrives on the event stream. */
    @PostMapping("/conversations/{id}/handoff")
    Mono<ResponseEntity<ConversationView>> handoff(@AuthenticationPrincipal Jwt jwt, @PathVariable UUID id) {
        Owner owner = Callers.owner(jwt);
        return label(owner).flatMap(label -> conversations.requestHandoffByVisitor(owner, id)
            .map(c -> ResponseEntity.status(HttpStatus.ACCEPTED).body(ConversationView.of(c, null, false, label))));
    }

    /** 201: "was this helpful?" on an AI answer, or the CSAT rating of a resolved conversation. */
    @PostMapping("/conversations/{id}/feedback")
    Mono<ResponseEntity<FeedbackService.Feedback>> feedback(@AuthenticationPrincipal Jwt jwt, @PathVariable UUID id,
            @Valid @RequestBody Requests.SubmitFeedback body) {
        if (!body.isHelpfulVote() && !body.isRating()) {
            return Mono.error(new IllegalArgumentException(
                    "send either messageId and helpful, or rating (1-5) with an optional comment"));
        }
        Owner owner = Callers.owner(jwt);
        return conversations.getForOwner(owner, id)
            .flatMap(c -> body.isRating() ? feedback.csat(c, body.rating(), body.comment())
                    : feedback.helpful(c, body.messageId(), body.helpful()))
            .map(saved -> ResponseEntity.status(HttpStatus.CREATED).body(saved));
    }

    private Mono<String> label(Owner owner) {
        return settings.find(owner.orgId()).map(WidgetSettings::operatorLabel);
    }
}
