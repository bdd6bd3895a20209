/**
 * What notification-service remembers of conversations: their last messages (for the email) and which
 * accepted handoffs nobody has answered yet (for re-notification).
 */
package com.supportchat.notification.conversation;
