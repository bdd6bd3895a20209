package com.supportchat.identity.org;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class WidgetTokenTest {

    @Test
    void emptyListAllowsEveryOrigin() {
        assertThat(new WidgetToken("wt", UUID.randomUUID(), List.of()).allowsOrigin("https://any.example")).isTrue();
    }

    @Test
    void listedOriginsAreMatchedIgnoringCaseAndTrailingSlash() {
        WidgetToken token = new WidgetToken("wt", UUID.randomUUID(), List.of("https://Shop.example/"));
        assertThat(token.allowsOrigin("https://shop.example")).isTrue();
        assertThat(token.allowsOrigin("https://shop.example.evil.example")).isFalse();
        assertThat(token.allowsOrigin("http://shop.example")).isFalse();
        assertThat(token.allowsOrigin(null)).as("no Origin header: not a browser cross-origin call").isTrue();
    }
}
