package com.supportchat.identity.widget;

import java.util.UUID;

/**
 * The history owner key every service files conversations under: {@code visitor:<visitorId>} for anonymous
 * and non-verified visitors, {@code contact:<contactId>} for verified ones and
 * {@code contact:<contactId>#<externalId>} when the page scopes the contact to an account. Verified and
 * browser-bound histories can therefore never meet, and an email typed in a browser unlocks nothing.
 */
public final class OwnerKey {

    private OwnerKey() {
    }

    public static String visitor(UUID visitorId) {
        return "visitor:" + visitorId;
    }

    public static String contact(UUID contactId, String externalId) {
        return externalId == null || externalId.isBlank()
                ? "contact:" + contactId
                : "contact:" + contactId + "#" + externalId;
    }
}
