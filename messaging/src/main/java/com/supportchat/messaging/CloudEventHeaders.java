package com.supportchat.messaging;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

/** CloudEvents 1.0 Kafka protocol binding, binary content mode: attributes travel as {@code ce_*} headers. */
public final class CloudEventHeaders {

    public static final String SPEC_VERSION = "ce_specversion";
    public static final String ID = "ce_id";
    public static final String SOURCE = "ce_source";
    public static final String TYPE = "ce_type";
    public static final String TIME = "ce_time";
    public static final String SUBJECT = "ce_subject";
    /** Extension attribute: the tenant. */
    public static final String ORG_ID = "ce_orgid";
    public static final String CONTENT_TYPE = "content-type";
    public static final String JSON = "application/json";

    private CloudEventHeaders() {
    }

    static void write(Headers headers, String id, String source, String type, String subject, String orgId,
            Instant time) {
        put(headers, SPEC_VERSION, "1.0");
        put(headers, ID, id);
        put(headers, SOURCE, source);
        put(headers, TYPE, type);
        put(headers, TIME, time.toString());
        put(headers, SUBJECT, subject);
        put(headers, ORG_ID, orgId);
        put(headers, CONTENT_TYPE, JSON);
    }

    static String read(Headers headers, String name) {
        Header header = headers.lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static void put(Headers headers, String name, String value) {
        if (value != null) {
            headers.remove(name);
            headers.add(name, value.getBytes(StandardCharsets.UTF_8));
        }
    }
}
