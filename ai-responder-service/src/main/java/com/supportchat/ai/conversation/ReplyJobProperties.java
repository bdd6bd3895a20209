package com.supportchat.ai.conversation;

import java.time.Duration;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Replies that wait for a model, worked off the Kafka consumer (see {@link ReplyWorker}).
 *
 * @param claim         how long a worker holds a job before another may take it up; longer than the longest
 *                      reply (the reply deadline plus the database work), so a live worker is never overtaken
 * @param sweepEvery    how often jobs whose claim ran out (a crash, a failed attempt) are looked for
 * @param retryAfter    wait before a job whose attempt failed (database unavailable) is tried again, times the
 *                      attempts so far
 * @param maxConcurrent jobs in progress per instance; more wait in memory (their rows are safe in the database)
 * @param maxAttempts   attempts before a job is dead (with {@code retryAfter} 5 s, attempt 10 fails some 4 to 5
 *                      minutes after the first): the visitor then gets the built-in apology, never silence
 */
@Validated
@ConfigurationProperties("supportchat.ai.replies")
public record ReplyJobProperties(
        @NotNull @DefaultValue("60s") Duration claim,
        @NotNull @DefaultValue("5s") Duration sweepEvery,
        @NotNull @DefaultValue("5s") Duration retryAfter,
        @Min(1) @DefaultValue("256") int maxConcurrent,
        @Min(1) @DefaultValue("10") int maxAttempts) {
}
