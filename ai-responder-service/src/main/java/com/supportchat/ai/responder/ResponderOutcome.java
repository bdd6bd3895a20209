package com.supportchat.ai.responder;

import java.util.List;

import com.supportchat.events.ReplyGenerated;

/** What a responder decided. */
public sealed interface ResponderOutcome {

    String responder();

    /** An answer. {@code smallTalk}: a greeting or thanks, which neither resets nor counts as a failure. */
    record Answered(String text, List<ReplyGenerated.Source> sources, String responder, boolean smallTalk)
            implements ResponderOutcome {

        public Answered {
            sources = sources == null ? List.of() : List.copyOf(sources);
        }
    }

    /** The responder could not answer; {@code text} says so honestly, {@code reason} says why (for the handoff). */
    record Unanswered(String text, String reason, String responder) implements ResponderOutcome {
    }

    /** The model asked for a human ({@code handoff_to_human}); {@code text} may be null. */
    record HandoffWanted(String reason, String summary, String text, String responder) implements ResponderOutcome {
    }

    /** The model saw the visitor confirm the issue is solved ({@code resolve_conversation}). */
    record ResolutionWanted(String text, String responder) implements ResponderOutcome {
    }
}
