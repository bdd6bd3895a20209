/**
 * Operators (human agents and admins of an org): password login for the console, and admin management
 * of the org's operators.
 */
package com.supportchat.identity.operator;
