/**
 * Messaging infrastructure shared by every service: the transactional {@link com.supportchat.messaging.Outbox}
 * and its LISTEN/NOTIFY-woken relay, idempotent and per-key ordered consumption through
 * {@link com.supportchat.messaging.InboundEvents}, CloudEvents 1.0 binary mode on Kafka, poison events parked (outbox
 * rows Kafka refuses, events no handler can apply on dead-letter topics) while infrastructure failures are waited
 * out. It knows no domain types beyond the published-language interface.
 */
package com.supportchat.messaging;
