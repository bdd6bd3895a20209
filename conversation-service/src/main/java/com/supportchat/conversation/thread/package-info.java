/**
 * The conversation aggregate and its thread: messages and status entries in one per-conversation
 * sequence, the lifecycle UNRESOLVED -> ESCALATED -> RESOLVED, and the application service that changes
 * them and publishes what changed through the outbox.
 */
package com.supportchat.conversation.thread;
