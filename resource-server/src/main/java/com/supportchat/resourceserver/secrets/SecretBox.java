package com.supportchat.resourceserver.secrets;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.env.Environment;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.aead.AeadConfig;
import com.google.crypto.tink.aead.AesGcmKey;
import com.google.crypto.tink.aead.AesGcmParameters;
import com.google.crypto.tink.aead.KmsEnvelopeAead;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import com.google.crypto.tink.util.SecretBytes;

/**
 * Seals secrets before they are stored (signing private keys, per-org model API keys, channel credentials):
 * envelope encryption with Google Tink. Each value gets its own data key (AES-256-GCM), which is encrypted with
 * the master key (AES-256-GCM) and stored beside the value; the master keys come from the environment
 * ({@code SECRETS_MASTER_KEYS}) and never from the database, so a copy of the database alone reveals nothing.
 *
 * <p>A sealed value reads {@code enc:v1:<master key id>:<base64>}. The {@code context} (for example the table,
 * column and row id) is bound into the ciphertext as associated data: a sealed value copied to another row does
 * not open. Values stored before encryption existed have no prefix and are returned as they are by
 * {@link #open}; {@link SealedColumn#rewrap} seals them.
 *
 * <p><b>Rotation.</b> {@code SECRETS_MASTER_KEYS} is a comma-separated list of {@code <id>:<base64 of 32 bytes>};
 * the first is the primary (seals), all of them open. To rotate: put a new key first and keep the old one after
 * it, restart; each service re-seals its values under the new key at start-up ({@link SealedColumn#rewrap}); once
 * that is logged, the old key can be removed.
 */
public final class SecretBox {

    private static final Logger log = LoggerFactory.getLogger(SecretBox.class);

    static final String PREFIX = "enc:v1:";

    static final Set<String> LOCAL_PROFILES = Set.of("local", "test");

    private final Aead envelope;

    private final int primaryKeyId;

    private final String currentPrefix;

    private SecretBox(List<MasterKey> keys) {
        if (keys.isEmpty()) {
            throw new IllegalArgumentException("at least one master key is needed");
        }
        try {
            AeadConfig.register();
            KeysetHandle.Builder keyset = KeysetHandle.newBuilder();
            for (int i = 0; i < keys.size(); i++) {
                MasterKey key = keys.get(i);
                AesGcmKey aesKey = AesGcmKey.builder()
                        .setParameters(AesGcmParameters.builder()
                                .setKeySizeBytes(32)
                                .setIvSizeBytes(12)
                                .setTagSizeBytes(16)
                                .setVariant(AesGcmParameters.Variant.TINK)
                                .build())
                        .setKeyBytes(SecretBytes.copyFrom(key.bytes(), InsecureSecretKeyAccess.get()))
                        .setIdRequirement(key.id())
                        .build();
                KeysetHandle.Builder.Entry entry = KeysetHandle.importKey(aesKey);
                keyset.addEntry(i == 0 ? entry.makePrimary() : entry);
            }
            Aead master = keyset.build().getPrimitive(RegistryConfiguration.get(), Aead.class);
            this.envelope = KmsEnvelopeAead.create(PredefinedAeadParameters.AES256_GCM, master);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot set up the master keys", e);
        }
        this.primaryKeyId = keys.get(0).id();
        this.currentPrefix = PREFIX + Integer.toUnsignedString(primaryKeyId) + ":";
    }

    /** The master keys {@code <id>:<base64>,...}, the first one sealing. */
    public static SecretBox of(String masterKeys) {
        return new SecretBox(MasterKey.parseAll(masterKeys));
    }

