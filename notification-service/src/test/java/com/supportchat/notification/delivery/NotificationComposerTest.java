package com.supportchat.notification.delivery;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.supportchat.notification.conversation.TranscriptLine;

import static org.assertj.core.api.Assertions.assertThat;

class NotificationComposerTest {

    static Delivery delivery(DeliveryKind kind, Channel channel, String summary) {
        return Delivery.planned("org-1", "conv-1", "event-1", kind, channel, "ops@acme.test", "FRUSTRATION", summary,
                Instant.parse("2026-11-18T10:00:00Z"));
    }

    @Test
    void theEmailCarriesSummaryTriggerLastMessagesAndLinkInTextAndEscapedHtml() {
        List<TranscriptLine> lines = List.of(
                new TranscriptLine(1, "VISITOR", "Grace", "<b>nothing works</b>", Instant.now()),
                new TranscriptLine(2, "AI", "AI", "Have you tried restarting?", Instant.now()),
                new TranscriptLine(3, "OPERATOR", "Ada", "I'm here", Instant.now()));
        NotificationComposer.Email email = NotificationComposer.email(
                delivery(DeliveryKind.HANDOFF, Channel.EMAIL, "Angry about & invoices"), lines,
                "https://c.test/console/#/conversations/conv-1");

        assertThat(email.subject()).isEqualTo("[Support chat] A visitor is waiting for a team member (FRUSTRATION)");
        assertThat(email.text()).contains("Summary: Angry about & invoices")
            .contains("Visitor (Grace): <b>nothing works</b>")
            .contains("AI assistant: Have you tried restarting?")
            .contains("Ada: I'm here")
            .contains("Open the conversation: https://c.test/console/#/conversations/conv-1");
        assertThat(email.html()).contains("Angry about &amp; invoices")
            .contains("&lt;b&gt;nothing works&lt;/b&gt;")
            .doesNotContain("<b>nothing works</b>")
            .contains("<a href=\"https://c.test/console/#/conversations/conv-1\">");
    }

    @Test
    void aReminderSaysSoAndAnEmptyTranscriptIsLeftOut() {
        NotificationComposer.Email email = NotificationComposer.email(delivery(DeliveryKind.RENOTIFY, Channel.EMAIL, null),
                List.of(), "https://c.test/x");
        assertThat(email.subject()).startsWith("[Support chat] Still waiting");
        assertThat(email.text()).contains("Summary: (no summary)").doesNotContain("Last messages");
    }

    @Test
    void theSmsSaysWhatHappenedWithTheLinkAndNoneOfTheVisitorsWords() {
        String sms = NotificationComposer.sms(delivery(DeliveryKind.HANDOFF, Channel.SMS,
                "Visitor says: call http://evil.test now " + "x".repeat(300)), "https://c.test/l");
        assertThat(sms).isEqualTo("A visitor is waiting for a team member (FRUSTRATION) https://c.test/l");
    }

    @Test
    void recipientsAreMasked() {
        assertThat(Recipients.mask(Channel.EMAIL, "grace@acme.test")).isEqualTo("g***@acme.test");
        assertThat(Recipients.mask(Channel.SMS, "+14155550123")).isEqualTo("********0123");
    }
}
