package com.supportchat.handoff.web;

import com.supportchat.handoff.settings.InvalidSettingsException;
import com.supportchat.resourceserver.Problem;
import com.supportchat.resourceserver.Problems;
import com.supportchat.resourceserver.StandardProblemHandler;

import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Turns every failure of a handler into {@code application/problem+json} with a stable type: the standard
 * ones from the library, plus what this service's features refuse.
 */
@RestControllerAdvice
class ProblemHandler extends StandardProblemHandler {

    @ExceptionHandler(InvalidSettingsException.class)
    ResponseEntity<ProblemDetail> invalidSettings(InvalidSettingsException ex) {
        ProblemDetail problem = Problem.validation(String.join("; ", ex.errors())).toProblemDetail();
        problem.setProperty("errors", ex.errors());
        return Problems.respond(problem);
    }

    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<ProblemDetail> denied(AccessDeniedException ex) {
        return Problems.respond(Problem.forbidden("Your token does not allow this").toProblemDetail());
    }
}
