package com.supportchat.identity.contact;

import java.util.Map;
import java.util.UUID;

import reactor.core.publisher.Mono;

import com.supportchat.identity.signing.Audiences;
import com.supportchat.identity.signing.IssuedToken;
import com.supportchat.identity.signing.TokenProperties;
import com.supportchat.identity.signing.Tokens;
import com.supportchat.resourceserver.Problem;

import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.stereotype.Component;

/**
 * Contact tokens ({@code aud supportchat-contact}, {@code sub} contact id, {@code org}, {@code uid}): issued
 * to the customer's backend, handed by its page to the widget, verified when the widget starts a session.
 */
@Component
public class ContactTokens {

    private final Tokens tokens;
    private final TokenProperties properties;
    private final ReactiveJwtDecoder decoder;

    ContactTokens(Tokens tokens, TokenProperties properties) {
        this.tokens = tokens;
        this.properties = properties;
        this.decoder = tokens.decoderFor(Audiences.CONTACT);
    }

    public Mono<IssuedToken> issue(Contact contact) {
        return tokens.issue(Audiences.CONTACT, contact.id().toString(), properties.contactTokenTtl(),
                Map.of("org", contact.orgId().toString(), "uid", contact.userId()));
    }

    /**
     * The contact a token proves, for a session of {@code orgId}. A bad, expired or foreign token is a 401:
     * the visitor asked to be verified and must not silently become someone less trusted.
     */
    public Mono<VerifiedContact> verify(String token, UUID orgId) {
        return decoder.decode(token)
            .onErrorMap(JwtException.class, ex -> Problem.unauthorized("The user token is invalid or expired"))
            .flatMap(jwt -> {
                String org = jwt.getClaimAsString("org");
                if (!orgId.toString().equals(org)) {
                    return Mono.error(Problem.unauthorized("The user token is invalid or expired"));
                }
                try {
                    return Mono.just(new VerifiedContact(UUID.fromString(jwt.getSubject()), orgId));
                }
                catch (IllegalArgumentException ex) {
                    return Mono.error(Problem.unauthorized("The user token is invalid or expired"));
                }
            });
    }

    /** What a valid contact token proves. */
    public record VerifiedContact(UUID contactId, UUID orgId) {
    }
}
