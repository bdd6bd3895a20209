package com.supportchat.ai.web;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * Body of POST {@code /api/v1/ai/playground}: a visitor message to try, and optionally the conversation before it
 * (oldest first, at most 20 entries).
 */
record PlaygroundRequest(
        @NotBlank @Size(max = 4000) String text,
        @Valid @Size(max = 20) List<Entry> history) {

    /** One earlier message: who wrote it (VISITOR, AI or OPERATOR) and what. */
    record Entry(
            @NotNull @Pattern(regexp = "VISITOR|AI|OPERATOR", message = "must be VISITOR, AI or OPERATOR") String author,
            @NotNull @Size(max = 4000) String text) {
    }
}
