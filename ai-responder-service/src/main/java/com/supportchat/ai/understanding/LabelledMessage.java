package com.supportchat.ai.understanding;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A visitor message with the signals a person read in it: the unit of the labelled data the classifier is trained
 * on (and judged on). Stored as JSON lines: {@code {"lang", "labels": [...], "history"?: [{"author", "text"}],
 * "text"}}; a line with {@code settings} instead holds the org settings the labels assume.
 */
public record LabelledMessage(Language language, String text, List<Turn> history, Set<Signal> labels) {

    public LabelledMessage {
        history = List.copyOf(history);
        labels = labels.isEmpty() ? EnumSet.noneOf(Signal.class) : EnumSet.copyOf(labels);
    }

    /** The labelled messages of a JSON-lines resource (settings lines are skipped). */
    public static List<LabelledMessage> read(InputStream in) {
        JsonMapper json = JsonMapper.builder().build();
        List<LabelledMessage> messages = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.isBlank()) {
                    continue;
                }
                JsonNode node = json.readTree(line);
                if (node.has("settings")) {
                    continue;
                }
                Language language = Language.ofCode(node.path("lang").asString(""))
                    .orElseThrow(() -> new IllegalArgumentException("unknown language in " + node));
                Set<Signal> labels = EnumSet.noneOf(Signal.class);
                for (JsonNode label : node.path("labels")) {
                    labels.add(Signal.valueOf(label.asString().toUpperCase(Locale.ROOT)));
                }
                List<Turn> history = new ArrayList<>();
                for (JsonNode turn : node.path("history")) {
                    history.add(new Turn(Turn.Speaker.valueOf(turn.path("author").asString().toUpperCase(Locale.ROOT)),
                            turn.path("text").asString()));
                }
                messages.add(new LabelledMessage(language, node.path("text").asString(), history, labels));
            }
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        return messages;
    }

    public static List<LabelledMessage> readResource(String resource) {
        try (InputStream in = LabelledMessage.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + resource);
            }
            return read(in);
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }
}
