/**
 * Secrets at rest: envelope encryption (Google Tink, AES-256-GCM) under master keys from the environment, and the
 * start-up re-sealing that encrypts old plaintext values and moves values to a new master key.
 */
package com.supportchat.resourceserver.secrets;
