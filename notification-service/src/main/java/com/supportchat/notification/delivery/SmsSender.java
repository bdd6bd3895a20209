package com.supportchat.notification.delivery;

import java.time.Duration;

import reactor.core.publisher.Mono;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.BodyInserters;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.client.WebClientRequestException;
import org.springframework.web.reactive.function.client.WebClientResponseException;

/**
 * A Twilio-compatible SMS API: form POST to {@code /2010-04-01/Accounts/{sid}/Messages.json} with basic auth.
 * Each delivery's id goes along as {@code I-Twilio-Idempotency-Token}, so a retry after a lost answer does
 * not send the text twice.
 */
@Component
class SmsSender {

    private final WebClient client;
    private final ChannelProperties.Sms sms;
    private final Duration timeout;

    /** Uses Boot's customised builder when the webclient module provides one, else a plain one. */
    SmsSender(ObjectProvider<WebClient.Builder> builders, ChannelProperties properties) {
        this.sms = properties.sms();
        this.timeout = sms.timeout();
        this.client = builders.getIfAvailable(WebClient::builder).baseUrl(sms.baseUrl())
            .defaultHeaders(headers -> headers.setBasicAuth(sms.accountSid(), sms.authToken()))
            .build();
    }

    Mono<Void> send(String to, String body, String idempotencyKey) {
        return client.post()
            .uri("/2010-04-01/Accounts/{sid}/Messages.json", sms.accountSid())
            .contentType(MediaType.APPLICATION_FORM_URLENCODED)
            .accept(MediaType.APPLICATION_JSON)
            .header("I-Twilio-Idempotency-Token", idempotencyKey)
            .body(BodyInserters.fromFormData("To", to).with("From", sms.from()).with("Body", body))
            .retrieve()
            .toBodilessEntity()
            .timeout(timeout)
            .onErrorMap(WebClientResponseException.class, ex -> new ChannelFailure(
                    "SMS provider answered " + ex.getStatusCode().value(),
                    ex.getStatusCode().is5xxServerError() || ex.getStatusCode().value() == 429, ex))
            .onErrorMap(WebClientRequestException.class,
                    ex -> new ChannelFailure("SMS provider unreachable: " + ex.getMostSpecificCause().getMessage(), true, ex))
            .then();
    }
}
