package com.supportchat.events;

import java.util.List;

/**
 * Kafka topic names. Conversation topics are keyed by conversation id, so one conversation's events stay
 * ordered; org-wide settings and articles by org id; {@code visitor-identified} by the customer key.
 */
public final class Topics {

    /** Every text message appended to a conversation, whoever wrote it (visitor, AI, operator, system). */
    public static final String MESSAGE_RECEIVED = "message-received";
    /** Someone (the AI's trigger detection, the visitor's button) asks for a human. */
    public static final String HANDOFF_REQUESTED = "handoff-requested";
    /** A conversation was closed. */
    public static final String SESSION_RESOLVED = "session-resolved";
    /** The AI responder produced an answer for a conversation. */
    public static final String REPLY_GENERATED = "reply-generated";
    /** The AI responder detected that the visitor confirmed the issue is addressed. */
    public static final String RESOLUTION_REQUESTED = "resolution-requested";
    /** handoff-service accepted or declined a handoff request. */
    public static final String HANDOFF_DECIDED = "handoff-decided";
    /**
     * Nobody from the team took a handed-off conversation within the org's hand-back time; the
     * conversation goes back to the AI.
     */
    public static final String HANDOFF_TIMED_OUT = "handoff-timed-out";
    /** A conversation moved between UNRESOLVED, ESCALATED and RESOLVED. */
    public static final String CONVERSATION_STATUS_CHANGED = "conversation-status-changed";
    /** An operator claimed a conversation, or released it back to the AI. */
    public static final String CONVERSATION_ASSIGNED = "conversation-assigned";
    /** An org's widget session rules changed (keyed by org id). */
    public static final String WIDGET_SETTINGS_CHANGED = "widget-settings-changed";
    /** An org's handoff settings changed (keyed by org id). */
    public static final String HANDOFF_SETTINGS_CHANGED = "handoff-settings-changed";
    /** identity-service resolved who a visitor is, with their profile (keyed by the customer key, the history owner). */
    public static final String VISITOR_IDENTIFIED = "visitor-identified";
    /** notification-service sent, or failed to send, an email or SMS. */
    public static final String NOTIFICATION_DELIVERED = "notification-delivered";

    /**
     * A knowledge-base article was created, changed or deleted (keyed by org id). ai-responder-service
     * instances each consume it with their own group to keep their search index in step.
     */
    public static final String ARTICLE_CHANGED = "article-changed";

    /**
     * An operator was deactivated or given another role (keyed by operator id): every service refuses their older
     * tokens. Each instance reads it with its own group.
     */
    public static final String OPERATOR_ACCESS_CHANGED = "operator-access-changed";

    /** Suffix of the dead-letter topic of each topic. */
    public static final String DEAD_LETTER_SUFFIX = ".DLT";

    public static final List<String> ALL = List.of(MESSAGE_RECEIVED, HANDOFF_REQUESTED, SESSION_RESOLVED,
            REPLY_GENERATED, RESOLUTION_REQUESTED, HANDOFF_DECIDED, HANDOFF_TIMED_OUT, CONVERSATION_STATUS_CHANGED,
            CONVERSATION_ASSIGNED, WIDGET_SETTINGS_CHANGED, HANDOFF_SETTINGS_CHANGED, VISITOR_IDENTIFIED,
            NOTIFICATION_DELIVERED,
            ARTICLE_CHANGED, OPERATOR_ACCESS_CHANGED);

    private Topics() {
    }

    public static String deadLetterOf(String topic) {
        return topic + DEAD_LETTER_SUFFIX;
    }
}
