package com.supportchat.resourceserver;

import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.core.codec.DecodingException;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.support.WebExchangeBindException;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerErrorException;
import org.springframework.web.server.ServerWebInputException;

/**
 * The failures every handler can raise ({@link Problem}, invalid or unreadable bodies, framework statuses,
 * the unexpected) as problem details. A service extends it with its own {@code @RestControllerAdvice} and
 * adds handlers for its domain exceptions; the most specific handler wins.
 */
public abstract class StandardProblemHandler {

    private static final Logger log = LoggerFactory.getLogger(StandardProblemHandler.class);

    @ExceptionHandler(Problem.class)
    public ResponseEntity<ProblemDetail> problem(Problem problem) {
        return problem.toResponse();
    }

    @ExceptionHandler(WebExchangeBindException.class)
    public ResponseEntity<ProblemDetail> invalidBody(WebExchangeBindException ex) {
        String detail = ex.getBindingResult().getAllErrors().stream()
            .map(error -> error instanceof FieldError field
                    ? field.getField() + ": " + field.getDefaultMessage()
                    : error.getDefaultMessage())
            .sorted()
            .collect(Collectors.joining("; "));
        return Problems.respond(Problem.validation(detail).toProblemDetail());
    }

    @ExceptionHandler(ServerWebInputException.class)
    public ResponseEntity<ProblemDetail> unreadableInput(ServerWebInputException ex) {
        // the reason names what was wrong (missing body, malformed JSON) without echoing the input
        String detail = ex.getCause() instanceof DecodingException
                ? "The request body is not valid JSON for this endpoint"
                : ex.getReason() == null ? "The request is malformed" : ex.getReason();
        return Problems.respond(Problem.validation(detail).toProblemDetail());
    }

    @ExceptionHandler(ResponseStatusException.class)
    public ResponseEntity<ProblemDetail> status(ResponseStatusException ex) {
        return statusProblem(ex);
    }

    /**
     * A framework status (415, 405, ...) as a problem detail; shared with services whose advice does not extend this
     * class. A path variable that is blank once decoded ({@code /operators/%20}) is missing to Spring, which raises a
     * 500 {@link ServerErrorException} for it: it is the client's malformed path, so a 400 {@code validation}.
     */
    public static ResponseEntity<ProblemDetail> statusProblem(ResponseStatusException ex) {
        if (ex instanceof ServerErrorException error && error.getMethodParameter() != null
                && error.getMethodParameter().hasParameterAnnotation(PathVariable.class)) {
            return Problems.respond(Problem.validation("A path segment is missing or blank").toProblemDetail());
        }
        HttpStatusCode code = ex.getStatusCode();
        HttpStatus status = HttpStatus.resolve(code.value());
        String slug = switch (code.value()) {
            case 404 -> "not-found";
            case 405 -> "method-not-allowed";
            case 415 -> "unsupported-media-type";
            case 406 -> "not-acceptable";
            default -> code.is4xxClientError() ? "bad-request" : "internal";
        };
        String title = status == null ? "Error" : status.getReasonPhrase();
        return Problems.respond(Problems.problem(status == null ? HttpStatus.INTERNAL_SERVER_ERROR : status, slug,
                title, ex.getReason() == null ? title : ex.getReason()));
    }

    @ExceptionHandler(Exception.class)
    public ResponseEntity<ProblemDetail> unexpected(Exception ex) {
        log.error("Unexpected failure handling a request", ex);
        return Problems.respond(Problems.problem(HttpStatus.INTERNAL_SERVER_ERROR, "internal", "Internal error",
                "The request could not be completed"));
    }
}
