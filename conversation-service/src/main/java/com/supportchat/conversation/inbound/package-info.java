/** Listeners for what other services tell the conversation: AI replies, handoff decisions, resolution requests, identities. One class per upstream topic. */
package com.supportchat.conversation.inbound;
