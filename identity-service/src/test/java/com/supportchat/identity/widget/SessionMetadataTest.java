package com.supportchat.identity.widget;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SessionMetadataTest {

    @Test
    void pageAndReferrerUrlsAreStoredWithoutQueryOrFragment() {
        SessionRequest.Metadata metadata = new SessionRequest.Metadata("Firefox", "UTC",
                "https://search.example/?q=my+order+4711#top", "https://shop.example/reset?token=s3cret#step-2", "en");

        assertThat(metadata.asMap()).containsEntry("pageUrl", "https://shop.example/reset")
            .containsEntry("referrer", "https://search.example/")
            .containsEntry("browser", "Firefox");
    }

    @Test
    void aFragmentBeforeAQuestionMarkEndsTheUrlThere() {
        assertThat(SessionRequest.Metadata.withoutQueryOrFragment("https://a.example/p#frag?not-a-query"))
            .isEqualTo("https://a.example/p");
        assertThat(SessionRequest.Metadata.withoutQueryOrFragment("https://a.example/p")).isEqualTo("https://a.example/p");
    }
}
