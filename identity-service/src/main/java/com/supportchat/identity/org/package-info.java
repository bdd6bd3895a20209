/**
 * Orgs (tenants) and their public widget tokens with the origins allowed to use them.
 */
package com.supportchat.identity.org;
