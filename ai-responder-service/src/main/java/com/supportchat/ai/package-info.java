/**
 * ai-responder-service: answers visitors from each org's knowledge base (built-in Lucene BM25 responder or an
 * OpenAI-compatible model), detects handoff and resolution triggers deterministically before any model, and
 * publishes replies, handoff requests and resolution requests through the transactional outbox.
 */
package com.supportchat.ai;
