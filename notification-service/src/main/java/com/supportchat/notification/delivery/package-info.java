/**
 * Sending notifications: deliveries planned once per (event, recipient, channel) in the consumer's
 * transaction, then sent by the dispatcher over SMTP or the SMS API (each behind retry and a circuit
 * breaker), with the outcome logged and published as {@code notification-delivered}.
 */
package com.supportchat.notification.delivery;
