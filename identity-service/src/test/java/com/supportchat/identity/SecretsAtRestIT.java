package com.supportchat.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.nimbusds.jose.jwk.RSAKey;
import com.supportchat.identity.signing.SigningKeys;
import com.supportchat.resourceserver.secrets.SecretBox;
import com.supportchat.testsupport.ServiceInfrastructure;

/**
 * Signing private keys are stored sealed; keys stored in plaintext before are sealed at start-up; a new master
 * key re-seals everything; the active signing key is replaced on a schedule and unused ones retired.
 */
class SecretsAtRestIT extends IdentityIntegrationTest {

    @Autowired
    SigningKeys signingKeys;

    @Autowired
    SecretBox secrets;

    @Test
    void theActiveSigningKeyIsStoredSealedUnderTheMasterKey() {
        RSAKey active = signingKeys.activeKey().block();

        String stored = privateKeyColumn(active.getKeyID());

        assertThat(stored).startsWith("enc:v1:1:").doesNotContain(active.getPrivateExponent().toString());
        assertThat(secrets.open(stored, "signing_keys.private_key|" + active.getKeyID()))
                .isEqualTo(active.toJSONString());
    }

    @Test
    void aKeyStoredInPlaintextIsSealedAndANewMasterKeySealsEverythingAgain() {
        RSAKey legacy = SigningKeys.generateKey("legacy-" + System.nanoTime());
        db.sql("INSERT INTO signing_keys (kid, private_key, public_key, active, retired_at) "
                + "VALUES (:kid, :private, :public, FALSE, now())")
            .bind("kid", legacy.getKeyID()).bind("private", legacy.toJSONString())
            .bind("public", legacy.toPublicJWK().toJSONString())
            .then().block();

        assertThat(SigningKeys.PRIVATE_KEYS.rewrap(db, secrets).block()).isGreaterThanOrEqualTo(1);
        String sealed = privateKeyColumn(legacy.getKeyID());
        assertThat(sealed).startsWith("enc:v1:1:");
        assertThat(secrets.open(sealed, "signing_keys.private_key|" + legacy.getKeyID())).isEqualTo(legacy.toJSONString());
        assertThat(SigningKeys.PRIVATE_KEYS.rewrap(db, secrets).block()).as("nothing left to seal").isZero();

        // master key rotation: key 2 first, key 1 still there to open the old values
        String newKey = "2:" + randomKey();
        SecretBox rotated = SecretBox.of(newKey + "," + ServiceInfrastructure.MASTER_KEYS);
        assertThat(SigningKeys.PRIVATE_KEYS.rewrap(db, rotated).block()).isGreaterThanOrEqualTo(2);
        List<String> all = db.sql("SELECT kid || '=' || private_key AS v FROM signing_keys")
            .map((row, meta) -> row.get("v", String.class)).all().collectList().block();
        SecretBox newOnly = SecretBox.of(newKey);
        for (String row : all) {
            String kid = row.substring(0, row.indexOf('='));
            String value = row.substring(row.indexOf('=') + 1);
            assertThat(value).startsWith("enc:v1:2:");
            // once every value is under key 2, key 1 can be removed from SECRETS_MASTER_KEYS
            assertThat(newOnly.open(value, "signing_keys.private_key|" + kid)).startsWith("{");
        }
        // back to the key this JVM's service uses, for the tests after this one
        SecretBox original = SecretBox.of(ServiceInfrastructure.MASTER_KEYS + "," + newKey);
        SigningKeys.PRIVATE_KEYS.rewrap(db, original).block();
    }

    @Test
    void theActiveKeyIsReplacedWhenDueAndKeysThatSignedNothingValidAreRetired() {
        String before = signingKeys.activeKey().block().getKeyID();

        assertThat(signingKeys.rotateIfOlderThan(Duration.ofDays(30), Duration.ofHours(25)).blockOptional())
                .as("a fresh key is not due").isEmpty();

        String rotated = signingKeys.rotateIfOlderThan(Duration.ZERO, Duration.ofHours(25)).block();
        assertThat(rotated).isNotEqualTo(before);
        assertThat(signingKeys.activeKey().block().getKeyID()).isEqualTo(rotated);
        assertThat(retiredAt(before)).as("its tokens may still be valid").isNull();

        // once no token it signed can be valid any more (longest life 0 here), the old key leaves the JWKS
        signingKeys.rotateIfOlderThan(Duration.ofDays(30), Duration.ZERO).block();
        assertThat(retiredAt(before)).isNotNull();
        assertThat(retiredAt(rotated)).isNull();
    }

    private String privateKeyColumn(String kid) {
        return db.sql("SELECT private_key FROM signing_keys WHERE kid = :kid").bind("kid", kid)
            .map((row, meta) -> row.get("private_key", String.class)).one().block();
    }

    private Object retiredAt(String kid) {
        return db.sql("SELECT retired_at FROM signing_keys WHERE kid = :kid").bind("kid", kid)
            .map((row, meta) -> java.util.Optional.ofNullable(row.get("retired_at", java.time.OffsetDateTime.class)))
            .one().block().orElse(null);
    }

    private static String randomKey() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return Base64.getEncoder().encodeToString(bytes);
    }
}
