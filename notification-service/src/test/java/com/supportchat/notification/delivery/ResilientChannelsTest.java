package com.supportchat.notification.delivery;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

import static org.assertj.core.api.Assertions.assertThat;

class ResilientChannelsTest {

    static ResilientChannels channels(int maxAttempts, int window) {
        return new ResilientChannels(new ChannelProperties(
                new ChannelProperties.Mail("from@test"),
                new ChannelProperties.Sms("http://127.0.0.1:1", "AC", "token", "+15550000000", Duration.ofSeconds(1)),
                new ChannelProperties.Resilience(maxAttempts, Duration.ofMillis(1), 1.0, 50, window, Duration.ofMinutes(1)),
                new ChannelProperties.Dispatch(Duration.ofSeconds(1), 10, 1, Duration.ofMinutes(10))));
    }

    @Test
    void aTransientFailureIsRetriedUntilItSucceeds() {
        AtomicInteger calls = new AtomicInteger();
        StepVerifier.create(channels(3, 20).call(Channel.SMS, () -> calls.incrementAndGet() < 3
                ? Mono.error(new ChannelFailure("SMS provider answered 503", true, null))
                : Mono.empty()))
            .assertNext(outcome -> assertThat(outcome).isEqualTo(new Outcome(DeliveryStatus.SENT, null, 3)))
            .verifyComplete();
    }

    @Test
    void aPermanentFailureIsNotRetriedAndSaysWhy() {
        AtomicInteger calls = new AtomicInteger();
        StepVerifier.create(channels(3, 20).call(Channel.EMAIL, () -> {
            calls.incrementAndGet();
            return Mono.error(new ChannelFailure("SMTP server refused our credentials", false, null));
        }))
            .assertNext(outcome -> assertThat(outcome)
                .isEqualTo(new Outcome(DeliveryStatus.FAILED, "SMTP server refused our credentials", 1)))
            .verifyComplete();
        assertThat(calls).hasValue(1);
    }

    @Test
    void aFailingChannelOpensItsBreakerWithoutTouchingTheOther() {
        ResilientChannels channels = channels(1, 5);
        for (int i = 0; i < 5; i++) {
            channels.call(Channel.SMS, () -> Mono.error(new ChannelFailure("SMS provider unreachable", true, null)))
                .block(Duration.ofSeconds(5));
        }
        AtomicInteger attempted = new AtomicInteger();
        Outcome refused = channels.call(Channel.SMS, () -> {
            attempted.incrementAndGet();
            return Mono.empty();
        }).block(Duration.ofSeconds(5));
        assertThat(refused.status()).isEqualTo(DeliveryStatus.FAILED);
        assertThat(refused.reason()).startsWith("sms circuit open");
        assertThat(attempted).hasValue(0);
        assertThat(channels.call(Channel.EMAIL, Mono::empty).block(Duration.ofSeconds(5)).status())
            .isEqualTo(DeliveryStatus.SENT);
    }
}
