package com.supportchat.resourceserver;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/**
 * A failure the caller can act on, answered as a problem detail by {@link StandardProblemHandler}. The
 * detail must never contain a secret.
 */
public class Problem extends RuntimeException {

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
        return Problems.problem(status, slug, title, getMessage());
    }
}
