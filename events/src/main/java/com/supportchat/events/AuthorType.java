package com.supportchat.events;

public enum AuthorType {
    VISITOR, AI, OPERATOR, SYSTEM
}
