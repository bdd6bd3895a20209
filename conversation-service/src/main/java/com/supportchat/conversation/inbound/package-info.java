/** Event handlers for what other services tell the conversation: AI replies, handoff decisions, resolution requests, identities. One class per upstream concern. */
package com.supportchat.conversation.inbound;
