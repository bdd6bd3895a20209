package com.supportchat.gateway.limit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

class OpenStreamsTest {

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

    private final OpenStreams streams = new OpenStreams(new StreamLimitProperties(2, 3, 4), meters);

    @Test
    void visitorsAndOperatorsHaveTheirOwnCaps() {
        assertThat(streams.tryOpen(true, "v1", "a1")).isNotNull();
        assertThat(streams.tryOpen(true, "v1", "a2")).isNotNull();
        assertThat(streams.tryOpen(true, "v1", "a3")).as("third stream of one visitor").isNull();

        for (int i = 0; i < 3; i++) {
            assertThat(streams.tryOpen(false, "op", "b" + i)).isNotNull();
        }
        assertThat(streams.tryOpen(false, "op", "b9")).as("fourth stream of one operator").isNull();
    }

    @Test
    void oneAddressIsCappedWhoeverTheSubjectsAre() {
        List<OpenStreams.Slot> slots = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            slots.add(streams.tryOpen(true, "visitor-" + i, "nat"));
        }
        assertThat(slots).doesNotContainNull();
        assertThat(streams.tryOpen(true, "visitor-new", "nat")).isNull();
        // a refusal by address does not use up the subject's slot
        assertThat(streams.tryOpen(true, "visitor-new", "elsewhere")).isNotNull();

        slots.get(0).release();
        slots.get(0).release(); // released twice: counted once
        assertThat(streams.openFor("nat")).isEqualTo(3);
        assertThat(streams.tryOpen(true, "visitor-new", "nat")).isNotNull();
        assertThat(streams.tryOpen(true, "visitor-newer", "nat")).isNull();
    }

    @Test
    void countsStayExactUnderConcurrentOpensAndReleases() throws Exception {
        OpenStreams wide = new OpenStreams(new StreamLimitProperties(1000, 1000, 50), meters);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        AtomicInteger admittedAtOnce = new AtomicInteger();
        AtomicInteger maxSeen = new AtomicInteger();
        CountDownLatch done = new CountDownLatch(4);
        for (int t = 0; t < 4; t++) {
            int thread = t;
            pool.execute(() -> {
                for (int i = 0; i < 5000; i++) {
                    OpenStreams.Slot slot = wide.tryOpen(i % 2 == 0, "s" + thread + "-" + (i % 7), "shared");
                    if (slot != null) {
                        maxSeen.accumulateAndGet(admittedAtOnce.incrementAndGet(), Math::max);
                        admittedAtOnce.decrementAndGet();
                        slot.release();
                    }
                }
                done.countDown();
            });
        }
        assertThat(done.await(30, TimeUnit.SECONDS)).isTrue();
        pool.shutdown();
        assertThat(maxSeen.get()).isLessThanOrEqualTo(50);
        assertThat(wide.openFor("shared")).isZero();
    }
}
