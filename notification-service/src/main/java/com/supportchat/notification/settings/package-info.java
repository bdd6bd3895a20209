/** Per-org notification preferences: who gets email and SMS, for which events, and when to re-notify. */
package com.supportchat.notification.settings;
