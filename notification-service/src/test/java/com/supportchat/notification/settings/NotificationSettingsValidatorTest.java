package com.supportchat.notification.settings;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.supportchat.notification.settings.NotificationSettingsDocument.EscalationDocument;
import com.supportchat.notification.settings.NotificationSettingsDocument.EventsDocument;
import com.supportchat.notification.web.InvalidInputException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class NotificationSettingsValidatorTest {

    static final String DEFAULT_URL = "http://localhost:8080";

    @Test
    void anEmptyDocumentGivesTheDefaults() {
        NotificationSettings settings = NotificationSettingsValidator.validate(
                new NotificationSettingsDocument(null, null, null, null, null, null), DEFAULT_URL);
        assertThat(settings).isEqualTo(NotificationSettings.defaults(DEFAULT_URL));
        assertThat(settings.events().handoff()).isTrue();
        assertThat(settings.conversationLink("c1")).isEqualTo("http://localhost:8080/console/#/conversations/c1");
    }

    @Test
    void valuesAreNormalised() {
        NotificationSettings settings = NotificationSettingsValidator.validate(new NotificationSettingsDocument(
                List.of(" Ops@Acme.Test "), List.of("+14155550123"), new EventsDocument(false, true),
                "https://support.acme.test//", new EscalationDocument("PT10M", 3, true), null), DEFAULT_URL);
        assertThat(settings.emailRecipients()).containsExactly("ops@acme.test");
        assertThat(settings.consoleBaseUrl()).isEqualTo("https://support.acme.test");
        assertThat(settings.events()).isEqualTo(new NotificationSettings.Events(false, true));
        assertThat(settings.escalation()).isEqualTo(new NotificationSettings.Escalation(Duration.ofMinutes(10), 3, true));
    }

    @Test
    void reportsEveryBrokenRule() {
        InvalidInputException ex = catchThrowableOfType(InvalidInputException.class,
                () -> NotificationSettingsValidator.validate(new NotificationSettingsDocument(
                        List.of("a@b.test", "A@B.test", "nope"), List.of("0123", "+1415555012345678"), null,
                        "javascript:alert(1)", new EscalationDocument("soon", 11, null), null), DEFAULT_URL));
        assertThat(ex.errors()).containsExactlyInAnyOrder(
                "emailRecipients[1]: \"a@b.test\" is listed twice",
                "emailRecipients[2]: \"nope\" is not an email address",
                "smsNumbers[0]: \"0123\" is not a phone number in E.164 form such as +14155550123",
                "smsNumbers[1]: \"+1415555012345678\" is not a phone number in E.164 form such as +14155550123",
                "consoleBaseUrl: \"javascript:alert(1)\" is not an http(s) URL such as https://support.example.com",
                "escalation.renotifyAfter: \"soon\" is not an ISO-8601 duration such as PT5M",
                "escalation.maxRenotifications: must be between 0 and 10");
    }
}
