package com.supportchat.identity;

import java.util.List;
import java.util.Map;

import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.Test;

import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/** Rotation: new tokens get the new kid, old tokens keep working until their key is retired. */
class KeyRotationIT extends IdentityIntegrationTest {

    @Test
    void rotatedKeyKeepsOldTokensValidUntilRetired() throws Exception {
        DemoOrg org = newOrg();
        String before = login(org.adminEmail(), ADMIN_PASSWORD);
        String oldKid = SignedJWT.parse(before).getHeader().getKeyID();

        String newKid = (String) client.post().uri("/internal/v1/signing-keys/rotate").header("X-Internal-Token", INTERNAL_TOKEN)
            .exchange().expectStatus().isOk().expectBody(JSON).returnResult().getResponseBody().get("kid");

        String after = login(org.adminEmail(), ADMIN_PASSWORD);
        assertThat(newKid).isNotEqualTo(oldKid);
        assertThat(SignedJWT.parse(after).getHeader().getKeyID()).isEqualTo(newKid);
        assertThat(jwksKids()).contains(oldKid, newKid);
        me(before).expectStatus().isOk();
        me(after).expectStatus().isOk();

        client.post().uri("/internal/v1/signing-keys/{kid}/retire", newKid).header("X-Internal-Token", INTERNAL_TOKEN)
            .exchange().expectStatus().isEqualTo(409);
        client.post().uri("/internal/v1/signing-keys/{kid}/retire", oldKid).header("X-Internal-Token", INTERNAL_TOKEN)
            .exchange().expectStatus().isOk();

        assertThat(jwksKids()).contains(newKid).doesNotContain(oldKid);
        me(before).expectStatus().isUnauthorized();
        me(after).expectStatus().isOk();
    }

    @SuppressWarnings("unchecked")
    private List<String> jwksKids() {
        Map<String, Object> jwks = client.get().uri("/.well-known/jwks.json").exchange()
            .expectStatus().isOk().expectBody(JSON).returnResult().getResponseBody();
        return ((List<Map<String, Object>>) jwks.get("keys")).stream().map(key -> (String) key.get("kid")).toList();
    }

    private WebTestClient.ResponseSpec me(String token) {
        return client.get().uri("/api/v1/auth/me").headers(h -> h.setBearerAuth(token)).exchange();
    }
}
