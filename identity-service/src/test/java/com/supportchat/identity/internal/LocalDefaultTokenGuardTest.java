package com.supportchat.identity.internal;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class LocalDefaultTokenGuardTest {

    @Test
    void theDefaultTokenStopsTheStartOutsideALocalProfile() {
        assertThatIllegalStateException().isThrownBy(() -> LocalDefaultTokenGuard.check("local-internal-token"))
            .withMessageContaining("INTERNAL_API_TOKEN");
        assertThatIllegalStateException()
            .isThrownBy(() -> LocalDefaultTokenGuard.check("local-internal-token", "prod", "kubernetes"));
    }

    @Test
    void theDefaultTokenIsFineInTheLocalAndTestProfiles() {
        assertThatCode(() -> LocalDefaultTokenGuard.check("local-internal-token", "local")).doesNotThrowAnyException();
        assertThatCode(() -> LocalDefaultTokenGuard.check("local-internal-token", "test")).doesNotThrowAnyException();
    }

    @Test
    void aTokenOfYourOwnIsFineAnywhere() {
        assertThatCode(() -> LocalDefaultTokenGuard.check("s3cr3t-from-the-vault")).doesNotThrowAnyException();
    }
}
