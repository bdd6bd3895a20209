/** How every service authenticates identity-service's tokens and reports errors as RFC 9457 problem details. */
package com.supportchat.resourceserver;
