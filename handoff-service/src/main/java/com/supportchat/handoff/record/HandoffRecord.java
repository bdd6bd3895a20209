package com.supportchat.handoff.record;

import java.time.Instant;
import java.util.UUID;

import com.supportchat.events.HandoffTrigger;
import com.supportchat.handoff.policy.HandoffDecision;

/**
 * One handoff request and what became of it. Transitions are allowed only from the states where they make
 * sense and refuse anything else with {@link IllegalStateException}.
 */
public record HandoffRecord(
        UUID id,
        String requestId,
        String orgId,
        String conversationId,
        HandoffTrigger trigger,
        String source,
        String summary,
        HandoffStatus status,
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
        Instant overdueAt,
        Instant handbackDueAt) {

    /** A new request, before the policy decided. */
    public static HandoffRecord requested(String requestId, String orgId, String conversationId, HandoffTrigger trigger,
            String source, String summary, Instant requestedAt) {
        return new HandoffRecord(UUID.randomUUID(), requestId, orgId, conversationId, trigger, source, summary,
                HandoffStatus.REQUESTED, null, null, false, null, null, null, requestedAt, null, null, null, null, null,
                null, null);
    }

    /** REQUESTED -> WAITING (accepted) or DECLINED. */
    public HandoffRecord decide(HandoffDecision decision, Instant at) {
        require(status == HandoffStatus.REQUESTED, "decide");
        return new HandoffRecord(id, requestId, orgId, conversationId, trigger, source, summary,
                decision.accepted() ? HandoffStatus.WAITING : HandoffStatus.DECLINED, decision.reason().code(),
                decision.visitorMessage(), decision.outsideOfficeHours(),
                decision.teamBackAt() == null ? null : decision.teamBackAt().toInstant(), operatorId, operatorName,
                requestedAt, at, claimedAt, firstHumanReplyAt, releasedAt, resolvedAt, overdueAt, handbackDueAt);
    }

    /** WAITING -> CLAIMED, or CLAIMED -> CLAIMED by another operator (reassignment keeps the first claim time). */
    public HandoffRecord claim(String operator, String name, Instant at) {
        require(status.isOpen(), "claim");
        return new HandoffRecord(id, requestId, orgId, conversationId, trigger, source, summary, HandoffStatus.CLAIMED,
                reason, visitorMessage, outsideOfficeHours, teamBackAt, operator, name, requestedAt, decidedAt,
                claimedAt == null ? at : claimedAt, firstHumanReplyAt, releasedAt, resolvedAt, overdueAt, handbackDueAt);
    }

    /** WAITING or CLAIMED -> RELEASED: the conversation went back to the AI. */
    public HandoffRecord release(Instant at) {
        require(status.isOpen(), "release");
        return withStatus(HandoffStatus.RELEASED, at, resolvedAt);
    }

    /** CLAIMED -> RESOLVED; WAITING -> ABANDONED (closed before any operator took it). */
    public HandoffRecord resolve(Instant at) {
        require(status.isOpen(), "resolve");
        return withStatus(status == HandoffStatus.CLAIMED ? HandoffStatus.RESOLVED : HandoffStatus.ABANDONED,
                releasedAt, at);
    }

    /** The first operator message in the thread: the visitor reached a human. Later ones change nothing. */
    public HandoffRecord humanReplied(Instant at) {
        require(status.isOpen(), "record a human reply");
        if (firstHumanReplyAt != null) {
            return this;
        }
        return new HandoffRecord(id, requestId, orgId, conversationId, trigger, source, summary, status, reason,
                visitorMessage, outsideOfficeHours, teamBackAt, operatorId, operatorName, requestedAt, decidedAt,
                claimedAt, at, releasedAt, resolvedAt, overdueAt, handbackDueAt);
    }

    /** Whether a visitor is still waiting for a person: accepted, unclaimed and unanswered. */
    public boolean awaitingHuman() {
        return status == HandoffStatus.WAITING && firstHumanReplyAt == null;
    }

    public HandoffRecord markOverdue(Instant at) {
        require(awaitingHuman(), "mark overdue");
        return new HandoffRecord(id, requestId, orgId, conversationId, trigger, source, summary, status, reason,
                visitorMessage, outsideOfficeHours, teamBackAt, operatorId, operatorName, requestedAt, decidedAt,
                claimedAt, firstHumanReplyAt, releasedAt, resolvedAt, overdueAt == null ? at : overdueAt, handbackDueAt);
    }

    public HandoffRecord markHandbackDue(Instant at) {
        require(awaitingHuman(), "mark due for handback");
        return new HandoffRecord(id, requestId, orgId, conversationId, trigger, source, summary, status, reason,
                visitorMessage, outsideOfficeHours, teamBackAt, operatorId, operatorName, requestedAt, decidedAt,
                claimedAt, firstHumanReplyAt, releasedAt, resolvedAt, overdueAt, handbackDueAt == null ? at : handbackDueAt);
    }

    private HandoffRecord withStatus(HandoffStatus next, Instant released, Instant resolved) {
        return new HandoffRecord(id, requestId, orgId, conversationId, trigger, source, summary, next, reason,
                visitorMessage, outsideOfficeHours, teamBackAt, operatorId, operatorName, requestedAt, decidedAt,
                claimedAt, firstHumanReplyAt, released, resolved, overdueAt, handbackDueAt);
    }

    private void require(boolean allowed, String action) {
        if (!allowed) {
            throw new IllegalStateException("cannot " + action + " a handoff that is " + status);
        }
    }
}
