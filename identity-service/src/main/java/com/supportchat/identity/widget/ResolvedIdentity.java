package com.supportchat.identity.widget;

import java.util.Locale;
import java.util.UUID;

import com.supportchat.events.IdentityType;
import com.supportchat.identity.contact.Contact;
import com.supportchat.identity.visitor.Visitor;

/**
 * Who the widget's user is for this session, and whose history they see.
 *
 * @param externalId the page's account scope; only kept for verified visitors
 */
public record ResolvedIdentity(IdentityType type, UUID visitorId, UUID contactId, String externalId, String ownerKey,
        String name, String email) {

    /**
     * The rules: a proven contact makes the visitor verified (history owned by the contact, per
     * externalId); otherwise a name or email the browser gave makes it non-verified; otherwise anonymous.
     * Without a contact the externalId is ignored: an unproven account scope must not select history.
     */
    public static ResolvedIdentity resolve(Visitor visitor, Contact contact, String externalId) {
        if (contact != null) {
            String scope = externalId == null || externalId.isBlank() ? null : externalId.trim();
            return new ResolvedIdentity(IdentityType.VERIFIED, visitor.id(), contact.id(), scope,
                    OwnerKey.contact(contact.id(), scope), firstNonBlank(contact.name(), visitor.name()),
                    contact.email());
        }
        boolean described = !isBlank(visitor.name()) || !isBlank(visitor.email());
        return new ResolvedIdentity(described ? IdentityType.NON_VERIFIED : IdentityType.ANONYMOUS, visitor.id(), null,
                null, OwnerKey.visitor(visitor.id()), blankToNull(visitor.name()), blankToNull(visitor.email()));
    }

    /** The {@code idt} claim and the {@code identity.type} field: {@code anonymous|non_verified|verified}. */
    public String typeWire() {
        return type.name().toLowerCase(Locale.ROOT);
    }

    private static String firstNonBlank(String first, String second) {
        return !isBlank(first) ? first : blankToNull(second);
    }

    private static String blankToNull(String value) {
        return isBlank(value) ? null : value;
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
