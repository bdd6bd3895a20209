package com.supportchat.handoff.record;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import com.supportchat.events.HandoffTrigger;

/**
 * A handoff as operators see it. {@code timeToHumanSeconds} runs from the request to the first operator
 * message; {@code overdue} says the visitor waited longer than the org's {@code renotifyAfter} without a human.
 */
public record HandoffView(
        UUID id,
        String requestId,
        String conversationId,
        HandoffTrigger trigger,
        String source,
        String summary,
        String status,
        String reason,
        String visitorMessage,
        boolean outsideOfficeHours,
        Instant teamBackAt,
        String operatorId,
        String operatorName,
        Instant requestedAt,
        Instant decidedAt,
        Instant claimedAt,
        Instant firstHumanReplyAt,
        Instant releasedAt,
        Instant resolvedAt,
        Long timeToClaimSeconds,
        Long timeToHumanSeconds,
        boolean overdue,
        Instant overdueSince,
        boolean handbackDue) {

    static HandoffView of(HandoffRecord r) {
        return new HandoffView(r.id(), r.requestId(), r.conversationId(), r.trigger(), r.source(), r.summary(),
                r.status().name().toLowerCase(), r.reason(), r.visitorMessage(), r.outsideOfficeHours(), r.teamBackAt(),
                r.operatorId(), r.operatorName(), r.requestedAt(), r.decidedAt(), r.claimedAt(), r.firstHumanReplyAt(),
                r.releasedAt(), r.resolvedAt(), seconds(r.requestedAt(), r.claimedAt()),
                seconds(r.requestedAt(), r.firstHumanReplyAt()), r.overdueAt() != null, r.overdueAt(),
                r.handbackDueAt() != null);
    }

    private static Long seconds(Instant from, Instant to) {
        return from == null || to == null ? null : Duration.between(from, to).toSeconds();
    }
}
