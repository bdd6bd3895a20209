/**
 * Widget sessions: turns a widget token, a visitor token and optionally a contact token into the
 * visitor's identity (anonymous, non-verified, verified), its history owner key and a widget access token.
 */
package com.supportchat.identity.widget;
