/**
 * Handoff records: deciding each request with the policy (publishing {@code handoff-decided} through the
 * outbox), then following it through claim, release and resolution from conversation events, with a
 * scheduler that flags handoffs nobody answered.
 */
package com.supportchat.handoff.record;
