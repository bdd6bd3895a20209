package com.supportchat.conversation.stream;

import java.time.Duration;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * @param heartbeat      comment sent on idle streams so proxies keep them open (at most every 15 s)
 * @param clientBuffer   events buffered for one slow client before it is disconnected
 * @param replayLimit    entries replayed at most on (re)connect
 */
@Validated
@ConfigurationProperties("supportchat.stream")
public record StreamProperties(
        @NotNull @DefaultValue("15s") Duration heartbeat,
        @Min(1) @DefaultValue("256") int clientBuffer,
        @Min(1) @DefaultValue("1000") int replayLimit) {
}
