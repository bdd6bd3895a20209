/**
 * Deterministic handoff and resolution trigger detection: pure Java, no Spring, run before any model so a
 * visitor's explicit request, frustration, forbidden topics and custom phrases are never left to chance.
 */
package com.supportchat.ai.trigger;
