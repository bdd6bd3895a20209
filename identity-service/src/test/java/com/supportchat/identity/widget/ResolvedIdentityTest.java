package com.supportchat.identity.widget;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.supportchat.events.IdentityType;
import com.supportchat.identity.contact.Contact;
import com.supportchat.identity.visitor.Visitor;

import static org.assertj.core.api.Assertions.assertThat;

class ResolvedIdentityTest {

    private static final UUID ORG = UUID.randomUUID();
    private static final UUID VISITOR = UUID.randomUUID();
    private static final UUID CONTACT = UUID.randomUUID();

    @Test
    void visitorWithoutNameOrEmailIsAnonymousAndOwnsItsHistory() {
        ResolvedIdentity identity = ResolvedIdentity.resolve(visitor(null, null), null, null);

        assertThat(identity.type()).isEqualTo(IdentityType.ANONYMOUS);
        assertThat(identity.ownerKey()).isEqualTo("visitor:" + VISITOR);
        assertThat(identity.typeWire()).isEqualTo("anonymous");
    }

    @Test
    void typedEmailMakesANonVerifiedVisitorThatStillOwnsOnlyItsBrowserHistory() {
        ResolvedIdentity identity = ResolvedIdentity.resolve(visitor(null, "ceo@example.com"), null, null);

        assertThat(identity.type()).isEqualTo(IdentityType.NON_VERIFIED);
        assertThat(identity.typeWire()).isEqualTo("non_verified");
        assertThat(identity.ownerKey()).isEqualTo("visitor:" + VISITOR);
        assertThat(identity.contactId()).isNull();
    }

    @Test
    void contactMakesTheVisitorVerifiedAndTheContactOwnsTheHistory() {
        ResolvedIdentity identity = ResolvedIdentity.resolve(visitor("Typed", "typed@example.com"), contact(), null);

        assertThat(identity.type()).isEqualTo(IdentityType.VERIFIED);
        assertThat(identity.ownerKey()).isEqualTo("contact:" + CONTACT);
        assertThat(identity.email()).as("only the trusted email").isEqualTo("grace@example.com");
        assertThat(identity.name()).isEqualTo("Grace");
    }

    @Test
    void externalIdScopesTheContactsHistory() {
        ResolvedIdentity identity = ResolvedIdentity.resolve(visitor(null, null), contact(), "acct-1");

        assertThat(identity.ownerKey()).isEqualTo("contact:" + CONTACT + "#acct-1");
        assertThat(identity.externalId()).isEqualTo("acct-1");
    }

    @Test
    void externalIdIsIgnoredWithoutAContact() {
        ResolvedIdentity identity = ResolvedIdentity.resolve(visitor("Eve", null), null, "acct-1");

        assertThat(identity.ownerKey()).isEqualTo("visitor:" + VISITOR);
        assertThat(identity.externalId()).isNull();
    }

    @Test
    void ownerKeysOfVerifiedAndBrowserHistoriesNeverCollide() {
        assertThat(OwnerKey.visitor(VISITOR)).startsWith("visitor:");
        assertThat(OwnerKey.contact(VISITOR, null)).startsWith("contact:");
        assertThat(OwnerKey.contact(CONTACT, " ")).isEqualTo("contact:" + CONTACT);
        assertThat(OwnerKey.contact(CONTACT, "a")).isNotEqualTo(OwnerKey.contact(CONTACT, "b"));
    }

    private static Visitor visitor(String name, String email) {
        return new Visitor(VISITOR, ORG, null, name, email, Map.of(), Map.of());
    }

    private static Contact contact() {
        return new Contact(CONTACT, ORG, "user-1", "grace@example.com", "Grace", Map.of());
    }
}
