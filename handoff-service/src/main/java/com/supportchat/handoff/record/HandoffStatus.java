package com.supportchat.handoff.record;

/** Where a handoff is. REQUESTED exists only until the policy has decided, inside the same transaction. */
public enum HandoffStatus {
    REQUESTED, WAITING, CLAIMED, RELEASED, RESOLVED, ABANDONED, DECLINED;

    public boolean isOpen() {
        return this == WAITING || this == CLAIMED;
    }
}
