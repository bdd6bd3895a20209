package com.supportchat.ai.web;

import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.bind.support.WebExchangeBindException;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebInputException;

import static com.supportchat.resourceserver.Problems.problem;

/** RFC 9457 problem details with stable {@code https://supportchat.dev/problems/<slug>} types. */
@RestControllerAdvice
class Problems {

    private static final Logger log = LoggerFactory.getLogger(Problems.class);

    /** Thrown by handlers when the resource does not exist in the caller's org (another org's: also 404). */
    static final class NotFound extends RuntimeException {

        NotFound(String message) {
            super(message, null, false, false);
        }
    }

    /** Bad input: a 400 that says what is wrong. */
    static final class Invalid extends RuntimeException {

        Invalid(String message) {
            super(message, null, false, false);
        }
    }

    @ExceptionHandler(NotFound.class)
    ProblemDetail notFound(NotFound ex) {
        return problem(HttpStatus.NOT_FOUND, "not-found", "Not found", ex.getMessage());
    }

    @ExceptionHandler(Invalid.class)
    ProblemDetail invalid(Invalid ex) {
        return problem(HttpStatus.BAD_REQUEST, "validation", "Invalid request", ex.getMessage());
    }

    @ExceptionHandler(WebExchangeBindException.class)
    ProblemDetail validation(WebExchangeBindException ex) {
        String detail = ex.getFieldErrors().stream()
            .map(error -> error.getField() + " " + error.getDefaultMessage())
            .sorted()
            .collect(Collectors.joining("; "));
        return problem(HttpStatus.BAD_REQUEST, "validation", "Invalid request", detail.isEmpty() ? "invalid body" : detail);
    }

    @ExceptionHandler(ServerWebInputException.class)
    ProblemDetail unreadable(ServerWebInputException ex) {
        return problem(HttpStatus.BAD_REQUEST, "validation", "Invalid request",
                ex.getReason() == null ? "the request body could not be read" : ex.getReason());
    }

    @ExceptionHandler(ResponseStatusException.class)
    ProblemDetail status(ResponseStatusException ex) {
        HttpStatus status = HttpStatus.resolve(ex.getStatusCode().value());
        HttpStatus resolved = status == null ? HttpStatus.INTERNAL_SERVER_ERROR : status;
        String slug = switch (resolved) {
            case NOT_FOUND -> "not-found";
            case BAD_REQUEST -> "validation";
            case METHOD_NOT_ALLOWED -> "method-not-allowed";
            case UNSUPPORTED_MEDIA_TYPE -> "unsupported-media-type";
            case NOT_ACCEPTABLE -> "not-acceptable";
            default -> "error";
        };
        return problem(resolved, slug, resolved.getReasonPhrase(), ex.getReason() == null ? resolved.getReasonPhrase()
                : ex.getReason());
    }

    @ExceptionHandler(Exception.class)
    ProblemDetail unexpected(Exception ex) {
        log.error("Unexpected error: {}", ex.toString());
        return problem(HttpStatus.INTERNAL_SERVER_ERROR, "internal", "Internal error", "Something went wrong on our side.");
    }
}
