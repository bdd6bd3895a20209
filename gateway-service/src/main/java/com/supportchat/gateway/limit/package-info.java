/**
 * Abuse limits at the edge: in-memory token buckets per client IP (session and login) or per token
 * subject (everything authenticated), and request-body size limits.
 */
package com.supportchat.gateway.limit;
