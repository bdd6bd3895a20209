package com.supportchat.handoff.settings;

import java.time.Clock;
import java.time.Instant;

import reactor.core.publisher.Mono;

import com.supportchat.events.HandoffSettingsChanged;
import com.supportchat.messaging.Outbox;

import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;

/** Reads an org's settings (defaults when it has none) and replaces them, announcing every change. */
@Service
public class HandoffSettingsService {

    private final HandoffSettingsStore store;
    private final Outbox outbox;
    private final TransactionalOperator tx;
    private final Clock clock;

    HandoffSettingsService(HandoffSettingsStore store, Outbox outbox, TransactionalOperator tx, Clock clock) {
        this.store = store;
        this.outbox = outbox;
        this.tx = tx;
        this.clock = clock;
    }

    public Mono<StoredSettings> current(String orgId) {
        return store.find(orgId).defaultIfEmpty(new StoredSettings(orgId, HandoffSettings.defaults(), null));
    }

    /**
     * Validates, stores and publishes {@link HandoffSettingsChanged} with the whole new state in one
     * transaction; invalid settings fail with {@link InvalidSettingsException} before anything is written.
     */
    public Mono<StoredSettings> replace(String orgId, HandoffSettingsDocument document, String operatorId) {
        return Mono.fromCallable(() -> HandoffSettingsValidator.validate(document))
            .flatMap(settings -> {
                Instant now = clock.instant();
                return tx.transactional(store.save(orgId, settings, now, operatorId)
                    .then(outbox.publish(changed(orgId, settings, now), now)))
                    .thenReturn(new StoredSettings(orgId, settings, now));
            });
    }

    static HandoffSettingsChanged changed(String orgId, HandoffSettings settings, Instant at) {
        return new HandoffSettingsChanged(orgId, settings.liveHandoffEnabled(), settings.level(),
                settings.mode() == HandoffSettings.Mode.ADVANCED, settings.activeTriggers(), settings.forbiddenTopics(),
                settings.customPhrases(), at);
    }
}
