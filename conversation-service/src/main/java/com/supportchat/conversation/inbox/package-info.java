/** Operator inbox queries: conversations grouped by customer, filtered by status, with keyset pagination. */
package com.supportchat.conversation.inbox;
