package com.supportchat.handoff.policy;

import com.supportchat.events.HandoffTrigger;

/**
 * What the policy knows about one request: the trigger that fired plus what handoff-service has seen of the
 * conversation so far (from {@code message-received}, {@code visitor-identified} and earlier requests).
 *
 * @param visitorMessages messages the visitor has written in the conversation so far
 * @param aiReplies       answers the AI has given in the conversation so far (its attempts)
 * @param priorDeclines   earlier requests of the same conversation that were declined
 * @param visitorEmailKnown whether the visitor's email is known (identified, or given earlier)
 * @param language        the language the visitor writes in (ISO 639-1), null when unknown: what they are told is
 *                        written in it
 */
public record HandoffRequest(
        HandoffTrigger trigger,
        String source,
        int visitorMessages,
        int aiReplies,
        int priorDeclines,
        boolean visitorEmailKnown,
        String language) {

    public HandoffRequest(HandoffTrigger trigger, String source, int visitorMessages, int aiReplies, int priorDeclines,
            boolean visitorEmailKnown) {
        this(trigger, source, visitorMessages, aiReplies, priorDeclines, visitorEmailKnown, null);
    }
}
