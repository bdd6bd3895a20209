package com.supportchat.notification;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CopyOnWriteArrayList;

import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;

/**
 * A Twilio-compatible SMS API on a real HTTP server (MockWebServer). Answers 201 unless a test scripted other
 * status codes for a destination number; records every request.
 */
public final class FakeSmsProvider extends Dispatcher {

    private final MockWebServer server = new MockWebServer();
    private final Map<String, ConcurrentLinkedDeque<Integer>> scripted = new ConcurrentHashMap<>();
    private final List<RecordedRequest> requests = new CopyOnWriteArrayList<>();

    public FakeSmsProvider() {
        server.setDispatcher(this);
        try {
            server.start();
        }
        catch (IOException ex) {
            throw new IllegalStateException(ex);
        }
    }

    public String baseUrl() {
        String url = server.url("/").toString();
        return url.substring(0, url.length() - 1);
    }

    /** The next answers for messages to {@code to}, in order; 201 after they are used up. */
    public void script(String to, Integer... statuses) {
        scripted.computeIfAbsent(to, k -> new ConcurrentLinkedDeque<>()).addAll(List.of(statuses));
    }

    /** Requests whose form body was for {@code to} (form-encoded, so "+" is "%2B"). */
    public List<RecordedRequest> requestsTo(String to) {
        String encoded = "To=" + to.replace("+", "%2B");
        return requests.stream().filter(r -> r.getBody() != null && r.getBody().utf8().contains(encoded)).toList();
    }

    @Override
    public MockResponse dispatch(RecordedRequest request) {
        requests.add(request);
        String body = request.getBody() == null ? "" : request.getBody().utf8();
        int status = 201;
        for (Map.Entry<String, ConcurrentLinkedDeque<Integer>> entry : scripted.entrySet()) {
            if (body.contains("To=" + entry.getKey().replace("+", "%2B"))) {
                Integer next = entry.getValue().poll();
                status = next == null ? 201 : next;
            }
        }
        return new MockResponse.Builder().code(status).addHeader("Content-Type", "application/json")
            .body(status == 201 ? "{\"sid\":\"SM123\",\"status\":\"queued\"}" : "{\"code\":20500,\"message\":\"try later\"}")
            .build();
    }
}
