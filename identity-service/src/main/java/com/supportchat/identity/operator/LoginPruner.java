package com.supportchat.identity.operator;

import java.time.Duration;

import reactor.core.publisher.Mono;

import org.springframework.stereotype.Component;

import com.supportchat.messaging.PeriodicWork;

/**
 * Forgets login failures the back-off no longer needs (a scan of random emails must not grow the table for ever)
 * and refresh tokens expired a day ago.
 */
@Component
class LoginPruner extends PeriodicWork {

    private final LoginThrottle throttle;
    private final RefreshTokens refreshTokens;

    LoginPruner(LoginThrottle throttle, RefreshTokens refreshTokens) {
        super("login pruning", Duration.ofHours(1));
        this.throttle = throttle;
        this.refreshTokens = refreshTokens;
    }

    @Override
    protected Mono<?> runOnce() {
        return throttle.prune().then(refreshTokens.prune());
    }
}
