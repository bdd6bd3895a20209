/**
 * Live updates over Server-Sent Events. Every instance consumes the conversation topics with its own
 * consumer group, so a client connected to any instance sees every event of its conversation or org;
 * entries are read from the database (the source of truth), so live and replayed events look the same.
 */
package com.supportchat.conversation.stream;
