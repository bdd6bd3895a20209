package com.supportchat.identity.visitor;

import java.util.LinkedHashMap;
import java.util.Map;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Component;

/**
 * Bounds on what a browser may store about its visitor ({@code user.extra}). It is untrusted input, kept across visits
 * and copied into every {@code visitor-identified} event, so without bounds a page could grow it with every visit until
 * the event is larger than Kafka accepts. Per request: keys of at most {@value #MAX_KEY_LENGTH} characters, values of
 * at most {@value #MAX_VALUE_BYTES} bytes and all of it at most {@value #MAX_BYTES} bytes, measured as JSON (more is a
 * 400 before anything is written). Across visits: what the browser sends now is merged over what it sent before; when
 * the two together would exceed {@value #MAX_BYTES} bytes, what it sends now replaces the rest, so the stored data
 * never grows past the bound and a visitor is never locked out by what earlier visits left.
 */
@Component
public class UntrustedData {

    public static final int MAX_BYTES = 8 * 1024;
    public static final int MAX_KEY_LENGTH = 100;
    public static final int MAX_VALUE_BYTES = 1024;

    private final JsonMapper mapper;

    UntrustedData(JsonMapper mapper) {
        this.mapper = mapper;
    }

    /** What is wrong with {@code data} from a browser, for a problem detail; null when it is within the bounds. */
    public String violation(Map<String, Object> data) {
        if (data == null || data.isEmpty()) {
            return null;
        }
        for (Map.Entry<String, Object> field : data.entrySet()) {
            if (field.getKey().length() > MAX_KEY_LENGTH) {
                return "keys must have at most " + MAX_KEY_LENGTH + " characters";
            }
            if (size(field.getValue()) > MAX_VALUE_BYTES) {
                return "value of " + field.getKey() + " must be at most " + MAX_VALUE_BYTES + " bytes as JSON";
            }
        }
        return size(data) > MAX_BYTES ? "must be at most " + MAX_BYTES + " bytes as JSON" : null;
    }

    /** {@code now} merged over {@code before}; {@code now} alone when the merge would exceed {@value #MAX_BYTES} bytes. */
    Map<String, Object> merge(Map<String, Object> before, Map<String, Object> now) {
        Map<String, Object> merged = new LinkedHashMap<>(before);
        merged.putAll(now);
        return size(merged) > MAX_BYTES ? new LinkedHashMap<>(now) : merged;
    }

    private int size(Object value) {
        return mapper.writeValueAsBytes(value).length;
    }
}
