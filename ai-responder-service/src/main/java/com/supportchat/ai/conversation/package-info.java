/**
 * The AI's side of each conversation: what it knows of the conversation's status (from conversation-status-changed,
 * session-resolved and handoff-decided), its recent messages, and the application service that turns a visitor
 * message into a reply, a handoff request or a resolution request, published through the outbox.
 */
package com.supportchat.ai.conversation;
