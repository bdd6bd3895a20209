package com.supportchat.conversation.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Request bodies, validated before anything is written. */
final class Requests {

    static final int MAX_TEXT = 4000;

    private Requests() {
    }

    record StartConversation(@Size(max = 100) String clientMessageId, @Size(max = MAX_TEXT) String text) {
    }

    /** Either {@code messageId} with {@code helpful}, or {@code rating} (1-5) with an optional {@code comment}. */
    record SubmitFeedback(java.util.UUID messageId, Boolean helpful,
            @jakarta.validation.constraints.Min(1) @jakarta.validation.constraints.Max(5) Integer rating,
            @Size(max = 2000) String comment) {

        boolean isHelpfulVote() {
            return messageId != null && helpful != null && rating == null;
        }

        boolean isRating() {
            return rating != null && messageId == null && helpful == null;
        }
    }

    record PostMessage(@NotBlank @Size(max = 100) String clientMessageId, @NotBlank @Size(max = MAX_TEXT) String text) {
    }
}
