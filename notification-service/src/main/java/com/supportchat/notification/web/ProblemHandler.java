package com.supportchat.notification.web;

import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;



import org.springframework.core.codec.DecodingException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.bind.support.WebExchangeBindException;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebInputException;

/** Turns every failure of a handler into {@code application/problem+json} with a stable type. */
@RestControllerAdvice
class ProblemHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemHandler.class);

    @ExceptionHandler(Problem.class)
    ResponseEntity<ProblemDetail> problem(Problem problem) {
        return respond(problem.toProblemDetail());
    }

    @ExceptionHandler(InvalidInputException.class)
    ResponseEntity<ProblemDetail> invalidSettings(InvalidInputException ex) {
        ProblemDetail problem = Problem.validation(String.join("; ", ex.errors())).toProblemDetail();
        problem.setProperty("errors", ex.errors());
        return respond(problem);
    }

    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<ProblemDetail> denied(AccessDeniedException ex) {
        return respond(Problem.forbidden("Your token does not allow this").toProblemDetail());
    }

    @ExceptionHandler(WebExchangeBindException.class)
    ResponseEntity<ProblemDetail> invalidBody(WebExchangeBindException ex) {
        String detail = ex.getBindingResult().getAllErrors().stream()
            .map(error -> error instanceof FieldError field
                    ? field.getField() + ": " + field.getDefaultMessage()
                    : error.getDefaultMessage())
            .sorted()
            .collect(Collectors.joining("; "));
        return respond(Problem.validation(detail).toProblemDetail());
    }

    @ExceptionHandler(ServerWebInputException.class)
    ResponseEntity<ProblemDetail> unreadableInput(ServerWebInputException ex) {
        // the reason names what was wrong (missing body, malformed JSON) without echoing the input
        String detail = ex.getCause() instanceof DecodingException
                ? "The request body is not valid JSON for this endpoint"
                : ex.getReason() == null ? "The request is malformed" : ex.getReason();
        return respond(Problem.validation(detail).toProblemDetail());
    }

    @ExceptionHandler(ResponseStatusException.class)
    ResponseEntity<ProblemDetail> status(ResponseStatusException ex) {
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
        return respond(Problem.detail(status == null ? HttpStatus.INTERNAL_SERVER_ERROR : status, slug, title,
                ex.getReason() == null ? title : ex.getReason()));
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception ex) {
        log.error("Unexpected failure handling a request", ex);
        return respond(Problem.detail(HttpStatus.INTERNAL_SERVER_ERROR, "internal", "Internal error",
                "The request could not be completed"));
    }

    private static ResponseEntity<ProblemDetail> respond(ProblemDetail problem) {
        return ResponseEntity.status(problem.getStatus())
            .contentType(MediaType.APPLICATION_PROBLEM_JSON)
            .body(problem);
    }
}
