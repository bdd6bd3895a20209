/**
 * Contacts: verified identities the customer's backend vouches for with an API key, and the contact
 * tokens the widget presents to prove them.
 */
package com.supportchat.identity.contact;
