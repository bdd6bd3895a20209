package com.supportchat.ai.knowledge;

/** One searchable passage of an article: the heading it sits under (may be empty) and its plain text. */
public record Chunk(String heading, String text) {
}
