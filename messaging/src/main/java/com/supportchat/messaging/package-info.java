/**
 * Messaging infrastructure shared by every service: the transactional {@link com.supportchat.messaging.Outbox}
 * and its LISTEN/NOTIFY-woken relay publishing in batches, and {@link com.supportchat.messaging.EventHandler}
 * methods for which the starter creates the listener containers: deduplicated by {@code processed_event}, in order
 * per key, a poll's events applied in one transaction ({@link com.supportchat.messaging.InboundEvents}), retried by
 * failure class, with one dead-letter path ({@code x-dlt-*} headers) and its replay. CloudEvents 1.0 binary mode on
 * Kafka. It knows no domain types beyond the published-language interface.
 */
package com.supportchat.messaging;
