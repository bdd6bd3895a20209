package com.supportchat.identity.signing;

import reactor.core.publisher.Mono;

import com.supportchat.messaging.PeriodicWork;

/**
 * Replaces the active signing key once it is {@code key-rotation-interval} old, and retires keys that can no
 * longer have signed a valid token, so a stolen key is useful for a bounded time even if nobody notices.
 */
class KeyRotation extends PeriodicWork {

    private final SigningKeys keys;

    private final TokenProperties properties;

    KeyRotation(SigningKeys keys, TokenProperties properties) {
        super("signing-key rotation", properties.keyRotationCheck());
        this.keys = keys;
        this.properties = properties;
    }

    @Override
    protected Mono<?> runOnce() {
        if (properties.keyRotationInterval().isZero()) {
            return Mono.empty();
        }
        return keys.rotateIfOlderThan(properties.keyRotationInterval(), properties.longestTokenLife());
    }
}
