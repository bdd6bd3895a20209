/**
 * An org's knowledge base: articles in PostgreSQL, chunked by headings and paragraphs and searched with an
 * in-memory Lucene BM25 index per org that every instance rebuilds at start and keeps in step through
 * {@code article-changed}.
 */
package com.supportchat.ai.knowledge;
