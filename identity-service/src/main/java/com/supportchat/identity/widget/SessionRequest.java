package com.supportchat.identity.widget;

import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Body of {@code POST /widget/v1/session} (API.md section 2). */
record SessionRequest(
        @NotBlank @Size(max = 200) String widgetToken,
        @Size(max = 200) String visitorToken,
        @Size(max = 8192) String userToken,
        @Size(max = 200) String externalId,
        @Valid User user,
        @Valid Metadata metadata) {

    /** What the browser says about its user: stored, shown, never trusted. */
    record User(
            @Size(max = 200) String name,
            @Email @Size(max = 320) String email,
            @Size(max = 50, message = "must have at most 50 keys") Map<String, Object> extra) {
    }

    record Metadata(
            @Size(max = 500) String browser,
            @Size(max = 100) String timezone,
            @Size(max = 2048) String referrer,
            @Size(max = 2048) String pageUrl,
            @Size(max = 50) String locale) {

        /**
         * What is stored with the visitor. The page and referrer URLs lose their query string and fragment:
         * those carry whatever the site put there (reset tokens, search terms, e-mail addresses, session
         * ids), which operators do not need and the store must not keep.
         */
        Map<String, String> asMap() {
            Map<String, String> map = new LinkedHashMap<>();
            put(map, "browser", browser);
            put(map, "timezone", timezone);
            put(map, "referrer", withoutQueryOrFragment(referrer));
            put(map, "pageUrl", withoutQueryOrFragment(pageUrl));
            put(map, "locale", locale);
            return map;
        }

        static String withoutQueryOrFragment(String url) {
            if (url == null) {
                return null;
            }
            int query = url.indexOf('?');
            int fragment = url.indexOf('#');
            int end = query < 0 ? fragment : fragment < 0 ? query : Math.min(query, fragment);
            return end < 0 ? url : url.substring(0, end);
        }

        private static void put(Map<String, String> map, String key, String value) {
            if (value != null && !value.isBlank()) {
                map.put(key, value);
            }
        }
    }

    @Override
    public String toString() {
        // visitor and user tokens are credentials
        return "SessionRequest[widgetToken=" + widgetToken + "]";
    }
}
