package com.supportchat.resourceserver;

import java.time.Duration;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

/**
 * A failure the caller can act on, answered as a problem detail by {@link StandardProblemHandler}. The
 * detail must never contain a secret.
 */
public class Problem extends RuntimeException {

    private final HttpStatus status;
    private final String slug;
    private final String title;
    private Duration retryAfter;

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

    /** 429: the caller may try again after {@code retryAfter} (sent as {@code Retry-After}, whole seconds). */
    public static Problem tooManyRequests(String slug, String title, String detail, Duration retryAfter) {
        Problem problem = new Problem(HttpStatus.TOO_MANY_REQUESTS, slug, title, detail);
        problem.retryAfter = retryAfter;
        return problem;
    }

    public HttpStatus status() {
        return status;
    }

    public ProblemDetail toProblemDetail() {
        return Problems.problem(status, slug, title, getMessage());
    }

    /** The response: the problem detail, with {@code Retry-After} when the caller should wait. */
    public ResponseEntity<ProblemDetail> toResponse() {
        ResponseEntity<ProblemDetail> response = Problems.respond(toProblemDetail());
        if (retryAfter == null) {
            return response;
        }
        long seconds = Math.max(1, (retryAfter.toMillis() + 999) / 1000);
        return ResponseEntity.status(response.getStatusCode()).headers(response.getHeaders())
            .header(HttpHeaders.RETRY_AFTER, Long.toString(seconds)).body(response.getBody());
    }
}
