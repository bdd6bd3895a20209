package com.supportchat.messaging;

import java.time.Instant;
import java.time.format.DateTimeParseException;

import org.apache.kafka.clients.consumer.ConsumerRecord;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/** A CloudEvent read from Kafka: its attributes and its JSON data, decoded on demand. */
public final class IncomingEvent {

    private final String id;
    private final String type;
    private final String source;
    private final String subject;
    private final String orgId;
    private final Instant time;
    private final byte[] data;
    private final JsonMapper mapper;

    private IncomingEvent(String id, String type, String source, String subject, String orgId, Instant time,
            byte[] data, JsonMapper mapper) {
        this.id = id;
        this.type = type;
        this.source = source;
        this.subject = subject;
        this.orgId = orgId;
        this.time = time;
        this.data = data;
        this.mapper = mapper;
    }

    /** Reads the envelope; a record that is not a valid CloudEvent is a poison event. */
    static IncomingEvent from(ConsumerRecord<String, byte[]> record, JsonMapper mapper) {
        String id = CloudEventHeaders.read(record.headers(), CloudEventHeaders.ID);
        String type = CloudEventHeaders.read(record.headers(), CloudEventHeaders.TYPE);
        String source = CloudEventHeaders.read(record.headers(), CloudEventHeaders.SOURCE);
        if (id == null || type == null || source == null || record.value() == null) {
            throw new PoisonEventException("not a CloudEvent: ce_id, ce_type, ce_source and data are required");
        }
        String time = CloudEventHeaders.read(record.headers(), CloudEventHeaders.TIME);
        Instant parsedTime;
        try {
            parsedTime = time == null ? null : Instant.parse(time);
        }
        catch (DateTimeParseException ex) {
            throw new PoisonEventException("ce_time is not an RFC 3339 timestamp: " + time);
        }
        return new IncomingEvent(id, type, source, CloudEventHeaders.read(record.headers(), CloudEventHeaders.SUBJECT),
                CloudEventHeaders.read(record.headers(), CloudEventHeaders.ORG_ID), parsedTime, record.value(), mapper);
    }

    /** The event's data as the given record type; undecodable data is a poison event, never retried. */
    public <T> T data(Class<T> type) {
        try {
            return mapper.readValue(data, type);
        }
        catch (JacksonException ex) {
            throw new PoisonEventException("data of " + this.type + " is not a valid " + type.getSimpleName()
                    + ": " + ex.getOriginalMessage());
        }
    }

    public String id() {
        return id;
    }

    public String type() {
        return type;
    }

    public String source() {
        return source;
    }

    public String subject() {
        return subject;
    }

    public String orgId() {
        return orgId;
    }

    public Instant time() {
        return time;
    }

    @Override
    public String toString() {
        return "IncomingEvent[id=" + id + ", type=" + type + ", subject=" + subject + "]";
    }
}
