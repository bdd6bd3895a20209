package com.supportchat.resourceserver.revocation;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;

/**
 * Operators whose access was cut (deactivated, another role), each with the moment from which their earlier tokens
 * no longer count, as {@code operator-access-changed} announced them. A cut matters only while a token issued before
 * it can still be unexpired, so entries older than {@code remember} are dropped. {@link #cuts()} tells the live
 * streams whose connections to close.
 */
public class RevokedOperators {

    private final Map<String, Instant> revokedBefore = new ConcurrentHashMap<>();

    private final Sinks.Many<String> cuts = Sinks.many().multicast().directBestEffort();

    private final Duration remember;

    private final Clock clock;

    public RevokedOperators(Duration remember, Clock clock) {
        this.remember = remember;
        this.clock = clock;
    }

    /** Tokens of {@code operatorId} issued before {@code before} stop counting. */
    public void revoke(String operatorId, Instant before) {
        Instant now = clock.instant();
        if (before.isBefore(now.minus(remember))) {
            return; // every token it could concern has expired already
        }
        revokedBefore.merge(operatorId, before, (a, b) -> a.isAfter(b) ? a : b);
        revokedBefore.values().removeIf(at -> at.isBefore(now.minus(remember)));
        cuts.tryEmitNext(operatorId);
    }

    /** Whether a token of {@code subject} issued at {@code issuedAt} was cut off. */
    public boolean isRevoked(String subject, Instant issuedAt) {
        if (subject == null || revokedBefore.isEmpty()) {
            return false;
        }
        Instant cut = revokedBefore.get(subject);
        // iat has whole seconds: a token of the cut's own second counts as before it (a re-login a second later works)
        return cut != null && (issuedAt == null || !issuedAt.isAfter(cut));
    }

    /** The operators whose access is cut from now on, as it happens. */
    public Flux<String> cuts() {
        return cuts.asFlux();
    }
}
