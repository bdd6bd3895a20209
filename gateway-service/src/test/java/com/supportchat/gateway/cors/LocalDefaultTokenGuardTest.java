package com.supportchat.gateway.cors;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import org.junit.jupiter.api.Test;

class LocalDefaultTokenGuardTest {

    @Test
    void refusesThePublicDefaultWithoutALocalProfile() {
        assertThatIllegalStateException()
                .isThrownBy(() -> LocalDefaultTokenGuard.refuseOutsideLocalProfiles("local-internal-token"));
        assertThatIllegalStateException()
                .isThrownBy(() -> LocalDefaultTokenGuard.refuseOutsideLocalProfiles("local-internal-token", "prod"));
    }

    @Test
    void acceptsTheDefaultLocallyAndAnyOtherTokenEverywhere() {
        assertThatCode(() -> LocalDefaultTokenGuard.refuseOutsideLocalProfiles("local-internal-token", "local"))
                .doesNotThrowAnyException();
        assertThatCode(() -> LocalDefaultTokenGuard.refuseOutsideLocalProfiles("local-internal-token", "test"))
                .doesNotThrowAnyException();
        assertThatCode(() -> LocalDefaultTokenGuard.refuseOutsideLocalProfiles("a-real-secret"))
                .doesNotThrowAnyException();
    }
}
