package com.supportchat.conversation.web;

import java.util.stream.Collectors;

import jakarta.validation.ConstraintViolationException;

import com.supportchat.conversation.thread.ConcurrentChangeException;
import com.supportchat.conversation.thread.ConversationNotFoundException;
import com.supportchat.conversation.thread.ConversationService;
import com.supportchat.conversation.thread.IllegalTransitionException;
import com.supportchat.resourceserver.StandardProblemHandler;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.bind.support.WebExchangeBindException;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebInputException;

import static com.supportchat.resourceserver.Problems.problem;

/** Maps what the features refuse to problem details with stable types. */
@RestControllerAdvice
class ProblemHandling {

    @ExceptionHandler(ConversationNotFoundException.class)
    ProblemDetail notFound(ConversationNotFoundException ex) {
        return problem(HttpStatus.NOT_FOUND, "not-found", "Not found", ex.getMessage());
    }

    @ExceptionHandler(IllegalTransitionException.class)
    ProblemDetail conflict(IllegalTransitionException ex) {
        return problem(HttpStatus.CONFLICT, ex.problem(), "Conflict", ex.getMessage());
    }

    @ExceptionHandler(ConcurrentChangeException.class)
    ProblemDetail concurrent(ConcurrentChangeException ex) {
        return problem(HttpStatus.CONFLICT, "concurrent-change", "Conflict", ex.getMessage());
    }

    @ExceptionHandler(ConversationService.VisitorCloseDisabledException.class)
    ProblemDetail closeDisabled(ConversationService.VisitorCloseDisabledException ex) {
        return problem(HttpStatus.FORBIDDEN, "close-disabled", "Forbidden", ex.getMessage());
    }

    @ExceptionHandler(AccessDeniedException.class)
    ProblemDetail denied(AccessDeniedException ex) {
        return problem(HttpStatus.FORBIDDEN, "forbidden", "Forbidden", SecurityConfiguration.DENIED);
    }

    @ExceptionHandler(WebExchangeBindException.class)
    ProblemDetail invalidBody(WebExchangeBindException ex) {
        String detail = ex.getFieldErrors().stream()
            .map(error -> error.getField() + " " + error.getDefaultMessage())
            .sorted()
            .collect(Collectors.joining("; "));
        return problem(HttpStatus.BAD_REQUEST, "validation", "Invalid request",
                detail.isEmpty() ? "The request body is invalid." : detail);
    }

    @ExceptionHandler(HandlerMethodValidationException.class)
    ProblemDetail invalidParameters(HandlerMethodValidationException ex) {
        String detail = ex.getParameterValidationResults().stream()
            .map(result -> result.getMethodParameter().getParameterName() + " "
                    + result.getResolvableErrors().stream().map(e -> e.getDefaultMessage()).collect(Collectors.joining(", ")))
            .collect(Collectors.joining("; "));
        return problem(HttpStatus.BAD_REQUEST, "validation", "Invalid request", detail);
    }

    @ExceptionHandler(ConstraintViolationException.class)
    ProblemDetail constraint(ConstraintViolationException ex) {
        return problem(HttpStatus.BAD_REQUEST, "validation", "Invalid request", ex.getMessage());
    }

    /** Framework statuses (415, 405, a blank path id) as problem details, not Boot's default error JSON. */
    @ExceptionHandler(ResponseStatusException.class)
    ResponseEntity<ProblemDetail> status(ResponseStatusException ex) {
        return StandardProblemHandler.statusProblem(ex);
    }

    @ExceptionHandler(ServerWebInputException.class)
    ProblemDetail badInput(ServerWebInputException ex) {
        return problem(HttpStatus.BAD_REQUEST, "validation", "Invalid request",
                ex.getReason() == null ? "The request is malformed." : ex.getReason());
    }

    @ExceptionHandler(IllegalArgumentException.class)
    ProblemDetail illegalArgument(IllegalArgumentException ex) {
        return problem(HttpStatus.BAD_REQUEST, "validation", "Invalid request", ex.getMessage());
    }
}
