package com.supportchat.gateway.limit;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.constraints.Positive;

/**
 * How many live-update streams ({@code /widget/v1/conversations/{id}/events}, {@code /api/v1/events}) may be
 * open at once through one gateway instance. A stream holds a connection, memory here and in
 * conversation-service for as long as it lasts, so one client must not be able to open thousands.
 *
 * @param perVisitor per widget token subject (a visitor), over all its conversations and tabs
 * @param perOperator per console or API-key subject
 * @param perAddress per client address, whoever the tokens belong to (many visitors behind one office NAT
 *        share it, hence the higher figure)
 */
@Validated
@ConfigurationProperties("supportchat.gateway.streams")
public record StreamLimitProperties(@Positive int perVisitor, @Positive int perOperator, @Positive int perAddress) {
}
