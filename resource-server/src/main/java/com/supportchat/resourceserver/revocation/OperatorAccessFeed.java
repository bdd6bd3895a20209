package com.supportchat.resourceserver.revocation;

import reactor.core.publisher.Mono;

import com.supportchat.events.OperatorAccessChanged;
import com.supportchat.events.Topics;
import com.supportchat.messaging.EventHandler;

/**
 * Reads {@code operator-access-changed} in every instance of every service (a group per instance, from the
 * earliest offset so that a new instance learns the recent cuts) into {@link RevokedOperators}: a deactivated or
 * demoted operator's tokens stop working within seconds, not when they expire.
 */
public class OperatorAccessFeed {

    private final RevokedOperators revoked;

    public OperatorAccessFeed(RevokedOperators revoked) {
        this.revoked = revoked;
    }

    @EventHandler(topic = Topics.OPERATOR_ACCESS_CHANGED, consumer = "platform.operator-access",
            group = "${spring.application.name}-operator-access-${random.uuid}",
            properties = "auto.offset.reset=earliest", observe = true)
    Mono<Void> accessChanged(OperatorAccessChanged change) {
        revoked.revoke(change.operatorId(), change.changedAt());
        return Mono.empty();
    }
}
