/**
 * Whether a handoff request goes to a human: the pure {@link com.supportchat.handoff.policy.HandoffPolicy}
 * and the office-hours calendar it uses. No Spring, no I/O.
 */
package com.supportchat.handoff.policy;
