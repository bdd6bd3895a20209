package com.supportchat.gateway.token;

import org.springframework.http.HttpHeaders;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.server.resource.BearerTokenErrors;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;
import org.springframework.security.web.server.authentication.ServerAuthenticationConverter;
import org.springframework.web.server.ServerWebExchange;

import reactor.core.publisher.Mono;

/**
 * Reads the bearer token of the {@code Authorization} header exactly as Spring Security's
 * {@code ServerBearerTokenAuthenticationConverter} does with its defaults (the header only, no
 * {@code access_token} query or form parameter), without its case-insensitive regular expression
 * {@code ^Bearer (?<token>[a-zA-Z0-9-._~+/]+=*)$}, which walked every character of every token at
 * about 2 % of the gateway's CPU per request. No {@code Authorization} header, or one of another
 * scheme: no token. {@code Bearer} followed by anything but one space and an RFC 6750 token:
 * {@code invalid_token} "Bearer token is malformed". {@code BearerTokenConverterTest} holds it to the
 * Spring Security converter's answers.
 */
final class BearerTokenConverter implements ServerAuthenticationConverter {

    private static final String SCHEME = "bearer";

    @Override
    public Mono<Authentication> convert(ServerWebExchange exchange) {
        String header = exchange.getRequest().getHeaders().getFirst(HttpHeaders.AUTHORIZATION);
        if (header == null || !header.regionMatches(true, 0, SCHEME, 0, SCHEME.length())) {
            return Mono.empty();
        }
        String token = tokenOf(header);
        if (token == null) {
            return Mono.error(new OAuth2AuthenticationException(
                    BearerTokenErrors.invalidToken("Bearer token is malformed")));
        }
        return Mono.just(new BearerTokenAuthenticationToken(token));
    }

    /** The token of {@code Bearer <token>} (scheme in any ASCII case), or null when the header is not that. */
    static String tokenOf(String header) {
        int n = header.length();
        if (n <= SCHEME.length() + 1 || !asciiEqualsIgnoreCase(header, SCHEME)
                || header.charAt(SCHEME.length()) != ' ') {
            return null;
        }
        int start = SCHEME.length() + 1;
        int i = start;
        while (i < n && isTokenChar(header.charAt(i))) {
            i++;
        }
        if (i == start) {
            return null;
        }
        while (i < n && header.charAt(i) == '=') {
            i++;
        }
        return i == n ? header.substring(start) : null;
    }

    private static boolean asciiEqualsIgnoreCase(String header, String lowerCaseScheme) {
        for (int i = 0; i < lowerCaseScheme.length(); i++) {
            char c = header.charAt(i);
            char lower = c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c;
            if (lower != lowerCaseScheme.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private static boolean isTokenChar(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '.'
                || c == '_' || c == '~' || c == '+' || c == '/';
    }
}
