package com.supportchat.notification.delivery;

import java.time.Duration;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Email and SMS channels and how hard to try. The SMTP server itself is Spring Boot's {@code spring.mail.*}
 * ({@code SMTP_HOST}, {@code SMTP_PORT}); the SMS API is Twilio-compatible.
 */
@Validated
@ConfigurationProperties("supportchat.notification.channels")
public record ChannelProperties(
        @NotNull @DefaultValue Mail mail,
        @NotNull @DefaultValue Sms sms,
        @NotNull @DefaultValue Resilience resilience,
        @NotNull @DefaultValue Dispatch dispatch) {

    /** @param from sender address of notification emails ({@code MAIL_FROM}) */
    public record Mail(@NotBlank @DefaultValue("Support Chat <notifications@supportchat.local>") String from) {
    }

    /**
     * @param baseUrl    {@code SMS_BASE_URL}; messages are POSTed to {@code {baseUrl}/2010-04-01/Accounts/{sid}/Messages.json}
     * @param accountSid {@code SMS_ACCOUNT_SID}, also the basic-auth user
     * @param authToken  {@code SMS_AUTH_TOKEN}, the basic-auth password; never logged
     * @param from       {@code SMS_FROM}, the sending number
     */
    public record Sms(@NotBlank @DefaultValue("http://127.0.0.1:8086") String baseUrl,
            @NotBlank @DefaultValue("AC00000000000000000000000000000000") String accountSid,
            @NotBlank @DefaultValue("local-token") String authToken,
            @NotBlank @DefaultValue("+15550000000") String from,
            @NotNull @DefaultValue("10s") Duration timeout) {

        @Override
        public String toString() {
            return "Sms[baseUrl=" + baseUrl + ", accountSid=" + accountSid + ", authToken=***, from=" + from + "]";
        }
    }

    /**
     * Per channel: {@code maxAttempts} tries with exponential back-off from {@code initialBackoff}; a circuit
     * breaker opens when {@code failureRateThreshold}% of the last {@code slidingWindow} calls failed and stays
     * open for {@code openFor}.
     */
    public record Resilience(@Min(1) @DefaultValue("3") int maxAttempts,
            @NotNull @DefaultValue("500ms") Duration initialBackoff,
            @DefaultValue("2.0") double backoffMultiplier,
            @Min(1) @DefaultValue("50") float failureRateThreshold,
            @Min(1) @DefaultValue("20") int slidingWindow,
            @NotNull @DefaultValue("30s") Duration openFor) {
    }

    /**
     * @param pollInterval    how often pending deliveries are looked for when nothing woke the dispatcher
     * @param batchSize       deliveries claimed at a time
     * @param concurrency     deliveries sent in parallel
     * @param abandonedAfter  a SENDING delivery older than this was interrupted and is marked failed
     */
    public record Dispatch(@NotNull @DefaultValue("2s") Duration pollInterval, @Min(1) @DefaultValue("50") int batchSize,
            @Min(1) @DefaultValue("8") int concurrency, @NotNull @DefaultValue("10m") Duration abandonedAfter) {
    }
}
