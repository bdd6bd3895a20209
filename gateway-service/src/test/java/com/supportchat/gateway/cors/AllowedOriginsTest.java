package com.supportchat.gateway.cors;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class AllowedOriginsTest {

    private final AllowedOrigins origins = AllowedOrigins.of(List.of(
            new OrgOrigins("org-a", "wt-a", List.of("https://Shop-A.example/")),
            new OrgOrigins("org-b", "wt-b", List.of("https://shop-b.example", "http://localhost:3000"))));

    @Test
    void anOriginIsAllowedForItsOwnOrgOnly() {
        assertThat(origins.allowedByOrg("org-a", "https://shop-a.example")).isTrue();
        assertThat(origins.allowedByOrg("org-a", "https://shop-b.example")).isFalse();
        assertThat(origins.allowedByOrg(null, "https://shop-a.example")).isFalse();
    }

    @Test
    void anyOrgMatchIsCaseAndTrailingSlashInsensitive() {
        assertThat(origins.allowedByAnyOrg("https://shop-a.example")).isTrue();
        assertThat(origins.allowedByAnyOrg("http://localhost:3000/")).isTrue();
        assertThat(origins.allowedByAnyOrg("http://localhost:3001")).isFalse();
        assertThat(origins.allowedByAnyOrg("https://shop-a.example.evil.example")).isFalse();
    }

    @Test
    void nothingIsAllowedBeforeTheFirstLoad() {
        assertThat(AllowedOrigins.NONE.allowedByAnyOrg("https://shop-a.example")).isFalse();
    }

    @Test
    void aWidgetTokenWithoutAListAllowsAnyOriginForItsOrgLikeIdentityDoes() {
        AllowedOrigins open = AllowedOrigins.of(List.of(new OrgOrigins("org-a", "wt-a", List.of("https://a.example")),
                new OrgOrigins("org-c", "wt-c", List.of())));

        assertThat(open.allowedByOrg("org-c", "https://anywhere.example")).isTrue();
        assertThat(open.allowedByOrg("org-a", "https://anywhere.example")).isFalse();
        assertThat(open.allowedByAnyOrg("https://anywhere.example")).isTrue();
    }

    @Test
    void anEmptyListCanBeMadeToAllowNothing() {
        AllowedOrigins strict = AllowedOrigins.of(List.of(new OrgOrigins("org-c", "wt-c", List.of())), false);

        assertThat(strict.allowedByOrg("org-c", "https://anywhere.example")).isFalse();
        assertThat(strict.allowedByAnyOrg("https://anywhere.example")).isFalse();
    }
}
