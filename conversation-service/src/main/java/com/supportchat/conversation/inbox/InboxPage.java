package com.supportchat.conversation.inbox;

import java.time.Instant;
import java.util.List;

import com.supportchat.conversation.customer.Customer;
import com.supportchat.conversation.thread.Conversation;

/** One page of customer groups, newest activity first; {@code nextCursor} is null on the last page. */
public record InboxPage(List<Group> groups, String nextCursor) {

    /** A customer with their conversations (matching the filter), newest activity first. */
    public record Group(String customerKey, Customer customer, Conversation latest, int conversationCount,
            Instant lastActivityAt, List<Conversation> conversations) {
    }
}
