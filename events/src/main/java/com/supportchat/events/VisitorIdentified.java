package com.supportchat.events;

import java.time.Instant;
import java.util.Map;

/**
 * Who a visitor is, as identity-service resolved it at session start. {@code customerKey} is the history
 * owner ({@code visitor:<id>} for anonymous and non-verified, {@code contact:<id>} for verified, and
 * {@code contact:<id>#<externalId>} for verified with an externalId); it is also the Kafka key;
 * {@code trustedData} came from the customer's backend, {@code untrustedData} from the browser.
 */
public record VisitorIdentified(
        String orgId,
        String customerKey,
        String visitorId,
        String contactId,
        String externalId,
        IdentityType identityType,
        String name,
        String email,
        Map<String, Object> trustedData,
        Map<String, Object> untrustedData,
        Map<String, String> metadata,
        Instant identifiedAt) implements PublishedEvent {

    public static final String TYPE = "com.supportchat.identity.visitor-identified.v1";

    public VisitorIdentified {
        trustedData = trustedData == null ? Map.of() : Map.copyOf(trustedData);
        untrustedData = untrustedData == null ? Map.of() : Map.copyOf(untrustedData);
        metadata = metadata == null ? Map.of() : Map.copyOf(metadata);
    }

    @Override
    public String topic() {
        return Topics.VISITOR_IDENTIFIED;
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public String subject() {
        return customerKey;
    }
}
