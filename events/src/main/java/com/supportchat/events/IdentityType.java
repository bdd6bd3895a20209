package com.supportchat.events;

public enum IdentityType {
    ANONYMOUS, NON_VERIFIED, VERIFIED
}
