/**
 * HTTP edge: the knowledge-base and AI-settings endpoints, JWT resource-server security (audience
 * supportchat-console, roles claim to ROLE_*), and RFC 9457 problem details.
 */
package com.supportchat.ai.web;
