package com.supportchat.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import org.springframework.http.MediaType;

/** The widget script, the demo page and the console are served by the gateway at their public addresses. */
class StaticPagesIT extends GatewayItSupport {

    @Test
    void folderAddressesRedirectToTheirSlashFormKeepingTheQuery() {
        client.get().uri("/demo?token=wt_123").exchange()
                .expectStatus().isEqualTo(301)
                .expectHeader().location("/demo/?token=wt_123");
        client.get().uri("/console").exchange()
                .expectStatus().isEqualTo(301)
                .expectHeader().location("/console/");
    }

    @Test
    void folderAddressesServeTheirIndexPage() {
        client.get().uri("/demo/").exchange()
                .expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(MediaType.TEXT_HTML);
        client.get().uri("/console/").exchange()
                .expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(MediaType.TEXT_HTML);
    }

    @Test
    void theConsoleMayRunOnlyItsOwnScriptsAndNeverBeFramed() {
        for (String path : new String[] { "/console/", "/console/index.html", "/console/app.js" }) {
            client.get().uri(path).exchange()
                    .expectStatus().isOk()
                    .expectHeader().value("Content-Security-Policy", policy -> assertThat(policy)
                            .contains("script-src 'self';", "connect-src 'self';", "object-src 'none';")
                            .endsWith("frame-ancestors 'none'")
                            .doesNotContain("unsafe-eval").doesNotContainPattern("script-src[^;]*unsafe-inline"))
                    .expectHeader().valueEquals("Referrer-Policy", "same-origin");
        }
    }

    @Test
    void theDemoPageHasAPolicyTooThatLetsTheWidgetWork() {
        client.get().uri("/demo/?token=wt_123").exchange()
                .expectStatus().isOk()
                .expectHeader().value("Content-Security-Policy", policy -> assertThat(policy)
                        .contains("script-src 'self';", "connect-src 'self';", "style-src 'self' 'unsafe-inline';")
                        .endsWith("frame-ancestors 'self'"))
                .expectHeader().valueEquals("Referrer-Policy", "strict-origin-when-cross-origin");
    }

    @Test
    void widgetScriptIsPublic() {
        client.get().uri("/widget.js").exchange()
                .expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith("text/javascript");
    }
}
