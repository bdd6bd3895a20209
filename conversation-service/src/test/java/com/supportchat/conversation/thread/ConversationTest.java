package com.supportchat.conversation.thread;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import com.supportchat.events.ConversationStatus;
import com.supportchat.events.HandoffTrigger;

class ConversationTest {

    private final Actor jane = Actor.operator("op-jane", "Jane");
    private final Actor max = Actor.operator("op-max", "Max");

    @Test
    void newConversationIsUnresolvedAndAcceptsMessages() {
        Conversation c = ConversationMother.unresolved();
        assertThat(c.status()).isEqualTo(ConversationStatus.UNRESOLVED);
        c.ensureAcceptsMessages();
    }

    @Test
    void unresolvedEscalatesWithTriggerAndSummary() {
        Conversation c = ConversationMother.unresolved().escalate(HandoffTrigger.FRUSTRATION, "angry about a refund");
        assertThat(c.status()).isEqualTo(ConversationStatus.ESCALATED);
        assertThat(c.handoffTrigger()).isEqualTo(HandoffTrigger.FRUSTRATION);
        assertThat(c.handoffSummary()).isEqualTo("angry about a refund");
    }

    @Test
    void escalatedDoesNotEscalateAgain() {
        assertThatThrownBy(() -> ConversationMother.escalated().escalate(HandoffTrigger.OPERATOR, null))
            .isInstanceOf(IllegalTransitionException.class);
    }

    @Test
    void resolvedDoesNotEscalate() {
        assertThatThrownBy(() -> ConversationMother.resolved().escalate(HandoffTrigger.OPERATOR, null))
            .isInstanceOf(IllegalTransitionException.class);
    }

    @Test
    void unresolvedAndEscalatedResolve() {
        assertThat(ConversationMother.unresolved().resolve(ConversationMother.NOW).status()).isEqualTo(ConversationStatus.RESOLVED);
        assertThat(ConversationMother.escalated().resolve(ConversationMother.NOW).status()).isEqualTo(ConversationStatus.RESOLVED);
        assertThat(ConversationMother.escalated().resolve(ConversationMother.NOW).resolvedAt()).isEqualTo(ConversationMother.NOW);
    }

    @Test
    void resolvedConversationRefusesMessagesAndSecondResolve() {
        Conversation resolved = ConversationMother.resolved();
        assertThatThrownBy(resolved::ensureAcceptsMessages)
            .isInstanceOfSatisfying(IllegalTransitionException.class,
                    ex -> assertThat(ex.problem()).isEqualTo("conversation-resolved"));
        assertThatThrownBy(() -> resolved.resolve(ConversationMother.NOW)).isInstanceOf(IllegalTransitionException.class);
    }

    @Test
    void aiResolvesOnlyWhatItOwns() {
        assertThat(ConversationMother.unresolved().resolveByAi(ConversationMother.NOW).status())
            .isEqualTo(ConversationStatus.RESOLVED);
        assertThatThrownBy(() -> ConversationMother.escalated().resolveByAi(ConversationMother.NOW))
            .isInstanceOf(IllegalTransitionException.class);
    }

    @Test
    void claimingAnUnresolvedConversationTakesItFromTheAi() {
        Conversation claimed = ConversationMother.unresolved().claim(jane);
        assertThat(claimed.status()).isEqualTo(ConversationStatus.ESCALATED);
        assertThat(claimed.handoffTrigger()).isEqualTo(HandoffTrigger.OPERATOR);
        assertThat(claimed.assigneeId()).isEqualTo("op-jane");
    }

    @Test
    void claimingEscalatedKeepsItsTrigger() {
        Conversation claimed = ConversationMother.escalated().claim(jane);
        assertThat(claimed.handoffTrigger()).isEqualTo(HandoffTrigger.HUMAN_REQUEST);
        assertThat(claimed.assigneeName()).isEqualTo("Jane");
    }

    @Test
    void secondOperatorCannotClaimWhatAnotherHolds() {
        Conversation claimed = ConversationMother.claimedBy(jane);
        assertThatThrownBy(() -> claimed.claim(max))
            .isInstanceOfSatisfying(IllegalTransitionException.class,
                    ex -> assertThat(ex.problem()).isEqualTo("already-claimed"));
    }

    @Test
    void resolvedCannotBeClaimedOrReleased() {
        assertThatThrownBy(() -> ConversationMother.resolved().claim(jane)).isInstanceOf(IllegalTransitionException.class);
        assertThatThrownBy(() -> ConversationMother.resolved().release(jane)).isInstanceOf(IllegalTransitionException.class);
    }

    @Test
    void releaseHandsBackToTheAi() {
        Conversation released = ConversationMother.claimedBy(jane).release(jane);
        assertThat(released.status()).isEqualTo(ConversationStatus.UNRESOLVED);
        assertThat(released.assigneeId()).isNull();
        assertThat(released.handoffTrigger()).isNull();
    }

    @Test
    void releasingAConversationTheAiAlreadyHasIsRefused() {
        assertThatThrownBy(() -> ConversationMother.unresolved().release(jane)).isInstanceOf(IllegalTransitionException.class);
    }

    @Test
    void onlyOperatorsClaim() {
        assertThatThrownBy(() -> ConversationMother.escalated().claim(Actor.AI)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void anUnclaimedHandoffGoesBackToTheAi() {
        Conversation back = ConversationMother.escalated().handBackUnanswered();
        assertThat(back.status()).isEqualTo(ConversationStatus.UNRESOLVED);
        assertThat(back.handoffTrigger()).isNull();
    }

    @Test
    void aClaimedOrResolvedConversationIsNotHandedBack() {
        assertThatThrownBy(() -> ConversationMother.claimedBy(jane).handBackUnanswered())
            .isInstanceOf(IllegalTransitionException.class);
        assertThatThrownBy(() -> ConversationMother.resolved().handBackUnanswered())
            .isInstanceOf(IllegalTransitionException.class);
        assertThatThrownBy(() -> ConversationMother.unresolved().handBackUnanswered())
            .isInstanceOf(IllegalTransitionException.class);
    }
}
