package com.supportchat.conversation.web;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;

import com.supportchat.conversation.customer.Customer;
import com.supportchat.conversation.thread.Conversation;
import com.supportchat.conversation.thread.Entry;
import com.supportchat.events.AuthorType;

/** JSON shapes of the HTTP API (camelCase, ISO-8601 UTC times, absent values omitted). */
final class Views {

    private Views() {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Author(String type, String displayName) {
    }

    /** A thread entry; for {@code handoff} entries {@code summary} and {@code trigger} are set. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record MessageView(String id, String conversationId, long seq, String kind, Author author, String text,
            Instant createdAt, String clientMessageId, String status, String summary, String trigger,
            Map<String, Object> data) {

        /** {@code operatorLabel} replaces operators' names in the widget ("Support Agent"); null keeps them. */
        static MessageView of(Entry e, String operatorLabel) {
            String name = e.authorType() == AuthorType.OPERATOR && operatorLabel != null ? operatorLabel : e.authorName();
            Map<String, Object> data = e.data().isEmpty() ? null : e.data();
            if (operatorLabel != null && data != null && data.containsKey("assigneeName")) {
                data = Map.of("assigneeName", operatorLabel);
            }
            return new MessageView(e.id().toString(), e.conversationId().toString(), e.seq(), e.kind().name(),
                    new Author(e.authorType().name(), name), text(e, operatorLabel), e.createdAt(), e.clientMessageId(),
                    (String) e.data().get("status"), (String) e.data().get("summary"), (String) e.data().get("trigger"),
                    data);
        }

        /** Status and assignment texts name the operator; the widget shows the org's label instead. */
        private static String text(Entry e, String operatorLabel) {
            if (operatorLabel == null || e.authorType() != AuthorType.OPERATOR || e.authorName() == null
                    || e.text() == null || e.kind() == com.supportchat.conversation.thread.EntryKind.MESSAGE) {
                return e.text();
            }
            return e.text().replace(e.authorName(), operatorLabel);
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Handoff(String trigger, String summary) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record ConversationView(String id, String status, Instant createdAt, Instant lastActivityAt,
            String lastMessagePreview, long lastSeq, Instant resolvedAt, Handoff handoff, Author assignee,
            MessageView firstMessage) {

        static ConversationView of(Conversation c, MessageView firstMessage, boolean showAssigneeName, String label) {
            Author assignee = c.assigneeId() == null ? null
                    : new Author("OPERATOR", showAssigneeName ? c.assigneeName() : label);
            Handoff handoff = c.handoffTrigger() == null ? null : new Handoff(c.handoffTrigger().name(), c.handoffSummary());
            return new ConversationView(c.id().toString(), c.status().name(), c.createdAt(), c.lastActivityAt(),
                    c.lastMessagePreview(), c.lastSeq(), c.resolvedAt(), handoff, assignee, firstMessage);
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record CustomerView(String key, String identityType, String name, String email, String externalId,
            Map<String, Object> metadata, Map<String, Object> trustedData, Map<String, Object> untrustedData) {

        static CustomerView of(Customer c) {
            return new CustomerView(c.customerKey(), c.identityType().toLowerCase(), c.name(), c.email(), c.externalId(),
                    c.metadata(), c.trustedData(), c.untrustedData());
        }

        static CustomerView fallback(Conversation c) {
            return new CustomerView(c.ownerKey(), c.identityType().name().toLowerCase(), c.customerName(),
                    c.customerEmail(), c.externalId(), Map.of(), Map.of(), Map.of());
        }
    }

    record ConversationDetail(ConversationView conversation, CustomerView customer, List<MessageView> messages) {
    }
}
