package com.supportchat.gateway.cors;

import java.net.URI;
import java.util.List;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.server.ServerWebExchange;

/** The CORS headers the widget API answers with; shared by both CORS filters. */
final class WidgetCors {

    /** Exchange attribute: the request was refused for its origin, so no CORS headers may be added. */
    static final String DENIED = WidgetCors.class.getName() + ".denied";

    static final List<String> ALLOWED_HEADERS = List.of(HttpHeaders.AUTHORIZATION, HttpHeaders.CONTENT_TYPE,
            "Last-Event-ID");

    static final List<HttpMethod> ALLOWED_METHODS = List.of(HttpMethod.GET, HttpMethod.POST, HttpMethod.PUT,
            HttpMethod.PATCH, HttpMethod.DELETE, HttpMethod.OPTIONS);

    static final List<String> EXPOSED_HEADERS = List.of(HttpHeaders.LOCATION, HttpHeaders.RETRY_AFTER);

    static final long PREFLIGHT_MAX_AGE_SECONDS = 600;

    private WidgetCors() {
    }

    /** Paths browsers call on the widget API; {@code /widget/authenticate-user} is server-to-server. */
    static boolean appliesTo(String path) {
        return path.startsWith("/widget/") && !path.equals("/widget/authenticate-user");
    }

    /** Replaces whatever CORS headers an upstream sent with the gateway's own, echoing the origin. */
    static void applyActualResponseHeaders(HttpHeaders headers, String origin) {
        clear(headers);
        headers.setAccessControlAllowOrigin(origin);
        headers.setAccessControlExposeHeaders(EXPOSED_HEADERS);
        addVary(headers, HttpHeaders.ORIGIN);
    }

    static void applyPreflightHeaders(HttpHeaders headers, String origin) {
        clear(headers);
        headers.setAccessControlAllowOrigin(origin);
        headers.setAccessControlAllowMethods(ALLOWED_METHODS);
        headers.setAccessControlAllowHeaders(ALLOWED_HEADERS);
        headers.setAccessControlMaxAge(PREFLIGHT_MAX_AGE_SECONDS);
        addVary(headers, HttpHeaders.ORIGIN);
        addVary(headers, HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD);
        addVary(headers, HttpHeaders.ACCESS_CONTROL_REQUEST_HEADERS);
    }

    /** The gateway's own pages (demo, console) call the widget API same-origin: no CORS involved. */
    static boolean isSameOrigin(ServerHttpRequest request, String origin) {
        URI uri = request.getURI();
        if (uri.getScheme() == null || uri.getHost() == null) {
            return false;
        }
        int port = uri.getPort();
        boolean defaultPort = port < 0 || ("http".equals(uri.getScheme()) && port == 80)
                || ("https".equals(uri.getScheme()) && port == 443);
        String self = uri.getScheme() + "://" + uri.getHost() + (defaultPort ? "" : ":" + port);
        return AllowedOrigins.normalise(self).equals(AllowedOrigins.normalise(origin));
    }

    static boolean isDenied(ServerWebExchange exchange) {
        return Boolean.TRUE.equals(exchange.getAttribute(DENIED));
    }

    private static void clear(HttpHeaders headers) {
        List.of(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, HttpHeaders.ACCESS_CONTROL_ALLOW_CREDENTIALS,
                HttpHeaders.ACCESS_CONTROL_ALLOW_HEADERS, HttpHeaders.ACCESS_CONTROL_ALLOW_METHODS,
                HttpHeaders.ACCESS_CONTROL_EXPOSE_HEADERS, HttpHeaders.ACCESS_CONTROL_MAX_AGE)
                .forEach(headers::remove);
    }

    static void addVary(HttpHeaders headers, String name) {
        List<String> vary = headers.getVary();
        if (vary.stream().noneMatch(v -> v.equalsIgnoreCase(name))) {
            headers.add(HttpHeaders.VARY, name);
        }
    }
}
