package com.supportchat.handoff.settings;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.supportchat.events.HandoffSettingsChanged;
import com.supportchat.events.HandoffTrigger;
import com.supportchat.events.Topics;
import com.supportchat.handoff.HandoffITBase;
import com.supportchat.testsupport.TestTokens;

import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;

class HandoffSettingsIT extends HandoffITBase {

    @Test
    void anOrgWithoutSettingsSeesTheDefaults() {
        as(newId("org"), "agent").get().uri("/api/v1/settings/handoff").exchange()
            .expectStatus().isOk()
            .expectBody()
            .jsonPath("$.liveHandoffEnabled").isEqualTo(true)
            .jsonPath("$.mode").isEqualTo("preset")
            .jsonPath("$.level").isEqualTo(1)
            .jsonPath("$.officeHours.outsideHoursBehaviour").isEqualTo("escalate_and_collect_email")
            .jsonPath("$.renotifyAfter").isEqualTo("PT5M")
            .jsonPath("$.updatedAt").doesNotExist();
    }

    @Test
    void anAdminsChangeIsStoredAndPublishedAsHandoffSettingsChanged() {
        String org = newId("org");
        Map<String, Object> body = Map.of(
                "liveHandoffEnabled", true,
                "mode", "advanced",
                "level", 2,
                "triggers", Map.of("humanRequest", true, "frustration", false, "unproductive", false,
                        "aiDecision", true, "forbiddenTopics", true),
                "forbiddenTopics", List.of("legal threats", "refunds over $500"),
                "customPhrases", List.of("manager please"),
                "officeHours", Map.of("enabled", true, "timeZone", "Europe/Berlin",
                        "schedule", List.of(Map.of("day", "MONDAY", "open", "09:00", "close", "17:00")),
                        "holidays", List.of("2026-12-25"), "outsideHoursBehaviour", "ai_continues"),
                "renotifyAfter", "PT3M");
        as(org, "admin").put().uri("/api/v1/settings/handoff").contentType(MediaType.APPLICATION_JSON).bodyValue(body)
            .exchange()
            .expectStatus().isOk()
            .expectBody()
            .jsonPath("$.mode").isEqualTo("advanced")
            .jsonPath("$.activeTriggers.length()").isEqualTo(4)
            .jsonPath("$.updatedAt").exists();

        as(org, "agent").get().uri("/api/v1/settings/handoff").exchange()
            .expectStatus().isOk()
            .expectBody()
            .jsonPath("$.officeHours.timeZone").isEqualTo("Europe/Berlin")
            .jsonPath("$.forbiddenTopics[1]").isEqualTo("refunds over $500")
            .jsonPath("$.renotifyAfter").isEqualTo("PT3M");

        List<HandoffSettingsChanged> changes = kafka().awaitRecords(Topics.HANDOFF_SETTINGS_CHANGED, org,
                HandoffSettingsChanged.class, seen -> !seen.isEmpty());
        HandoffSettingsChanged changed = changes.get(0);
        assertThat(changed.orgId()).isEqualTo(org);
        assertThat(changed.advancedMode()).isTrue();
        assertThat(changed.activeTriggers()).containsExactlyInAnyOrder(HandoffTrigger.HUMAN_REQUEST,
                HandoffTrigger.CUSTOM_PHRASE, HandoffTrigger.AI_DECISION, HandoffTrigger.FORBIDDEN_TOPIC);
        assertThat(changed.forbiddenTopics()).containsExactly("legal threats", "refunds over $500");
        assertThat(changed.customPhrases()).containsExactly("manager please");
    }

    @Test
    void invalidSettingsAreRejectedWithProblemDetailsAndNothingIsWritten() {
        String org = newId("org");
        as(org, "admin").put().uri("/api/v1/settings/handoff").contentType(MediaType.APPLICATION_JSON)
            .bodyValue(Map.of("level", 7, "officeHours", Map.of("enabled", true, "timeZone", "Nowhere/Land")))
            .exchange()
            .expectStatus().isBadRequest()
            .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
            .expectBody()
            .jsonPath("$.type").isEqualTo("https://supportchat.dev/problems/validation")
            .jsonPath("$.errors.length()").isEqualTo(2)
            .jsonPath("$.detail").value(detail -> assertThat((String) detail).contains("level").contains("timeZone"));

        as(org, "admin").put().uri("/api/v1/settings/handoff").contentType(MediaType.APPLICATION_JSON)
            .bodyValue("{\"level\": \"high\"")
            .exchange()
            .expectStatus().isBadRequest()
            .expectBody().jsonPath("$.type").isEqualTo("https://supportchat.dev/problems/validation");

        as(org, "admin").get().uri("/api/v1/settings/handoff").exchange()
            .expectStatus().isOk()
            .expectBody().jsonPath("$.updatedAt").doesNotExist().jsonPath("$.level").isEqualTo(1);
    }

    @Test
    void onlyAdminsChangeSettingsAndAnonymousCallersAreTurnedAway() {
        String org = newId("org");
        as(org, "agent").put().uri("/api/v1/settings/handoff").contentType(MediaType.APPLICATION_JSON)
            .bodyValue(Map.of("level", 0))
            .exchange()
            .expectStatus().isForbidden()
            .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
            .expectBody().jsonPath("$.type").isEqualTo("https://supportchat.dev/problems/forbidden");

        web.get().uri("/api/v1/settings/handoff").exchange()
            .expectStatus().isUnauthorized()
            .expectBody().jsonPath("$.type").isEqualTo("https://supportchat.dev/problems/unauthorized");

        // a widget token is signed by the same issuer but is not for the console
        web.get().uri("/api/v1/settings/handoff")
            .header("Authorization", "Bearer " + TestTokens.token(org, "admin", "supportchat-widget"))
            .exchange()
            .expectStatus().isUnauthorized();
    }
}
