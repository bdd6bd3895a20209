/**
 * Token signing: RS256 keys kept in the database so every instance signs and verifies alike, the JWKS
 * other services validate against, and the issuer/verifier of every JWT this service hands out.
 */
package com.supportchat.identity.signing;
