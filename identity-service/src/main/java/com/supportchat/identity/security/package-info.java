/**
 * Who may call what: operator JWTs (audience {@code supportchat-console}) guard {@code /api/**}; widget,
 * JWKS, login, health and internal endpoints authenticate by their own means or not at all.
 */
package com.supportchat.identity.security;
