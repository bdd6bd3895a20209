package com.supportchat.ai.web;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

import com.supportchat.ai.conversation.Plan;
import com.supportchat.ai.understanding.Signal;
import com.supportchat.events.ReplyGenerated;

/**
 * What the assistant would do with a message: the language it read, the signals it found, whether it would hand
 * the conversation to a human (trigger and reason), and its reply (null when it would not answer).
 */
record PlaygroundResponse(String language, List<String> signals, Handoff handoff,
        @JsonInclude(JsonInclude.Include.ALWAYS) Reply reply) {

    record Handoff(boolean wouldHandOff, String trigger, String reason) {
    }

    record Reply(String text, List<ReplyGenerated.Source> sources, Double confidence) {
    }

    static PlaygroundResponse of(Plan plan) {
        List<String> signals = plan.reading().signals().stream().sorted().map(Signal::name).toList();
        Handoff handoff = plan.handoff() == null ? new Handoff(false, null, null)
                : new Handoff(true, plan.handoff().trigger().name(), plan.handoff().reason());
        Reply reply = plan.reply() == null ? null
                : new Reply(plan.reply().text(), plan.reply().sources(), plan.reply().confidence());
        return new PlaygroundResponse(plan.reading().language().code(), signals, handoff, reply);
    }
}
