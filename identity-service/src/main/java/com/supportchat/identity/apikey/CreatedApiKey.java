package com.supportchat.identity.apikey;

/** A new key together with its secret, which exists only in this answer. */
public record CreatedApiKey(ApiKey key, String secret) {

    @Override
    public String toString() {
        return "CreatedApiKey[" + key + "]";
    }
}
