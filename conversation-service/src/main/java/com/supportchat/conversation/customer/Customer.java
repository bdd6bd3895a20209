package com.supportchat.conversation.customer;

import java.util.Map;

/** A customer of an org: who they are and what is known about them, trusted (server) and untrusted (browser). */
public record Customer(
        String customerKey,
        String identityType,
        String name,
        String email,
        String externalId,
        Map<String, Object> trustedData,
        Map<String, Object> untrustedData,
        Map<String, Object> metadata) {
}
