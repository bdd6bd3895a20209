package com.supportchat.ai.responder;

import java.util.List;

import com.supportchat.events.ReplyGenerated;

/** What a responder decided. */
public sealed interface ResponderOutcome {

    String responder();

    /**
     * An answer. {@code smallTalk}: a greeting or thanks, which neither resets nor counts as a failure;
     * {@code confidence}: the knowledge-base search's confidence in the passage it quotes, null for other answers.
     */
    record Answered(String text, List<ReplyGenerated.Source> sources, String responder, boolean smallTalk,
            Double confidence) implements ResponderOutcome {

        public Answered {
            sources = sources == null ? List.of() : List.copyOf(sources);
        }

        public Answered(String text, List<ReplyGenerated.Source> sources, String responder, boolean smallTalk) {
            this(text, sources, responder, smallTalk, null);
        }
    }

    /**
     * The responder could not answer; {@code text} says so honestly, {@code reason} says why (for the handoff),
     * {@code confidence} is the best passage's (below the threshold), null when there was none.
     */
    record Unanswered(String text, String reason, String responder, Double confidence) implements ResponderOutcome {

        public Unanswered(String text, String reason, String responder) {
            this(text, reason, responder, null);
        }
    }

    /** The model asked for a human ({@code handoff_to_human}); {@code text} may be null. */
    record HandoffWanted(String reason, String summary, String text, String responder) implements ResponderOutcome {
    }

    /** The model saw the visitor confirm the issue is solved ({@code resolve_conversation}). */
    record ResolutionWanted(String text, String responder) implements ResponderOutcome {
    }
}
