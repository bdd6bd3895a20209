/**
 * RFC 9457 problem details for every answer the gateway gives itself (401, 403, 404, 413, 429, 5xx).
 * Types follow {@code https://supportchat.dev/problems/<slug>}.
 */
package com.supportchat.gateway.problem;
