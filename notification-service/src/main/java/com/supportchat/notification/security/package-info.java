/** Who is calling: operator tokens from identity-service, validated here (issuer, audience, expiry, roles). */
package com.supportchat.notification.security;
