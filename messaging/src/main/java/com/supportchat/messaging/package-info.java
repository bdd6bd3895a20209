/**
 * Messaging infrastructure shared by every service: the transactional {@link com.supportchat.messaging.Outbox}
 * and its LISTEN/NOTIFY-woken relay, idempotent and per-key ordered consumption through
 * {@link com.supportchat.messaging.InboundEvents}, CloudEvents 1.0 binary mode on Kafka, bounded retries and
 * dead-letter topics. It knows no domain types beyond the published-language interface.
 */
package com.supportchat.messaging;
