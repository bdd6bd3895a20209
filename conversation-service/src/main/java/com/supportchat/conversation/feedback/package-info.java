/** Visitor feedback: helpful / not helpful on AI answers and CSAT after resolution, and the analytics built on it. */
package com.supportchat.conversation.feedback;
