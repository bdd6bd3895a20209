package com.supportchat.identity.operator;

import java.time.Duration;

import reactor.core.publisher.Mono;

import org.springframework.stereotype.Component;

import com.supportchat.messaging.PeriodicWork;

/** Forgets login failures the back-off no longer needs (a scan of random emails must not grow the table for ever). */
@Component
class LoginFailurePruner extends PeriodicWork {

    private final LoginThrottle throttle;

    LoginFailurePruner(LoginThrottle throttle) {
        super("login-failure pruning", Duration.ofHours(1));
        this.throttle = throttle;
    }

    @Override
    protected Mono<?> runOnce() {
        return throttle.prune();
    }
}
