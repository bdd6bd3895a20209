package com.supportchat.messaging;

import com.supportchat.events.PublishedEvent;

/** A test event on a topic of its own. */
record ThingHappened(String key, String orgId, int number, String behaviour) implements PublishedEvent {

    static final String TOPIC = "thing-happened";
    static final String TYPE = "com.supportchat.test.thing-happened.v1";

    @Override
    public String topic() {
        return TOPIC;
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public String subject() {
        return key;
    }
}
