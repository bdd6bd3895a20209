/**
 * handoff-service: per-org handoff settings, the policy that accepts or declines handoff requests, and the
 * records that follow each handoff until a human picks it up and the conversation ends.
 */
package com.supportchat.handoff;
