package com.supportchat.conversation.inbox;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import reactor.core.publisher.Mono;

import com.supportchat.conversation.customer.Customer;
import com.supportchat.conversation.customer.CustomerRepository;
import com.supportchat.conversation.thread.Conversation;
import com.supportchat.conversation.thread.ConversationRepository;
import com.supportchat.events.ConversationStatus;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;

/**
 * The inbox groups conversations by customer and pages through the groups by (last activity, customer
 * key), newest first. The cursor is that pair, not an offset, so new messages arriving while an operator
 * pages never shift or repeat the rows after the cursor; a customer whose activity is newer than the
 * cursor moves to the top, where the live stream shows it.
 */
@Component
public class InboxQueries {

    private final DatabaseClient db;
    private final CustomerRepository customers;

    public InboxQueries(DatabaseClient db, CustomerRepository customers) {
        this.db = db;
        this.customers = customers;
    }

    public Mono<InboxPage> page(String orgId, ConversationStatus status, String cursor, int limit) {
        Cursor after = Cursor.decode(cursor);
        String statusFilter = status == null ? "" : " AND status = :status";
        var spec = db.sql("""
                SELECT owner_key, max(last_activity_at) AS last_activity, count(*) AS conversations
                FROM conversation WHERE org_id = :org""" + statusFilter + """
                 GROUP BY owner_key
                HAVING (:afterTime::timestamptz IS NULL OR (max(last_activity_at), owner_key) < (:afterTime::timestamptz, :afterKey))
                ORDER BY last_activity DESC, owner_key DESC
                LIMIT :limit""")
            .bind("org", orgId)
            .bind("limit", limit + 1);
        if (status != null) {
            spec = spec.bind("status", status.name());
        }
        spec = after == null ? spec.bindNull("afterTime", OffsetDateTime.class).bind("afterKey", "")
                : spec.bind("afterTime", OffsetDateTime.ofInstant(after.time(), java.time.ZoneOffset.UTC))
                    .bind("afterKey", after.key());
        return spec.map(row -> new GroupRow(row.get("owner_key", String.class),
                row.get("last_activity", OffsetDateTime.class).toInstant(),
                row.get("conversations", Long.class).intValue()))
            .all()
            .collectList()
            .flatMap(rows -> {
                boolean more = rows.size() > limit;
                List<GroupRow> page = more ? rows.subList(0, limit) : rows;
                String next = more ? new Cursor(page.get(limit - 1).lastActivity(), page.get(limit - 1).key()).encode()
                        : null;
                return assemble(orgId, status, page).map(groups -> new InboxPage(groups, next));
            });
    }

    private Mono<List<InboxPage.Group>> assemble(String orgId, ConversationStatus status, List<GroupRow> rows) {
        if (rows.isEmpty()) {
            return Mono.just(List.of());
        }
        List<String> keys = rows.stream().map(GroupRow::key).toList();
        String statusFilter = status == null ? "" : " AND status = :status";
        var spec = db.sql("SELECT * FROM conversation WHERE org_id = :org AND owner_key = ANY(:keys)" + statusFilter
                + " ORDER BY last_activity_at DESC")
            .bind("org", orgId)
            .bind("keys", keys.toArray(String[]::new));
        if (status != null) {
            spec = spec.bind("status", status.name());
        }
        Mono<Map<String, List<Conversation>>> byOwner = spec.map(ConversationRepository::read)
            .all()
            .collect(Collectors.groupingBy(Conversation::ownerKey, LinkedHashMap::new, Collectors.toList()));
        Mono<Map<String, Customer>> profiles = customers.findAll(orgId, keys)
            .collectMap(Customer::customerKey, Function.identity());
        return Mono.zip(byOwner, profiles).map(found -> {
            List<InboxPage.Group> groups = new ArrayList<>();
            for (GroupRow row : rows) {
                List<Conversation> list = found.getT1().getOrDefault(row.key(), List.of());
                groups.add(new InboxPage.Group(row.key(), found.getT2().get(row.key()),
                        list.isEmpty() ? null : list.get(0), row.count(), row.lastActivity(), list));
            }
            return groups;
        });
    }

    private record GroupRow(String key, Instant lastActivity, int count) {
    }

    record Cursor(Instant time, String key) {

        String encode() {
            String raw = time.toString() + "|" + key;
            return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
        }

        static Cursor decode(String cursor) {
            if (cursor == null || cursor.isBlank()) {
                return null;
            }
            try {
                String raw = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
                int bar = raw.indexOf('|');
                return new Cursor(Instant.parse(raw.substring(0, bar)), raw.substring(bar + 1));
            }
            catch (RuntimeException ex) {
                throw new IllegalArgumentException("cursor is not one this API returned");
            }
        }
    }
}
