package com.supportchat.resourceserver.secrets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import java.security.SecureRandom;
import java.util.Base64;

import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

class SecretBoxTest {

    private static final String KEY_1 = "1:" + randomKey();

    private static final String KEY_2 = "2:" + randomKey();

    @Test
    void aSealedSecretOpensOnlyInItsOwnContext() {
        SecretBox box = SecretBox.of(KEY_1);

        String sealed = box.seal("sk-live-abc", "ai_settings.api_key|org-1");

        assertThat(sealed).startsWith("enc:v1:1:").doesNotContain("sk-live-abc");
        assertThat(box.open(sealed, "ai_settings.api_key|org-1")).isEqualTo("sk-live-abc");
        // copied to another org's row, it does not open
        assertThatIllegalStateException().isThrownBy(() -> box.open(sealed, "ai_settings.api_key|org-2"));
        // every seal has its own data key and nonce
        assertThat(box.seal("sk-live-abc", "ai_settings.api_key|org-1")).isNotEqualTo(sealed);
    }

    @Test
    void aTamperedValueDoesNotOpen() {
        SecretBox box = SecretBox.of(KEY_1);
        String sealed = box.seal("private", "ctx");
        byte[] bytes = Base64.getDecoder().decode(sealed.substring("enc:v1:1:".length()));
        bytes[bytes.length - 1] ^= 1;

        assertThatIllegalStateException().isThrownBy(
                () -> box.open("enc:v1:1:" + Base64.getEncoder().encodeToString(bytes), "ctx"));
    }

    @Test
    void aRotatedMasterKeyStillOpensWhatTheOldOneSealedUntilItIsRemoved() {
        SecretBox before = SecretBox.of(KEY_1);
        String old = before.seal("signing-key", "signing_keys.private_key|k1");

        SecretBox rotated = SecretBox.of(KEY_2 + "," + KEY_1);
        assertThat(rotated.isCurrent(old)).isFalse();
        assertThat(rotated.open(old, "signing_keys.private_key|k1")).isEqualTo("signing-key");
        String resealed = rotated.seal("signing-key", "signing_keys.private_key|k1");
        assertThat(resealed).startsWith("enc:v1:2:");
        assertThat(rotated.isCurrent(resealed)).isTrue();

        SecretBox newOnly = SecretBox.of(KEY_2);
        assertThat(newOnly.open(resealed, "signing_keys.private_key|k1")).isEqualTo("signing-key");
        assertThatIllegalStateException().isThrownBy(() -> newOnly.open(old, "signing_keys.private_key|k1"))
                .withMessageContaining("master key 1");
    }

    @Test
    void aValueStoredBeforeEncryptionIsReadAsItIs() {
        SecretBox box = SecretBox.of(KEY_1);

        assertThat(box.open("sk-plain", "ctx")).isEqualTo("sk-plain");
        assertThat(box.isCurrent("sk-plain")).isFalse();
        assertThat(box.open(null, "ctx")).isNull();
    }

    @Test
    void badMasterKeysAreRefusedWithAReason() {
        assertThatIllegalArgumentException().isThrownBy(() -> SecretBox.of("1:" + Base64.getEncoder().encodeToString(new byte[16])))
                .withMessageContaining("32 bytes");
        assertThatIllegalArgumentException().isThrownBy(() -> SecretBox.of("x:" + randomKey()));
        assertThatIllegalArgumentException().isThrownBy(() -> SecretBox.of(KEY_1 + "," + KEY_1)).withMessageContaining("twice");
        assertThatIllegalArgumentException().isThrownBy(() -> SecretBox.of(" , "));
    }

    @Test
    void withoutMasterKeysOnlyALocalProfileStarts() {
        assertThatIllegalStateException().isThrownBy(() -> SecretBox.fromEnvironment(new MockEnvironment()))
                .withMessageContaining("SECRETS_MASTER_KEYS");

        MockEnvironment local = new MockEnvironment();
        local.setActiveProfiles("local");
        SecretBox ephemeral = SecretBox.fromEnvironment(local);
        assertThat(ephemeral.open(ephemeral.seal("x", "c"), "c")).isEqualTo("x");

        MockEnvironment configured = new MockEnvironment().withProperty("supportchat.secrets.master-keys", KEY_1);
        assertThat(SecretBox.of(KEY_1).open(SecretBox.fromEnvironment(configured).seal("x", "c"), "c")).isEqualTo("x");
    }

    private static String randomKey() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return Base64.getEncoder().encodeToString(bytes);
    }
}
