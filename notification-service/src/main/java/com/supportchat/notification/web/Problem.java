package com.supportchat.notification.web;

import java.net.URI;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/**
 * A failure the caller can act on, answered as an RFC 9457 problem detail whose {@code type} is
 * {@code https://supportchat.dev/problems/<slug>}. The detail must never contain a secret.
 */
public class Problem extends RuntimeException {

    public static final String TYPE_BASE = "https://supportchat.dev/problems/";

    private final HttpStatus status;
    private final String slug;
    private final String title;

    public Problem(HttpStatus status, String slug, String title, String detail) {
        super(detail, null, false, false);
        this.status = status;
        this.slug = slug;
        this.title = title;
    }

    public static Problem validation(String detail) {
        return new Problem(HttpStatus.BAD_REQUEST, "validation", "Invalid request", detail);
    }

    public static Problem unauthorized(String detail) {
        return new Problem(HttpStatus.UNAUTHORIZED, "unauthorized", "Unauthorized", detail);
    }

    public static Problem forbidden(String detail) {
        return new Problem(HttpStatus.FORBIDDEN, "forbidden", "Forbidden", detail);
    }

    public static Problem notFound(String detail) {
        return new Problem(HttpStatus.NOT_FOUND, "not-found", "Not found", detail);
    }

    public static Problem conflict(String detail) {
        return new Problem(HttpStatus.CONFLICT, "conflict", "Conflict", detail);
    }

    public HttpStatus status() {
        return status;
    }

    public ProblemDetail toProblemDetail() {
        return detail(status, slug, title, getMessage());
    }

    public static ProblemDetail detail(HttpStatus status, String slug, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create(TYPE_BASE + slug));
        problem.setTitle(title);
        return problem;
    }
}
