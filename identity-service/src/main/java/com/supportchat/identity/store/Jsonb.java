package com.supportchat.identity.store;

import java.util.LinkedHashMap;
import java.util.Map;

import io.r2dbc.postgresql.codec.Json;
import io.r2dbc.spi.Readable;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Maps JSON objects to and from PostgreSQL {@code jsonb} columns. */
public class Jsonb {

    private static final TypeReference<LinkedHashMap<String, Object>> OBJECT = new TypeReference<>() {
    };

    private final JsonMapper mapper;

    public Jsonb(JsonMapper mapper) {
        this.mapper = mapper;
    }

    public Json write(Map<String, ?> value) {
        return Json.of(mapper.writeValueAsString(value == null ? Map.of() : value));
    }

    public Map<String, Object> read(Readable row, String column) {
        Json json = row.get(column, Json.class);
        if (json == null) {
            return Map.of();
        }
        return mapper.readValue(json.asString(), OBJECT);
    }

    /** Reads a JSON object whose values are strings (metadata), dropping anything else. */
    public Map<String, String> readStrings(Readable row, String column) {
        Map<String, String> strings = new LinkedHashMap<>();
        read(row, column).forEach((key, value) -> {
            if (value instanceof String text) {
                strings.put(key, text);
            }
        });
        return strings;
    }
}
