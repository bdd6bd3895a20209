/**
 * HTTP edge shared by every feature: RFC 9457 problem details with stable {@code type} URIs.
 */
package com.supportchat.identity.web;
