/**
 * Responders behind one interface: the built-in one (Lucene BM25 retrieval over the org's knowledge base,
 * answering with the best passage when confident) and the OpenAI-compatible one (openai-java, tools for
 * handoff and resolution), guarded by resilience4j and falling back to the built-in one.
 */
package com.supportchat.ai.responder;
