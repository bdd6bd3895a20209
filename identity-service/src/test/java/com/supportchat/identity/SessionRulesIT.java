package com.supportchat.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.supportchat.events.Topics;
import com.supportchat.events.WidgetSettingsChanged;
import com.supportchat.testsupport.CloudEventTestClient;

/** The session response's config carries the org's session rules, as conversation-service publishes them. */
class SessionRulesIT extends IdentityIntegrationTest {

    @Test
    void configCarriesTheDefaultsUntilTheOrgChangesItsRules() {
        DemoOrg org = newOrg();
        assertThat(map(startSession(Map.of("widgetToken", org.widgetToken())).get("config")))
            .containsEntry("orgId", org.orgId())
            .containsEntry("allowMultipleOpen", true)
            .containsEntry("showConversationList", true)
            .containsEntry("firstTimeStraightToChat", false)
            .containsEntry("visitorCanClose", false)
            .containsEntry("helpfulPrompt", true)
            .containsEntry("operatorLabel", "Support Agent");

        try (CloudEventTestClient kafka = new CloudEventTestClient()) {
            kafka.send(Topics.WIDGET_SETTINGS_CHANGED, WidgetSettingsChanged.TYPE, org.orgId(), org.orgId(), """
                    {"orgId":"%s","allowMultipleOpen":false,"showConversationList":false,"firstTimeStraightToChat":true,
                     "visitorCanClose":true,"helpfulPrompt":false,"operatorLabel":"Acme Team",
                     "changedAt":"2026-11-22T10:00:00Z"}""".formatted(org.orgId()));
            // an older copy arriving late changes nothing
            kafka.send(Topics.WIDGET_SETTINGS_CHANGED, WidgetSettingsChanged.TYPE, org.orgId(), org.orgId(), """
                    {"orgId":"%s","allowMultipleOpen":true,"showConversationList":true,"firstTimeStraightToChat":false,
                     "visitorCanClose":false,"helpfulPrompt":true,"operatorLabel":"Old label",
                     "changedAt":"2026-11-22T09:00:00Z"}""".formatted(org.orgId()));
        }
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(map(startSession(Map.of("widgetToken", org.widgetToken())).get("config")))
                    .containsEntry("allowMultipleOpen", false)
                    .containsEntry("showConversationList", false)
                    .containsEntry("firstTimeStraightToChat", true)
                    .containsEntry("visitorCanClose", true)
                    .containsEntry("helpfulPrompt", false)
                    .containsEntry("operatorLabel", "Acme Team"));
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(map(startSession(Map.of("widgetToken", org.widgetToken())).get("config")))
                    .containsEntry("operatorLabel", "Acme Team"));
    }
}
