package com.supportchat.identity.operator;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class LoginPropertiesTest {

    private final LoginProperties backoff = new LoginProperties(5, Duration.ofMinutes(15), Duration.ofSeconds(30),
            Duration.ofMinutes(15), Duration.ofHours(12), true);

    @Test
    void fiveFailuresAreFreeThenTheWaitDoublesUpToTheMaximum() {
        assertThat(backoff.waitAfter(1)).isZero();
        assertThat(backoff.waitAfter(5)).isZero();
        assertThat(backoff.waitAfter(6)).isEqualTo(Duration.ofSeconds(30));
        assertThat(backoff.waitAfter(7)).isEqualTo(Duration.ofMinutes(1));
        assertThat(backoff.waitAfter(10)).isEqualTo(Duration.ofMinutes(8));
        assertThat(backoff.waitAfter(11)).isEqualTo(Duration.ofMinutes(15));
        assertThat(backoff.waitAfter(1_000)).isEqualTo(Duration.ofMinutes(15));
    }
}
