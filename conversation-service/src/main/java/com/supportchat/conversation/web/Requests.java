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

    record PostMessage(@NotBlank @Size(max = 100) String clientMessageId, @NotBlank @Size(max = MAX_TEXT) String text) {
    }
}
