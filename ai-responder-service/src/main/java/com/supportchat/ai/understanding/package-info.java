/**
 * Reading what a visitor message means, before any responder answers it: the visitor's language, and the
 * signals it carries (a request for a person, frustration, the issue resolved, the org's custom phrases and
 * forbidden topics). An in-process sentence-embedding model, per-language cue lexicons (data files) and a
 * small classifier trained on labelled messages work together; rules cover what rules do best.
 */
package com.supportchat.ai.understanding;
