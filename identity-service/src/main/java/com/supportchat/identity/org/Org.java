package com.supportchat.identity.org;

import java.util.List;
import java.util.UUID;

/** One business using the platform; {@code operatorLabel} is how the widget names its human operators. */
public record Org(UUID id, String name, String slug, List<String> allowedOrigins, String operatorLabel) {

    public Org {
        allowedOrigins = allowedOrigins == null ? List.of() : List.copyOf(allowedOrigins);
    }
}
