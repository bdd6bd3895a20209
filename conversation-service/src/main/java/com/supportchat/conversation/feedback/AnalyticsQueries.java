package com.supportchat.conversation.feedback;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import io.r2dbc.spi.Readable;
import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;

/**
 * The analytics summary of an org over [from, to), by conversation creation time. It reads this service's
 * own records of what happened (statuses, who resolved, handoff triggers, response times, feedback), which
 * the conversation events keep; nothing is read from another service.
 */
@Component
public class AnalyticsQueries {

    private final DatabaseClient db;

    public AnalyticsQueries(DatabaseClient db) {
        this.db = db;
    }

    public Mono<Summary> summary(String orgId, Instant from, Instant to) {
        Mono<Map<String, Object>> totals = db.sql("""
                SELECT count(*) AS conversations,
                       count(*) FILTER (WHERE status = 'RESOLVED') AS resolved,
                       count(*) FILTER (WHERE status = 'RESOLVED' AND escalated_at IS NULL) AS ai_resolved,
                       count(*) FILTER (WHERE escalated_at IS NOT NULL) AS handed_off,
                       count(*) FILTER (WHERE status = 'ESCALATED') AS waiting_for_human,
                       percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM first_response_at - created_at))
                           FILTER (WHERE first_response_at IS NOT NULL) AS first_response_p50,
                       percentile_cont(0.9) WITHIN GROUP (ORDER BY extract(epoch FROM first_response_at - created_at))
                           FILTER (WHERE first_response_at IS NOT NULL) AS first_response_p90,
                       percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM first_human_reply_at - escalated_at))
                           FILTER (WHERE first_human_reply_at IS NOT NULL AND escalated_at IS NOT NULL) AS time_to_human_p50
                FROM conversation WHERE org_id = :org AND created_at >= :from AND created_at < :to""")
            .bind("org", orgId).bind("from", from).bind("to", to)
            .map(AnalyticsQueries::totals)
            .one();
        Mono<Map<String, Long>> byTrigger = db.sql("""
                SELECT handoff_trigger, count(*) AS n FROM conversation
                WHERE org_id = :org AND created_at >= :from AND created_at < :to AND escalated_at IS NOT NULL
                    AND handoff_trigger IS NOT NULL
                GROUP BY handoff_trigger ORDER BY handoff_trigger""")
            .bind("org", orgId).bind("from", from).bind("to", to)
            .map(row -> Map.entry(row.get("handoff_trigger", String.class), row.get("n", Long.class)))
            .all()
            .collectMap(Map.Entry::getKey, Map.Entry::getValue, LinkedHashMap::new);
        Mono<Map<String, Object>> feedback = db.sql("""
                SELECT count(*) FILTER (WHERE f.helpful) AS helpful,
                       count(*) FILTER (WHERE NOT f.helpful) AS not_helpful,
                       avg(f.rating) AS csat_average,
                       count(f.rating) AS csat_responses
                FROM feedback f JOIN conversation c ON c.id = f.conversation_id
                WHERE f.org_id = :org AND c.created_at >= :from AND c.created_at < :to""")
            .bind("org", orgId).bind("from", from).bind("to", to)
            .map(AnalyticsQueries::feedback)
            .one();
        return Mono.zip(totals, byTrigger, feedback).map(all -> Summary.of(from, to, all.getT1(), all.getT2(), all.getT3()));
    }

    private static Map<String, Object> totals(Readable row) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (String column : new String[] { "conversations", "resolved", "ai_resolved", "handed_off", "waiting_for_human" }) {
            values.put(column, row.get(column, Long.class));
        }
        for (String column : new String[] { "first_response_p50", "first_response_p90", "time_to_human_p50" }) {
            values.put(column, row.get(column, Double.class));
        }
        return values;
    }

    private static Map<String, Object> feedback(Readable row) {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("helpful", row.get("helpful", Long.class));
        values.put("not_helpful", row.get("not_helpful", Long.class));
        Number average = row.get("csat_average", Number.class);
        values.put("csat_average", average == null ? null : average.doubleValue());
        values.put("csat_responses", row.get("csat_responses", Long.class));
        return values;
    }

    /** What the console's analytics page shows. Ratios are null when there is nothing to divide by. */
    public record Summary(Instant from, Instant to, long conversations, long resolved, Double resolutionRate,
            long aiResolved, long handedOff, Map<String, Long> handedOffByTrigger, long waitingForHuman,
            long helpful, long notHelpful, Double helpfulRatio, Double csatAverage, long csatResponses,
            Double firstResponseSecondsP50, Double firstResponseSecondsP90, Double timeToHumanSecondsP50) {

        static Summary of(Instant from, Instant to, Map<String, Object> t, Map<String, Long> triggers,
                Map<String, Object> f) {
            long conversations = (Long) t.get("conversations");
            long resolved = (Long) t.get("resolved");
            long helpful = (Long) f.get("helpful");
            long notHelpful = (Long) f.get("not_helpful");
            return new Summary(from, to, conversations, resolved, ratio(resolved, conversations),
                    (Long) t.get("ai_resolved"), (Long) t.get("handed_off"), triggers, (Long) t.get("waiting_for_human"),
                    helpful, notHelpful, ratio(helpful, helpful + notHelpful), (Double) f.get("csat_average"),
                    (Long) f.get("csat_responses"), (Double) t.get("first_response_p50"),
                    (Double) t.get("first_response_p90"), (Double) t.get("time_to_human_p50"));
        }

        private static Double ratio(long part, long whole) {
            return whole == 0 ? null : (double) part / whole;
        }
    }
}
