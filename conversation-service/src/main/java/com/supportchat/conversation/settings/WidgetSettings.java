package com.supportchat.conversation.settings;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * An org's session rules, each defaulting to what the product brief says.
 *
 * @param allowMultipleOpen       visitors may have several open conversations (default); false hides "new
 *                                conversation" while one is open and refuses to start another
 * @param showConversationList    the widget shows the conversations list before chat (default)
 * @param firstTimeStraightToChat first-time visitors go straight into chat when nothing is to resume
 * @param visitorCanClose         the widget shows a close button (off by default)
 * @param helpfulPrompt           "was this helpful?" under AI answers
 * @param operatorLabel           how operator messages are labelled in the widget
 */
public record WidgetSettings(
        @NotNull Boolean allowMultipleOpen,
        @NotNull Boolean showConversationList,
        @NotNull Boolean firstTimeStraightToChat,
        @NotNull Boolean visitorCanClose,
        @NotNull Boolean helpfulPrompt,
        @NotBlank @Size(max = 40) String operatorLabel) {

    public static final WidgetSettings DEFAULTS = new WidgetSettings(true, true, false, false, true, "Support Agent");
}
