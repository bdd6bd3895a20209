package com.supportchat.handoff.record;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import com.supportchat.events.HandoffTrigger;
import com.supportchat.handoff.policy.DecisionReason;
import com.supportchat.handoff.policy.HandoffDecision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class HandoffRecordTest {

    static final Instant T0 = Instant.parse("2026-11-18T10:00:00Z");

    static HandoffRecord waiting() {
        return HandoffRecord.requested("r1", "org", "conv", HandoffTrigger.HUMAN_REQUEST, "ai", "summary", T0)
            .decide(new HandoffDecision(true, DecisionReason.ACCEPTED, "Connecting", null), T0);
    }

    @Test
    void anAcceptedRequestWaitsAndADeclinedOneIsClosed() {
        assertThat(waiting().status()).isEqualTo(HandoffStatus.WAITING);
        assertThat(waiting().reason()).isEqualTo("accepted");
        HandoffRecord declined = HandoffRecord.requested("r2", "org", "conv", HandoffTrigger.AI_DECISION, "ai", null, T0)
            .decide(new HandoffDecision(false, DecisionReason.AI_SHOULD_TRY_FIRST, null, null), T0);
        assertThat(declined.status()).isEqualTo(HandoffStatus.DECLINED);
        assertThatThrownBy(() -> declined.claim("op", "Ada", T0)).isInstanceOf(IllegalStateException.class)
            .hasMessageContaining("DECLINED");
    }

    @Test
    void claimedThenResolvedKeepsTheFirstClaimAndFirstReply() {
        HandoffRecord claimed = waiting().claim("op-1", "Ada", T0.plusSeconds(30)).claim("op-2", "Bob", T0.plusSeconds(60));
        assertThat(claimed.status()).isEqualTo(HandoffStatus.CLAIMED);
        assertThat(claimed.operatorName()).isEqualTo("Bob");
        assertThat(claimed.claimedAt()).isEqualTo(T0.plusSeconds(30));
        HandoffRecord replied = claimed.humanReplied(T0.plusSeconds(90)).humanReplied(T0.plusSeconds(120));
        assertThat(replied.firstHumanReplyAt()).isEqualTo(T0.plusSeconds(90));
        HandoffRecord resolved = replied.resolve(T0.plusSeconds(200));
        assertThat(resolved.status()).isEqualTo(HandoffStatus.RESOLVED);
        assertThat(resolved.resolvedAt()).isEqualTo(T0.plusSeconds(200));
        assertThatThrownBy(() -> resolved.release(T0)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void resolvedWhileWaitingIsAbandonedAndReleaseGoesBackToTheAi() {
        assertThat(waiting().resolve(T0.plusSeconds(5)).status()).isEqualTo(HandoffStatus.ABANDONED);
        HandoffRecord released = waiting().claim("op", "Ada", T0).release(T0.plusSeconds(9));
        assertThat(released.status()).isEqualTo(HandoffStatus.RELEASED);
        assertThat(released.releasedAt()).isEqualTo(T0.plusSeconds(9));
        assertThat(released.resolvedAt()).isNull();
    }

    @Test
    void onlyAHandoffStillAwaitingAHumanCanBeFlagged() {
        HandoffRecord overdue = waiting().markOverdue(T0.plusSeconds(300));
        assertThat(overdue.overdueAt()).isEqualTo(T0.plusSeconds(300));
        assertThat(overdue.markOverdue(T0.plusSeconds(600)).overdueAt()).isEqualTo(T0.plusSeconds(300));
        assertThatThrownBy(() -> waiting().humanReplied(T0).markOverdue(T0)).isInstanceOf(IllegalStateException.class);
    }
}
