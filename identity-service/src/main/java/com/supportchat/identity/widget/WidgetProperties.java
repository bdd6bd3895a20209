package com.supportchat.identity.widget;

import jakarta.validation.constraints.NotBlank;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Widget settings.
 *
 * @param defaultOperatorLabel how the widget names human operators when the org sets no label
 */
@Validated
@ConfigurationProperties("supportchat.identity.widget")
public record WidgetProperties(@NotBlank @DefaultValue("Support Agent") String defaultOperatorLabel) {
}
