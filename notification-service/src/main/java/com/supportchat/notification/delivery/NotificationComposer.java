package com.supportchat.notification.delivery;

import java.util.List;

import com.supportchat.notification.conversation.TranscriptLine;

import org.springframework.web.util.HtmlUtils;

/** Writes the email (plain text and HTML) and the SMS for a delivery. Pure; visitor text is HTML-escaped, and never in an SMS. */
public final class NotificationComposer {

    /** An email's parts. */
    public record Email(String subject, String text, String html) {
    }

    private NotificationComposer() {
    }

    public static Email email(Delivery d, List<TranscriptLine> lastMessages, String link) {
        String headline = headline(d);
        String trigger = d.trigger() == null ? "unknown" : d.trigger();
        String summary = d.summary() == null || d.summary().isBlank() ? "(no summary)" : d.summary();
        StringBuilder text = new StringBuilder()
            .append(headline).append("\n\n")
            .append("Trigger: ").append(trigger).append('\n')
            .append("Summary: ").append(summary).append("\n\n");
        StringBuilder html = new StringBuilder()
            .append("<html><body style=\"font-family:sans-serif\">")
            .append("<h2>").append(esc(headline)).append("</h2>")
            .append("<p><strong>Trigger:</strong> ").append(esc(trigger)).append("<br>")
            .append("<strong>Summary:</strong> ").append(esc(summary)).append("</p>");
        if (!lastMessages.isEmpty()) {
            text.append("Last messages:\n");
            html.append("<h3>Last messages</h3><table cellpadding=\"4\">");
            for (TranscriptLine line : lastMessages) {
                String who = who(line);
                text.append("  ").append(who).append(": ").append(line.text()).append('\n');
                html.append("<tr><td valign=\"top\"><strong>").append(esc(who)).append("</strong></td><td>")
                    .append(esc(line.text())).append("</td></tr>");
            }
            text.append('\n');
            html.append("</table>");
        }
        text.append("Open the conversation: ").append(link).append('\n');
        html.append("<p><a href=\"").append(esc(link)).append("\">Open the conversation</a></p></body></html>");
        return new Email("[Support chat] " + headline + " (" + trigger + ")", text.toString(), html.toString());
    }

    /**
     * The SMS: what happened, the trigger and the link, never the summary. The summary is written from what the
     * visitor typed, and an anonymous visitor must not be able to make the platform text their words to an org's
     * team (phishing links, abuse, a bill for long messages).
     */
    public static String sms(Delivery d, String link) {
        return headline(d) + (d.trigger() == null ? "" : " (" + d.trigger() + ")") + " " + link;
    }

    private static String headline(Delivery d) {
        return switch (d.kind()) {
            case HANDOFF -> "A visitor is waiting for a team member";
            case RENOTIFY -> "Still waiting: a visitor has had no reply from the team";
            case ESCALATED_MESSAGE -> "New visitor message in an escalated conversation";
        };
    }

    private static String who(TranscriptLine line) {
        String type = line.authorType() == null ? "" : line.authorType();
        return switch (type) {
            case "VISITOR" -> line.authorName() == null || line.authorName().equals("VISITOR") ? "Visitor"
                    : "Visitor (" + line.authorName() + ")";
            case "AI" -> "AI assistant";
            case "OPERATOR" -> line.authorName() == null ? "Operator" : line.authorName();
            default -> "System";
        };
    }

    private static String esc(String value) {
        return HtmlUtils.htmlEscape(value == null ? "" : value);
    }
}
