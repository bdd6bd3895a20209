package com.supportchat.conversation.thread;

import java.time.Instant;
import java.util.UUID;

import com.supportchat.events.AuthorType;
import com.supportchat.events.ConversationStatus;
import com.supportchat.events.HandoffTrigger;
import com.supportchat.events.IdentityType;

/**
 * The conversation aggregate. It owns its transitions: each returns the new state, or refuses with an
 * {@link IllegalTransitionException} from a state where the change makes no sense. Persistence applies the
 * new state only if {@code version} is still current, so concurrent changes cannot both win.
 */
public record Conversation(
        UUID id,
        String orgId,
        String ownerKey,
        IdentityType identityType,
        String visitorId,
        String contactId,
        String externalId,
        String customerName,
        String customerEmail,
        ConversationStatus status,
        String assigneeId,
        String assigneeName,
        HandoffTrigger handoffTrigger,
        String handoffSummary,
        long lastSeq,
        String lastMessagePreview,
        Instant createdAt,
        Instant lastActivityAt,
        Instant resolvedAt,
        long version) {

    public static Conversation start(Owner owner, Instant now) {
        return new Conversation(UUID.randomUUID(), owner.orgId(), owner.ownerKey(), owner.identityType(),
                owner.visitorId(), owner.contactId(), owner.externalId(), owner.name(), owner.email(),
                ConversationStatus.UNRESOLVED, null, null, null, null, 0, null, now, now, null, 0);
    }

    public boolean isOpen() {
        return status != ConversationStatus.RESOLVED;
    }

    /** Accepts a new message; a resolved conversation is closed. */
    public void ensureAcceptsMessages() {
        if (status == ConversationStatus.RESOLVED) {
            throw new IllegalTransitionException("conversation-resolved",
                    "The conversation is resolved; start a new conversation to continue.");
        }
    }

    /** Hands the conversation to humans; the AI goes silent. Only an UNRESOLVED conversation escalates. */
    public Conversation escalate(HandoffTrigger trigger, String summary) {
        if (status != ConversationStatus.UNRESOLVED) {
            throw new IllegalTransitionException("illegal-transition",
                    "Only an unresolved conversation can be escalated; this one is " + status + ".");
        }
        return with(ConversationStatus.ESCALATED, assigneeId, assigneeName, trigger, summary, resolvedAt);
    }

    /** Closes the conversation, from UNRESOLVED or ESCALATED. */
    public Conversation resolve(Instant now) {
        if (status == ConversationStatus.RESOLVED) {
            throw new IllegalTransitionException("illegal-transition", "The conversation is already resolved.");
        }
        return with(ConversationStatus.RESOLVED, assigneeId, assigneeName, handoffTrigger, handoffSummary, now);
    }

    /** The AI may resolve only what it owns: an UNRESOLVED conversation. */
    public Conversation resolveByAi(Instant now) {
        if (status != ConversationStatus.UNRESOLVED) {
            throw new IllegalTransitionException("illegal-transition",
                    "The AI can only resolve an unresolved conversation; this one is " + status + ".");
        }
        return resolve(now);
    }

    /** One operator at a time: claiming a conversation someone else holds is refused. */
    public Conversation claim(Actor operator) {
        requireOperator(operator);
        if (status == ConversationStatus.RESOLVED) {
            throw new IllegalTransitionException("illegal-transition", "A resolved conversation cannot be claimed.");
        }
        if (assigneeId != null && !assigneeId.equals(operator.id())) {
            throw new IllegalTransitionException("already-claimed",
                    "The conversation is already claimed by " + assigneeName + ".");
        }
        ConversationStatus next = status == ConversationStatus.UNRESOLVED ? ConversationStatus.ESCALATED : status;
        HandoffTrigger trigger = status == ConversationStatus.UNRESOLVED ? HandoffTrigger.OPERATOR : handoffTrigger;
        return with(next, operator.id(), operator.displayName(), trigger, handoffSummary, resolvedAt);
    }

    /** Hands the conversation back to the AI: unassigned and UNRESOLVED again. */
    public Conversation release(Actor operator) {
        requireOperator(operator);
        if (status == ConversationStatus.RESOLVED) {
            throw new IllegalTransitionException("illegal-transition", "A resolved conversation cannot be released.");
        }
        if (assigneeId == null && status == ConversationStatus.UNRESOLVED) {
            throw new IllegalTransitionException("illegal-transition", "The conversation is already with the AI.");
        }
        return with(ConversationStatus.UNRESOLVED, null, null, null, null, resolvedAt);
    }

    /**
     * Gives a handed-off conversation back to the AI because nobody from the team took it in time. Only an
     * ESCALATED conversation no operator has claimed goes back; anything else is refused.
     */
    public Conversation handBackUnanswered() {
        if (status != ConversationStatus.ESCALATED || assigneeId != null) {
            throw new IllegalTransitionException("illegal-transition",
                    "Only an escalated conversation nobody has claimed goes back to the AI.");
        }
        return with(ConversationStatus.UNRESOLVED, null, null, null, null, resolvedAt);
    }

    private static void requireOperator(Actor actor) {
        if (actor.type() != AuthorType.OPERATOR) {
            throw new IllegalArgumentException("only operators claim and release conversations");
        }
    }

    private Conversation with(ConversationStatus newStatus, String newAssigneeId, String newAssigneeName,
            HandoffTrigger trigger, String summary, Instant newResolvedAt) {
        return new Conversation(id, orgId, ownerKey, identityType, visitorId, contactId, externalId, customerName,
                customerEmail, newStatus, newAssigneeId, newAssigneeName, trigger, summary, lastSeq,
                lastMessagePreview, createdAt, lastActivityAt, newResolvedAt, version);
    }
}
