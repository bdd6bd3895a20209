/**
 * Org API keys for the customer's backend: created by admins, shown once, stored as SHA-256 only, and
 * checked (with their scopes) on server-to-server calls.
 */
package com.supportchat.identity.apikey;
