package com.supportchat.identity.signing;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.function.Function;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jwt.SignedJWT;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import com.supportchat.resourceserver.TokenDecoders;

import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;

/**
 * Issues and verifies this service's JWTs. Verification uses the keys straight from {@link SigningKeys}
 * (no HTTP round trip to our own JWKS), accepts RS256 only (so {@code alg: none} and HMAC tricks fail),
 * and checks issuer, expiry and the one audience the caller expects.
 */
public class Tokens {

    private final SigningKeys keys;
    private final TokenSigner signer;
    private final Clock clock;

    public Tokens(SigningKeys keys, TokenSigner signer, Clock clock) {
        this.keys = keys;
        this.signer = signer;
        this.clock = clock;
    }

    public Mono<IssuedToken> issue(String audience, String subject, Duration ttl, Map<String, ?> claims) {
        return keys.activeKey().map(key -> signer.sign(key, audience, subject, clock.instant(), ttl, claims));
    }

    /** A decoder that accepts only valid tokens of this issuer for {@code audience}. */
    public ReactiveJwtDecoder decoderFor(String audience) {
        return decoder(jwt -> keys.verificationKeys(jwt.getHeader().getKeyID()).flatMapMany(Flux::fromIterable),
                signer.issuer(), audience);
    }

    /**
     * The verification rules, apart from where keys come from: RS256 only, the key named by {@code kid},
     * issuer, {@code exp}/{@code nbf} (60 s clock skew) and the audience.
     */
    static ReactiveJwtDecoder decoder(Function<SignedJWT, Flux<JWK>> keySource, String issuer, String audience) {
        NimbusReactiveJwtDecoder decoder = NimbusReactiveJwtDecoder.withJwkSource(keySource)
            .jwsAlgorithm(SignatureAlgorithm.RS256)
            .build();
        decoder.setJwtValidator(TokenDecoders.validator(issuer, audience));
        return decoder;
    }
}
