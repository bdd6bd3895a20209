/**
 * Visitors: the browsers using the widget, recognised again by their opaque visitor token (stored as a
 * SHA-256 hash), with what they told us about themselves (untrusted) and their browser metadata.
 */
package com.supportchat.identity.visitor;
