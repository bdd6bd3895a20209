package com.supportchat.identity.internal;

import java.util.Arrays;
import java.util.Set;

import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * The internal token's default ({@value #LOCAL_DEFAULT}) is public: it is in the repository. It is accepted
 * only with a local profile active ({@code local}: deploy/local/up; {@code test}); anywhere else the service
 * refuses to start until {@code INTERNAL_API_TOKEN} is set to a secret.
 */
@Component
class LocalDefaultTokenGuard {

    static final String LOCAL_DEFAULT = "local-internal-token";

    static final Set<String> LOCAL_PROFILES = Set.of("local", "test");

    LocalDefaultTokenGuard(InternalProperties properties, Environment environment) {
        check(properties.token(), environment.getActiveProfiles());
    }

    static void check(String token, String... activeProfiles) {
        if (LOCAL_DEFAULT.equals(token) && Arrays.stream(activeProfiles).noneMatch(LOCAL_PROFILES::contains)) {
            throw new IllegalStateException("INTERNAL_API_TOKEN is the public default '" + LOCAL_DEFAULT
                    + "': set it to a secret of your own, or run with a local profile (SPRING_PROFILES_ACTIVE="
                    + "local or test)");
        }
    }
}