    /**
     * From {@code supportchat.secrets.master-keys} ({@code SECRETS_MASTER_KEYS}). Without it, a service refuses to
     * start, unless a local profile ({@code local}, {@code test}) is active: then a random key lives as long as the
     * process (what it seals cannot be read after a restart), and a warning says so.
     */
    public static SecretBox fromEnvironment(Environment environment) {
        String configured = environment.getProperty("supportchat.secrets.master-keys", "");
        if (!configured.isBlank()) {
            return of(configured);
        }
        if (Arrays.stream(environment.getActiveProfiles()).noneMatch(LOCAL_PROFILES::contains)) {
            throw new IllegalStateException("SECRETS_MASTER_KEYS is not set: secrets (signing keys, model API keys) "
                    + "are stored encrypted under it. Set it to '1:' followed by 32 random bytes in base64 "
                    + "(e.g. `echo 1:$(openssl rand -base64 32)`), or run with a local profile "
                    + "(SPRING_PROFILES_ACTIVE=local or test)");
        }
        log.warn("SECRETS_MASTER_KEYS is not set: secrets are sealed with a random key that dies with this process");
        return new SecretBox(List.of(MasterKey.random()));
    }

    /** {@code plaintext} sealed under the primary master key, bound to {@code context}. */
    public String seal(String plaintext, String context) {
        try {
            byte[] ciphertext = envelope.encrypt(plaintext.getBytes(StandardCharsets.UTF_8), bytes(context));
            return currentPrefix + Base64.getEncoder().encodeToString(ciphertext);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot seal a secret", e);
        }
    }

    /**
     * The plaintext of a sealed value; a value without the prefix (stored before encryption) as it is.
     *
     * @throws IllegalStateException when the value does not open: another context, a master key not configured,
     *         or tampering
     */
    public String open(String stored, String context) {
        if (stored == null || !stored.startsWith(PREFIX)) {
            return stored;
        }
        int colon = stored.indexOf(':', PREFIX.length());
        if (colon < 0) {
            throw new IllegalStateException("a sealed secret is malformed (" + context + ")");
        }
        try {
            byte[] ciphertext = Base64.getDecoder().decode(stored.substring(colon + 1));
            return new String(envelope.decrypt(ciphertext, bytes(context)), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("a sealed secret does not open (" + context + "; master key "
                    + stored.substring(PREFIX.length(), colon) + "): is that master key in SECRETS_MASTER_KEYS?", e);
        }
    }

    /** Whether {@code stored} is sealed under the primary master key (else {@link SealedColumn#rewrap} seals it anew). */
    public boolean isCurrent(String stored) {
        return stored != null && stored.startsWith(currentPrefix);
    }

    String currentPrefix() {
        return currentPrefix;
    }

    int primaryKeyId() {
        return primaryKeyId;
    }

    private static byte[] bytes(String context) {
        return context.getBytes(StandardCharsets.UTF_8);
    }

    /** One master key: its id (what a sealed value names) and its 32 bytes. */
    record MasterKey(int id, byte[] bytes) {

        static List<MasterKey> parseAll(String text) {
            List<MasterKey> keys = new ArrayList<>();
            for (String part : text.split(",")) {
                String trimmed = part.trim();
                if (trimmed.isEmpty()) {
                    continue;
                }
                int colon = trimmed.indexOf(':');
                if (colon <= 0) {
                    throw new IllegalArgumentException("a master key reads <id>:<base64 of 32 bytes>");
                }
                int id;
                try {
                    id = Integer.parseInt(trimmed.substring(0, colon));
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("a master key id is a positive number", e);
                }
                byte[] bytes;
                try {
                    bytes = Base64.getDecoder().decode(trimmed.substring(colon + 1));
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("master key " + id + " is not base64", e);
                }
                if (id <= 0 || bytes.length != 32) {
                    throw new IllegalArgumentException("master key " + id + " must have a positive id and 32 bytes");
                }
                if (keys.stream().anyMatch(k -> k.id() == id)) {
                    throw new IllegalArgumentException("master key id " + id + " is given twice");
                }
                keys.add(new MasterKey(id, bytes));
            }
            return keys;
        }

        static MasterKey random() {
            byte[] bytes = new byte[32];
            new SecureRandom().nextBytes(bytes);
            return new MasterKey(1, bytes);
        }
    }
}
