package com.supportchat.conversation.settings;

import java.time.Clock;

import reactor.core.publisher.Mono;

import com.supportchat.events.WidgetSettingsChanged;
import com.supportchat.messaging.Outbox;

import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;

/**
 * Changes an org's session rules and tells the other services, in one transaction: identity-service hands
 * the rules to the widget with every session.
 */
@Service
public class WidgetSettingsService {

    private final WidgetSettingsRepository settings;
    private final Outbox outbox;
    private final TransactionalOperator tx;
    private final Clock clock;

    public WidgetSettingsService(WidgetSettingsRepository settings, Outbox outbox, TransactionalOperator tx, Clock clock) {
        this.settings = settings;
        this.outbox = outbox;
        this.tx = tx;
        this.clock = clock;
    }

    public Mono<WidgetSettings> update(String orgId, WidgetSettings rules) {
        return tx.transactional(settings.save(orgId, rules)
            .flatMap(saved -> outbox.publish(new WidgetSettingsChanged(orgId, saved.allowMultipleOpen(),
                    saved.showConversationList(), saved.firstTimeStraightToChat(), saved.visitorCanClose(),
                    saved.helpfulPrompt(), saved.operatorLabel().strip(), clock.instant()))
                .thenReturn(saved)));
    }
}
