/**
 * CORS per org for the widget: each org's allowed origins come from identity-service, are cached and
 * refreshed, and decide which browser pages may call {@code /widget/**}.
 */
package com.supportchat.gateway.cors;
