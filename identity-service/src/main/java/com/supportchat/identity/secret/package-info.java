/**
 * Random secrets and their one-way hashes: API keys and visitor tokens are shown once and stored only
 * as SHA-256.
 */
package com.supportchat.identity.secret;
