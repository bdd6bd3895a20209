/**
 * Edge concerns that apply before any routing: internal paths are never reachable from outside, and
 * which forwarded headers (client address) the gateway believes.
 */
package com.supportchat.gateway.edge;
