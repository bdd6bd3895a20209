/** Widget session rules per org: how many open conversations, list or straight to chat, close button, labels. */
package com.supportchat.conversation.settings;
