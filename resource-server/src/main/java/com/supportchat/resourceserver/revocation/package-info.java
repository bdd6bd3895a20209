/**
 * Revocation that bites: tokens of an operator deactivated or given another role stop working in every service as
 * soon as it reads {@code operator-access-changed}, and their live streams close.
 */
package com.supportchat.resourceserver.revocation;
