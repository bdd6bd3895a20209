package com.supportchat.conversation.thread;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;

import io.r2dbc.postgresql.codec.Json;
import io.r2dbc.spi.Parameters;
import io.r2dbc.spi.Readable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import com.supportchat.events.AuthorType;
import com.supportchat.events.ConversationStatus;
import com.supportchat.events.HandoffTrigger;
import com.supportchat.events.IdentityType;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;

/** Conversations and their thread entries. Every query is scoped by org. */
@Repository
public class ConversationRepository {

    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
    };

    private final DatabaseClient db;
    private final JsonMapper json;

    public ConversationRepository(DatabaseClient db, JsonMapper json) {
        this.db = db;
        this.json = json;
    }

    public Mono<Conversation> find(String orgId, UUID id) {
        return db.sql("SELECT * FROM conversation WHERE id = :id AND org_id = :org")
            .bind("id", id)
            .bind("org", orgId)
            .map(ConversationRepository::toConversation)
            .one();
    }

    /** Reads and row-locks the conversation for the rest of the transaction. */
    public Mono<Conversation> findForUpdate(String orgId, UUID id) {
        return db.sql("SELECT * FROM conversation WHERE id = :id AND org_id = :org FOR UPDATE")
            .bind("id", id)
            .bind("org", orgId)
            .map(ConversationRepository::toConversation)
            .one();
    }

    public Flux<Conversation> findByOwner(String orgId, String ownerKey) {
        return db.sql("SELECT * FROM conversation WHERE org_id = :org AND owner_key = :owner ORDER BY last_activity_at DESC, id")
            .bind("org", orgId)
            .bind("owner", ownerKey)
            .map(ConversationRepository::toConversation)
            .all();
    }

    /** Whether an operator has written in the conversation since it was last escalated. */
    public Mono<Boolean> hasHumanReply(String orgId, UUID id) {
        return db.sql("""
                SELECT EXISTS (SELECT 1 FROM message m JOIN conversation c ON c.id = m.conversation_id
                    WHERE c.id = :id AND c.org_id = :org AND m.kind = 'MESSAGE' AND m.author_type = 'OPERATOR'
                        AND m.created_at >= COALESCE(c.escalated_at, c.created_at)) AS replied""")
            .bind("id", id)
            .bind("org", orgId)
            .map(row -> Boolean.TRUE.equals(row.get("replied", Boolean.class)))
            .one();
    }

    public Mono<Boolean> hasOpenConversation(String orgId, String ownerKey) {
        return db.sql("SELECT EXISTS (SELECT 1 FROM conversation WHERE org_id = :org AND owner_key = :owner AND status <> 'RESOLVED') AS open")
            .bind("org", orgId)
            .bind("owner", ownerKey)
            .map(row -> Boolean.TRUE.equals(row.get("open", Boolean.class)))
            .one();
    }

    public Mono<Void> insert(Conversation c) {
        return db.sql("""
                INSERT INTO conversation (id, org_id, owner_key, identity_type, visitor_id, contact_id, external_id,
                    customer_name, customer_email, status, created_at, last_activity_at)
                VALUES (:id, :org, :owner, :identityType, :visitorId, :contactId, :externalId, :name, :email, :status,
                    :createdAt, :createdAt)""")
            .bind("id", c.id())
            .bind("org", c.orgId())
            .bind("owner", c.ownerKey())
            .bind("identityType", c.identityType().name())
            .bind("visitorId", nullable(c.visitorId()))
            .bind("contactId", nullable(c.contactId()))
            .bind("externalId", nullable(c.externalId()))
            .bind("name", nullable(c.customerName()))
            .bind("email", nullable(c.customerEmail()))
            .bind("status", c.status().name())
            .bind("createdAt", c.createdAt())
            .then();
    }

    /**
     * Saves a transition if nobody changed the conversation since it was read; emits false otherwise.
     */
    public Mono<Boolean> saveTransition(Conversation c, Actor actor, Instant now) {
        return db.sql("""
                UPDATE conversation SET status = :status, assignee_id = :assigneeId, assignee_name = :assigneeName,
                    handoff_trigger = :trigger, handoff_summary = :summary, resolved_at = :resolvedAt,
                    resolved_by = CASE WHEN :status = 'RESOLVED' THEN :resolvedBy ELSE NULL END,
                    escalated_at = CASE WHEN :status = 'ESCALATED' THEN COALESCE(escalated_at, :now) ELSE escalated_at END,
                    last_activity_at = :now, version = version + 1
                WHERE id = :id AND org_id = :org AND version = :version""")
            .bind("status", c.status().name())
            .bind("assigneeId", nullable(c.assigneeId()))
            .bind("assigneeName", nullable(c.assigneeName()))
            .bind("trigger", nullable(c.handoffTrigger() == null ? null : c.handoffTrigger().name()))
            .bind("summary", nullable(c.handoffSummary()))
            .bind("resolvedAt", nullable(c.resolvedAt(), Instant.class))
            .bind("resolvedBy", actor.type().name())
            .bind("now", now)
            .bind("id", c.id())
            .bind("org", c.orgId())
            .bind("version", c.version())
            .fetch()
            .rowsUpdated()
            .map(n -> n == 1);
    }

    /**
     * Appends an entry at the next sequence number. The UPDATE row-locks the conversation, so entries of
     * one conversation are numbered one after another without gaps, whichever instance writes them.
     */
    public Mono<Entry> append(Conversation c, EntryKind kind, Actor author, String text, Map<String, Object> data,
            String clientMessageId, Instant now) {
        boolean visibleActivity = kind == EntryKind.MESSAGE || kind == EntryKind.HANDOFF;
        return db.sql("""
                UPDATE conversation SET last_seq = last_seq + 1,
                    last_activity_at = :now,
                    last_message_preview = CASE WHEN :visible THEN :preview ELSE last_message_preview END,
                    first_response_at = CASE WHEN :isReply AND first_response_at IS NULL THEN :now ELSE first_response_at END,
                    first_human_reply_at = CASE WHEN :isHuman AND first_human_reply_at IS NULL THEN :now ELSE first_human_reply_at END
                WHERE id = :id AND org_id = :org
                RETURNING last_seq""")
            .bind("now", now)
            .bind("visible", visibleActivity)
            .bind("preview", nullable(preview(text)))
            .bind("isReply", kind == EntryKind.MESSAGE && (author.type() == AuthorType.AI || author.type() == AuthorType.OPERATOR))
            .bind("isHuman", kind == EntryKind.MESSAGE && author.type() == AuthorType.OPERATOR)
            .bind("id", c.id())
            .bind("org", c.orgId())
            .map(row -> row.get("last_seq", Long.class))
            .one()
            .flatMap(seq -> {
                Entry entry = new Entry(UUID.randomUUID(), c.orgId(), c.id(), seq, kind, author.type(), author.id(),
                        author.displayName(), text, data, clientMessageId, now);
                return db.sql("""
                        INSERT INTO message (id, org_id, conversation_id, seq, kind, author_type, author_id, author_name,
                            text, data, client_message_id, created_at)
                        VALUES (:id, :org, :conversationId, :seq, :kind, :authorType, :authorId, :authorName, :text,
                            :data, :clientMessageId, :createdAt)""")
                    .bind("id", entry.id())
                    .bind("org", entry.orgId())
                    .bind("conversationId", entry.conversationId())
                    .bind("seq", entry.seq())
                    .bind("kind", entry.kind().name())
                    .bind("authorType", entry.authorType().name())
                    .bind("authorId", nullable(entry.authorId()))
                    .bind("authorName", nullable(entry.authorName()))
                    .bind("text", nullable(entry.text()))
                    .bind("data", Json.of(json.writeValueAsString(entry.data())))
                    .bind("clientMessageId", nullable(entry.clientMessageId()))
                    .bind("createdAt", entry.createdAt())
                    .then()
                    .thenReturn(entry);
            });
    }

    /**
     * The message {@code author} already posted with this {@code clientMessageId}. A client message id is
     * the author's own retry key: another author's message with the same id is neither returned nor a
     * collision (the unique index is per author too).
     */
    public Mono<Entry> findByClientMessageId(String orgId, UUID conversationId, Actor author, String clientMessageId) {
        return db.sql("""
                SELECT * FROM message WHERE conversation_id = :cid AND org_id = :org AND client_message_id = :client
                    AND author_type = :authorType AND coalesce(author_id, '') = :authorId""")
            .bind("cid", conversationId)
            .bind("org", orgId)
            .bind("client", clientMessageId)
            .bind("authorType", author.type().name())
            .bind("authorId", author.id() == null ? "" : author.id())
            .map(this::toEntry)
            .one();
    }

    /** The conversation and message a retried "start conversation" request of this author created before, if any. */
    public Mono<ConversationService.Started> findByOwnerAndClientMessageId(String orgId, String ownerKey, Actor author,
            String clientMessageId) {
        return db.sql("""
                SELECT m.conversation_id FROM message m JOIN conversation c ON c.id = m.conversation_id
                WHERE c.org_id = :org AND c.owner_key = :owner AND m.client_message_id = :client
                    AND m.author_type = :authorType AND coalesce(m.author_id, '') = :authorId
                ORDER BY m.created_at LIMIT 1""")
            .bind("org", orgId)
            .bind("owner", ownerKey)
            .bind("client", clientMessageId)
            .bind("authorType", author.type().name())
            .bind("authorId", author.id() == null ? "" : author.id())
            .map(row -> row.get("conversation_id", UUID.class))
            .one()
            .flatMap(id -> find(orgId, id).zipWith(findByClientMessageId(orgId, id, author, clientMessageId)))
            .map(found -> new ConversationService.Started(found.getT1(), found.getT2(), false));
    }

    public Mono<Entry> findEntry(String orgId, UUID conversationId, long seq) {
        return db.sql("SELECT * FROM message WHERE conversation_id = :cid AND org_id = :org AND seq = :seq")
            .bind("cid", conversationId)
            .bind("org", orgId)
            .bind("seq", seq)
            .map(this::toEntry)
            .one();
    }

    public Flux<Entry> entriesAfter(String orgId, UUID conversationId, long afterSeq, int limit) {
        return db.sql("""
                SELECT * FROM message WHERE conversation_id = :cid AND org_id = :org AND seq > :after
                ORDER BY seq LIMIT :limit""")
            .bind("cid", conversationId)
            .bind("org", orgId)
            .bind("after", afterSeq)
            .bind("limit", limit)
            .map(this::toEntry)
            .all();
    }

    public Mono<Entry> findMessage(String orgId, UUID conversationId, UUID messageId) {
        return db.sql("SELECT * FROM message WHERE id = :id AND conversation_id = :cid AND org_id = :org")
            .bind("id", messageId)
            .bind("cid", conversationId)
            .bind("org", orgId)
            .map(this::toEntry)
            .one();
    }

    static Object nullable(String value) {
        return nullable(value, String.class);
    }

    static Object nullable(Object value, Class<?> type) {
        return value == null ? Parameters.in(type) : value;
    }

    private static String preview(String text) {
        if (text == null) {
            return null;
        }
        String oneLine = text.replaceAll("\\s+", " ").strip();
        return oneLine.length() > 140 ? oneLine.substring(0, 139) + "…" : oneLine;
    }

    public static Conversation read(Readable row) {
        return toConversation(row);
    }

    static Conversation toConversation(Readable row) {
        String trigger = row.get("handoff_trigger", String.class);
        return new Conversation(row.get("id", UUID.class), row.get("org_id", String.class),
                row.get("owner_key", String.class), IdentityType.valueOf(row.get("identity_type", String.class)),
                row.get("visitor_id", String.class), row.get("contact_id", String.class),
                row.get("external_id", String.class), row.get("customer_name", String.class),
                row.get("customer_email", String.class), ConversationStatus.valueOf(row.get("status", String.class)),
                row.get("assignee_id", String.class), row.get("assignee_name", String.class),
                trigger == null ? null : HandoffTrigger.valueOf(trigger), row.get("handoff_summary", String.class),
                row.get("last_seq", Long.class), row.get("last_message_preview", String.class),
                instant(row, "created_at"), instant(row, "last_activity_at"), instant(row, "resolved_at"),
                row.get("version", Long.class));
    }

    Entry toEntry(Readable row) {
        Json data = row.get("data", Json.class);
        return new Entry(row.get("id", UUID.class), row.get("org_id", String.class),
                row.get("conversation_id", UUID.class), row.get("seq", Long.class),
                EntryKind.valueOf(row.get("kind", String.class)), AuthorType.valueOf(row.get("author_type", String.class)),
                row.get("author_id", String.class), row.get("author_name", String.class), row.get("text", String.class),
                data == null ? Map.of() : json.readValue(data.asString(), MAP), row.get("client_message_id", String.class),
                instant(row, "created_at"));
    }

    static Instant instant(Readable row, String column) {
        OffsetDateTime value = row.get(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
