/**
 * Early token checks: which paths need which audience, the JWKS fetched from identity-service, and the
 * Spring Security chain that answers 401 problem details before anything is proxied.
 */
package com.supportchat.gateway.token;
