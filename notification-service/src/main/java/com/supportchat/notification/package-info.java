/**
 * notification-service: tells operators about handoffs by email (SMTP) and SMS (Twilio-compatible API),
 * reminds them of handoffs nobody answered, and keeps a delivery log.
 */
package com.supportchat.notification;
