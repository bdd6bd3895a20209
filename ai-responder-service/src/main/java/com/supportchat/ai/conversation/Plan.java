package com.supportchat.ai.conversation;

import java.util.List;

import com.supportchat.ai.understanding.Reading;
import com.supportchat.events.HandoffTrigger;
import com.supportchat.events.ReplyGenerated;

/**
 * What the AI does about one visitor message, decided before anything is written: a reply, a handoff request, a
 * resolution, or a combination ("I couldn't find that" and a handoff). A real message's plan is carried out (the
 * events published, the conversation's context updated); the playground only shows it.
 *
 * @param reading    what the message was read to say
 * @param reply      what the AI says, or null when it says nothing itself
 * @param handoff    the handoff it asks for, or null
 * @param resolution the resolution it asks for, or null
 * @param failures   the conversation's new count of unanswered questions in a row, or null when unchanged
 */
public record Plan(Reading reading, Reply reply, Handoff handoff, Resolution resolution, Integer failures) {

    /** A reply, with the articles it is from and, for a knowledge-base answer, the search's confidence. */
    public record Reply(String text, List<ReplyGenerated.Source> sources, String responder, Double confidence) {

        public Reply {
            sources = sources == null ? List.of() : List.copyOf(sources);
        }
    }

    /** A handoff request: the trigger, why, and the model's own summary when a model asked. */
    public record Handoff(HandoffTrigger trigger, String reason, String modelSummary) {
    }

    /** A resolution request and why. */
    public record Resolution(String reason) {
    }

    static Plan reply(Reading reading, Reply reply) {
        return new Plan(reading, reply, null, null, null);
    }

    static Plan handoff(Reading reading, HandoffTrigger trigger, String reason) {
        return new Plan(reading, null, new Handoff(trigger, reason, null), null, null);
    }
}
