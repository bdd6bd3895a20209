package com.supportchat.resourceserver.revocation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.Jwt;

class RevokedOperatorsTest {

    private static final Instant NOW = Instant.parse("2026-12-08T10:00:00.400Z");

    private final RevokedOperators revoked = new RevokedOperators(Duration.ofMinutes(65), Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void tokensIssuedBeforeTheCutAreRefusedLaterOnesAndOthersAreNot() {
        List<String> cuts = new ArrayList<>();
        revoked.cuts().subscribe(cuts::add);

        revoked.revoke("op-1", NOW);

        NotRevoked validator = new NotRevoked(revoked);
        assertThat(validator.validate(token("op-1", NOW.minusSeconds(60))).hasErrors()).isTrue();
        // iat has whole seconds: the cut's own second counts as before it
        assertThat(validator.validate(token("op-1", Instant.parse("2026-12-08T10:00:00Z"))).hasErrors()).isTrue();
        assertThat(validator.validate(token("op-1", NOW.plusSeconds(1))).hasErrors()).isFalse();
        assertThat(validator.validate(token("op-2", NOW.minusSeconds(60))).hasErrors()).isFalse();
        assertThat(cuts).containsExactly("op-1");
    }

    @Test
    void aCutOlderThanAnyLiveTokenIsIgnoredAndTheLatestCutCounts() {
        revoked.revoke("op-1", NOW.minus(Duration.ofHours(2)));
        assertThat(revoked.isRevoked("op-1", NOW.minus(Duration.ofHours(3)))).isFalse();

        revoked.revoke("op-1", NOW.minusSeconds(30));
        revoked.revoke("op-1", NOW.minusSeconds(300)); // an older event read late does not move the cut back
        assertThat(revoked.isRevoked("op-1", NOW.minusSeconds(60))).isTrue();
    }

    private static Jwt token(String subject, Instant issuedAt) {
        return Jwt.withTokenValue("t").header("alg", "RS256").subject(subject).issuedAt(issuedAt)
            .expiresAt(issuedAt.plus(Duration.ofMinutes(15))).build();
    }
}
