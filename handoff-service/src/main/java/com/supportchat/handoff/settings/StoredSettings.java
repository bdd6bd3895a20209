package com.supportchat.handoff.settings;

import java.time.Instant;

/** An org's settings and when they were last changed (null: never, the defaults apply). */
public record StoredSettings(String orgId, HandoffSettings settings, Instant updatedAt) {
}
