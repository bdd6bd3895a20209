package com.supportchat.messaging;

import reactor.core.publisher.Mono;

import org.springframework.transaction.NoTransactionException;
import org.springframework.transaction.reactive.TransactionSynchronization;
import org.springframework.transaction.reactive.TransactionSynchronizationManager;

/**
 * Defers an in-memory effect (waking a worker, handing over a job) until the surrounding reactive transaction has
 * committed. An event handler runs inside the transaction of its whole batch: what it wrote is visible to other
 * connections only after that commit, and a rolled-back batch is applied again one event at a time, so an effect
 * run earlier would look for rows that are not there yet, or run twice.
 */
public final class AfterCommit {

    private AfterCommit() {
    }

    /** Runs {@code action} once the current transaction commits (never if it rolls back); at once when there is none. */
    public static Mono<Void> run(Runnable action) {
        return TransactionSynchronizationManager.forCurrentTransaction()
            .filter(TransactionSynchronizationManager::isSynchronizationActive)
            .map(tx -> {
                tx.registerSynchronization(new TransactionSynchronization() {
                    @Override
                    public Mono<Void> afterCommit() {
                        return Mono.fromRunnable(action);
                    }
                });
                return true;
            })
            .onErrorResume(NoTransactionException.class, ex -> Mono.empty())
            .switchIfEmpty(Mono.fromRunnable(action).thenReturn(true))
            .then();
    }
}
