/** Customers as identity-service describes them (visitor-identified events), for the operator inbox and detail. */
package com.supportchat.conversation.customer;
