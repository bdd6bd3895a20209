package com.supportchat.identity.web;

import com.supportchat.resourceserver.StandardProblemHandler;

import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Turns every failure of a handler into {@code application/problem+json} with a stable type. */
@RestControllerAdvice
class ProblemHandler extends StandardProblemHandler {
}
