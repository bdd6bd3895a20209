package com.supportchat.events;

/** Events about handing conversations to humans. */
public sealed interface HandoffEvent extends PublishedEvent
        permits HandoffRequested, HandoffDecided, HandoffTimedOut, HandoffSettingsChanged {
}
