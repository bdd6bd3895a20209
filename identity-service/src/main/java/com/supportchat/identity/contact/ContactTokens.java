package com.supportchat.identity.contact;

import java.util.HashMap;
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
 * Contact tokens ({@code aud supportchat-contact}, {@code sub} contact id, {@code org}, {@code uid}, and
 * {@code xid} when the customer's backend named an account scope): issued to the customer's backend, handed
 * by its page to the widget, verified when the widget starts a session. The {@code xid} is what binds the
 * scope: a page cannot pick another account's history by sending a different {@code externalId}.
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

    /** {@code externalId} may be null: the token then proves the contact with no account scope. */
    public Mono<IssuedToken> issue(Contact contact, String externalId) {
        Map<String, Object> claims = new HashMap<>(Map.of("org", contact.orgId().toString(), "uid", contact.userId()));
        if (externalId != null) {
            claims.put("xid", externalId);
        }
        return tokens.issue(Audiences.CONTACT, contact.id().toString(), properties.contactTokenTtl(), claims);
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
                    return Mono.just(new VerifiedContact(UUID.fromString(jwt.getSubject()), orgId,
                            jwt.getClaimAsString("xid")));
                }
                catch (IllegalArgumentException ex) {
                    return Mono.error(Problem.unauthorized("The user token is invalid or expired"));
                }
            });
    }

    /**
     * What a valid contact token proves.
     *
     * @param externalId the account scope the customer's backend bound into the token; null when it named none
     */
    public record VerifiedContact(UUID contactId, UUID orgId, String externalId) {
    }
}
