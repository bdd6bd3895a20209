package com.supportchat.notification.delivery;

import java.time.Duration;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How much a visitor can make the platform send. Anonymous visitors start conversations and write in them, and each
 * handoff or message in an escalated conversation may alert the org's team by email and SMS: without a bound, one
 * script could flood an org's team (and its SMS bill).
 *
 * @param escalatedMessageInterval at most one alert per conversation in this time for visitor messages in an escalated
 *                                 conversation; the next alert's transcript shows what was written in between
 * @param smsPerOrgPerDay          SMS alerts one org gets in 24 hours; beyond it they are logged as SKIPPED
 * @param emailsPerOrgPerHour      email alerts one org gets in an hour; beyond it they are logged as SKIPPED
 */
@Validated
@ConfigurationProperties("supportchat.notification.budget")
public record BudgetProperties(
        @NotNull @DefaultValue("5m") Duration escalatedMessageInterval,
        @Min(0) @DefaultValue("100") int smsPerOrgPerDay,
        @Min(0) @DefaultValue("500") int emailsPerOrgPerHour) {

    /** The window and the number of alerts allowed in it, for one channel. */
    Duration window(Channel channel) {
        return channel == Channel.SMS ? Duration.ofDays(1) : Duration.ofHours(1);
    }

    int allowed(Channel channel) {
        return channel == Channel.SMS ? smsPerOrgPerDay : emailsPerOrgPerHour;
    }
}
