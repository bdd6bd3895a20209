package com.supportchat.conversation.thread;

import com.supportchat.events.IdentityType;

/**
 * Whose history a conversation belongs to, from the widget access token: {@code ownerKey} is
 * {@code visitor:<id>} (anonymous, non-verified: bound to the browser) or {@code contact:<id>[#externalId]}
 * (verified: follows the contact across devices, per externalId).
 */
public record Owner(String orgId, String ownerKey, IdentityType identityType, String visitorId, String contactId,
        String externalId, String name, String email) {

    /** How the owner appears as a message author. */
    public Actor asActor() {
        return Actor.visitor(contactId != null ? contactId : visitorId, name == null || name.isBlank() ? "Visitor" : name);
    }
}
