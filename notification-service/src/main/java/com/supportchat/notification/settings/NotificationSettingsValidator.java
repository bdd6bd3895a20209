package com.supportchat.notification.settings;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import com.supportchat.notification.web.InvalidInputException;

/** Turns a settings document into {@link NotificationSettings}, reporting every broken rule at once. */
public final class NotificationSettingsValidator {

    static final int MAX_EMAILS = 20;
    static final int MAX_NUMBERS = 10;
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");
    /** E.164: a plus, then up to 15 digits not starting with 0. */
    private static final Pattern E164 = Pattern.compile("^\\+[1-9]\\d{6,14}$");

    private NotificationSettingsValidator() {
    }

    public static NotificationSettings validate(NotificationSettingsDocument doc, String defaultConsoleBaseUrl) {
        NotificationSettings defaults = NotificationSettings.defaults(defaultConsoleBaseUrl);
        if (doc == null) {
            throw new InvalidInputException(List.of("body: a settings document is required"));
        }
        List<String> errors = new ArrayList<>();
        List<String> emails = list("emailRecipients", doc.emailRecipients(), MAX_EMAILS, EMAIL,
                "is not an email address", errors, true);
        List<String> numbers = list("smsNumbers", doc.smsNumbers(), MAX_NUMBERS, E164,
                "is not a phone number in E.164 form such as +14155550123", errors, false);
        NotificationSettings.Events events = doc.events() == null ? defaults.events()
                : new NotificationSettings.Events(
                        doc.events().handoff() == null ? defaults.events().handoff() : doc.events().handoff(),
                        doc.events().escalatedMessage() == null ? defaults.events().escalatedMessage()
                                : doc.events().escalatedMessage());
        String base = doc.consoleBaseUrl() == null ? defaults.consoleBaseUrl() : baseUrl(doc.consoleBaseUrl(), errors);
        NotificationSettings.Escalation escalation = escalation(doc.escalation(), defaults.escalation(), errors);
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        return new NotificationSettings(emails, numbers, events, base, escalation);
    }

    private static List<String> list(String field, List<String> values, int max, Pattern pattern, String problem,
            List<String> errors, boolean lowerCase) {
        if (values == null) {
            return List.of();
        }
        if (values.size() > max) {
            errors.add(field + ": at most " + max + " entries");
        }
        Set<String> cleaned = new LinkedHashSet<>();
        for (int i = 0; i < values.size(); i++) {
            String value = values.get(i) == null ? "" : values.get(i).strip();
            if (lowerCase) {
                value = value.toLowerCase(Locale.ROOT);
            }
            if (!pattern.matcher(value).matches()) {
                errors.add(field + "[" + i + "]: \"" + values.get(i) + "\" " + problem);
            }
            else if (!cleaned.add(value)) {
                errors.add(field + "[" + i + "]: \"" + value + "\" is listed twice");
            }
        }
        return List.copyOf(cleaned);
    }

    private static String baseUrl(String value, List<String> errors) {
        String trimmed = value.strip();
        while (trimmed.endsWith("/")) {
            trimmed = trimmed.substring(0, trimmed.length() - 1);
        }
        try {
            URI uri = new URI(trimmed);
            if (("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null
                    && uri.getQuery() == null && uri.getFragment() == null) {
                return trimmed;
            }
        }
        catch (URISyntaxException ex) {
            // reported below
        }
        errors.add("consoleBaseUrl: \"" + value + "\" is not an http(s) URL such as https://support.example.com");
        return null;
    }

    private static NotificationSettings.Escalation escalation(NotificationSettingsDocument.EscalationDocument doc,
            NotificationSettings.Escalation defaults, List<String> errors) {
        if (doc == null) {
            return defaults;
        }
        Duration renotifyAfter = defaults.renotifyAfter();
        if (doc.renotifyAfter() != null) {
            try {
                renotifyAfter = Duration.parse(doc.renotifyAfter());
                if (renotifyAfter.compareTo(Duration.ofMinutes(1)) < 0 || renotifyAfter.compareTo(Duration.ofDays(1)) > 0) {
                    errors.add("escalation.renotifyAfter: must be between PT1M and P1D");
                }
            }
            catch (DateTimeParseException ex) {
                errors.add("escalation.renotifyAfter: \"" + doc.renotifyAfter() + "\" is not an ISO-8601 duration such as PT5M");
            }
        }
        int max = doc.maxRenotifications() == null ? defaults.maxRenotifications() : doc.maxRenotifications();
        if (max < 0 || max > 10) {
            errors.add("escalation.maxRenotifications: must be between 0 and 10");
        }
        boolean smsLater = doc.smsOnlyWhenUnanswered() == null ? defaults.smsOnlyWhenUnanswered()
                : doc.smsOnlyWhenUnanswered();
        return new NotificationSettings.Escalation(renotifyAfter, max, smsLater);
    }
}
