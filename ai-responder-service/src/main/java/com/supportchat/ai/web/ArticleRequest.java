package com.supportchat.ai.web;

import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** Body of POST/PUT {@code /api/v1/knowledge-base/articles}. */
record ArticleRequest(
        @NotBlank @Size(max = 200) String title,
        @NotBlank @Size(max = 100_000) String content,
        @Pattern(regexp = "(?i)markdown|text|html", message = "must be one of markdown, text, html") String format,
        @Size(max = 20) List<@NotBlank @Size(max = 50) String> tags) {
}
