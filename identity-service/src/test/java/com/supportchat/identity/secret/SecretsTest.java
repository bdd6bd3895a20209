package com.supportchat.identity.secret;

import org.junit.jupiter.api.Test;

import com.supportchat.identity.apikey.ApiKeySecret;

import static org.assertj.core.api.Assertions.assertThat;

class SecretsTest {

    @Test
    void sha256IsTheKnownDigest() {
        assertThat(Secrets.sha256("abc"))
            .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }

    @Test
    void randomSecretsCarryTheirPrefixAndDoNotRepeat() {
        String a = Secrets.random("vt_", 32);
        String b = Secrets.random("vt_", 32);
        assertThat(a).startsWith("vt_").hasSize(3 + 43).isNotEqualTo(b);
    }

    @Test
    void apiKeyKeepsOnlyAShortPrefixForDisplay() {
        String secret = ApiKeySecret.generate();
        assertThat(secret).startsWith("sk_live_");
        assertThat(ApiKeySecret.prefixOf(secret)).hasSize(14).isEqualTo(secret.substring(0, 14));
        assertThat(ApiKeySecret.hashOf(secret)).hasSize(64).doesNotContain(secret.substring(8));
    }

    @Test
    void constantTimeEqualsHandlesNulls() {
        assertThat(Secrets.constantTimeEquals("a", "a")).isTrue();
        assertThat(Secrets.constantTimeEquals("a", "b")).isFalse();
        assertThat(Secrets.constantTimeEquals(null, "b")).isFalse();
    }
}
