package com.supportchat.gateway;

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
    void widgetScriptIsPublic() {
        client.get().uri("/widget.js").exchange()
                .expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith("text/javascript");
    }
}
