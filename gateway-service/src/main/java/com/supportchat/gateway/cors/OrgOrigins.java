package com.supportchat.gateway.cors;

import java.util.List;

/** One org's entry in identity-service's {@code GET /internal/v1/cors}. */
public record OrgOrigins(String orgId, String widgetToken, List<String> allowedOrigins) {

    @Override
    public String toString() {
        return "OrgOrigins[orgId=" + orgId + ", allowedOrigins=" + allowedOrigins + "]";
    }
}
