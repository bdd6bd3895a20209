package com.supportchat.gateway.cors;

import java.util.Arrays;
import java.util.Set;

import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * The internal token's default ({@value #LOCAL_DEFAULT}) is public: it is in the repository. It is accepted
 * only with a local profile active ({@code local}: deploy/local/up; {@code test}); anywhere else the gateway
 * refuses to start until {@code INTERNAL_API_TOKEN} is set to a secret. identity-service has the same rule.
 */
@Component
class LocalDefaultTokenGuard {

    static final String LOCAL_DEFAULT = "local-internal-token";

    static final Set<String> LOCAL_PROFILES = Set.of("local", "test");

    LocalDefaultTokenGuard(CorsProperties properties, Environment environment) {
        refuseOutsideLocalProfiles(properties.internalToken(), environment.getActiveProfiles());
    }

    static void refuseOutsideLocalProfiles(String token, String... activeProfiles) {
        boolean local = Arrays.stream(activeProfiles).anyMatch(LOCAL_PROFILES::contains);
        if (!local && LOCAL_DEFAULT.equals(token)) {
            throw new IllegalStateException("INTERNAL_API_TOKEN is the public default " + LOCAL_DEFAULT
                    + "; set a secret, or activate the local or test profile (SPRING_PROFILES_ACTIVE)");
        }
    }
}
