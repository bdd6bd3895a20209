package com.supportchat.gateway.token;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.http.HttpHeaders;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;
import org.springframework.security.oauth2.server.resource.web.server.authentication.ServerBearerTokenAuthenticationConverter;
import org.springframework.security.web.server.authentication.ServerAuthenticationConverter;

/** Every Authorization header gets the same answer as from Spring Security's own converter. */
class BearerTokenConverterTest {

    private static final String JWT = "eyJraWQiOiJrMSIsImFsZyI6IlJTMjU2In0.eyJzdWIiOiJ2aXNpdG9yLTEiLCJhdWQiOiJzdXBwb3J0"
            + "Y2hhdC13aWRnZXQifQ.c2lnbmF0dXJlLWJ5dGVzLWhlcmUtYW5kLW1vcmUtYnl0ZXMtX18tLQ";

    static Stream<String> headers() {
        return Stream.of(null, "", "Bearer", "Bearer ", "Bearer  " + JWT, "Bearer " + JWT, "bearer " + JWT,
                "BEARER " + JWT, "bEaReR " + JWT, "Bearer " + JWT + " ", "Bearer " + JWT + "\t", "Bearer\t" + JWT,
                "Bearer " + JWT + "=", "Bearer " + JWT + "==", "Bearer abc=def", "Bearer =abc", "Bearer ==",
                "Bearer a b", "Bearer a,b", "Bearer a%2Fb", "Bearer a+b/c~d_e-f.g", "Bearer ä", "Bearer a\u00e4",
                "Bearerx " + JWT, "Bearer:" + JWT, "Basic dXNlcjpwYXNz", "Token " + JWT, "Digest abc", "sk_live_123",
                "Bear " + JWT, "B", "bearer", "Bearer\u0000abc", "Bearer abc\r\n", "Bearer " + "A".repeat(10_000));
    }

    @ParameterizedTest
    @MethodSource("headers")
    void answersLikeSpringSecurity(String header) {
        assertThat(outcome(new BearerTokenConverter(), header))
                .isEqualTo(outcome(new ServerBearerTokenAuthenticationConverter(), header));
    }

    private static String outcome(ServerAuthenticationConverter converter, String header) {
        MockServerHttpRequest.BaseBuilder<?> request = MockServerHttpRequest.get("/widget/v1/conversations/c-1");
        if (header != null) {
            request.header(HttpHeaders.AUTHORIZATION, header);
        }
        try {
            Authentication authentication = converter.convert(MockServerWebExchange.from(request)).block();
            if (authentication == null) {
                return "none";
            }
            return "token:" + ((BearerTokenAuthenticationToken) authentication).getToken();
        }
        catch (OAuth2AuthenticationException e) {
            return "error:" + e.getError().getErrorCode() + ":" + e.getError().getDescription();
        }
    }
}
