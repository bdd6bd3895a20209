package com.supportchat.ai.responder;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import com.supportchat.ai.understanding.Models;
import com.supportchat.ai.understanding.TriggerSettings;
import com.supportchat.ai.understanding.Turn;
import com.supportchat.ai.knowledge.KnowledgeIndex;
import com.supportchat.ai.knowledge.RetrievalConfidence;
import com.supportchat.ai.settings.AiSettings;

/** The OpenAI-compatible path over real HTTP against a fake endpoint, including every way it can fail. */
class OpenAiResponderTest {

    private static final String KEY = "sk-test-secret-key";
    private static final String ORG_KEY = "sk-org-own-key";
    /** The production default: orgs' endpoints must be public. */
    private static final ModelEndpointPolicy NO_PRIVATE_HOSTS = new ModelEndpointPolicy(List.of(), InetAddress::getAllByName);

    static KnowledgeIndex index;

    MockWebServer server;
    ResponderChain chain;
    SimpleMeterRegistry meters;

    private static final Duration ATTEMPT_TIMEOUT = Duration.ofMillis(1500);

    @BeforeAll
    static void indexDemoArticlesAndWarmUpTheSdk() throws IOException {
        index = DemoKnowledgeBase.index();
        // the SDK's first call loads Kotlin, Jackson modules and OkHttp: seconds on a cold JVM, not what is measured here
        try (MockWebServer warmUp = new MockWebServer()) {
            warmUp.start();
            warmUp.enqueue(completion(message("\"content\":\"warm\"")));
            ResponderProperties properties = ResponderPropertiesMother.withOpenAi(warmUp.url("/v1").toString(), KEY,
                    Duration.ofSeconds(20));
            new OpenAiResponder(properties, builtIn(), JsonMapper.builder().build(), NO_PRIVATE_HOSTS)
                .respond(new ResponderRequest(DemoKnowledgeBase.ORG, "c0", "m0", "hi", List.of(),
                        AiSettings.defaults(DemoKnowledgeBase.ORG)))
                .block(Duration.ofSeconds(30));
        }
    }

    static BuiltInResponder builtIn() {
        return new BuiltInResponder(index, RetrievalConfidence.load());
    }

    @AfterAll
    static void closeIndex() {
        index.close();
    }

    @BeforeEach
    void startFakeModel() throws IOException {
        server = new MockWebServer();
        server.start();
        ResponderProperties properties = ResponderPropertiesMother.withOpenAi(server.url("/v1").toString(), KEY,
                ATTEMPT_TIMEOUT);
        OpenAiResponder openAi = new OpenAiResponder(properties, builtIn(), JsonMapper.builder().build(), NO_PRIVATE_HOSTS);
        meters = new SimpleMeterRegistry();
        chain = new ResponderChain(builtIn(), openAi, properties, meters);
    }

    @AfterEach
    void stopFakeModel() {
        server.close();
    }

    @Test
    void theModelsAnswerIsTheReplyAndItGotPassagesHistoryAndTools() throws InterruptedException {
        server.enqueue(completion(message("\"content\":\"We are open Monday to Friday, 8:00 to 20:00.\"")));

        ResponderOutcome outcome = respond("When is your support team available?",
                List.of(new Turn(Turn.Speaker.VISITOR, "hi"), new Turn(Turn.Speaker.AI, "Hello! How can I help?")));

        assertThat(outcome).isInstanceOfSatisfying(ResponderOutcome.Answered.class, answer -> {
            assertThat(answer.text()).isEqualTo("We are open Monday to Friday, 8:00 to 20:00.");
            assertThat(answer.responder()).isEqualTo("openai");
            assertThat(answer.sources()).extracting(s -> s.title()).anyMatch(t -> t.startsWith("Opening hours"));
        });
        RecordedRequest request = server.takeRequest(1, TimeUnit.SECONDS);
        assertThat(request.getUrl().encodedPath()).isEqualTo("/v1/chat/completions");
        assertThat(request.getHeaders().get("Authorization")).isEqualTo("Bearer " + KEY);
        String body = request.getBody().utf8();
        assertThat(body).contains("\"model\":\"test-model\"", "handoff_to_human", "resolve_conversation",
                "Monday to Friday", "Hello! How can I help?", "When is your support team available?");
    }

    @Test
    void aHugeModelAnswerIsCutAndTheRequestAsksForABoundedOne() throws InterruptedException {
        String sentence = "Our stores are open from ten to eight on weekdays. ";
        server.enqueue(completion(message("\"content\":\"" + sentence.repeat(20_000) + "\"")));

        ResponderOutcome outcome = respond("When are you open?", List.of());

        assertThat(outcome).isInstanceOfSatisfying(ResponderOutcome.Answered.class, answer -> {
            assertThat(answer.responder()).isEqualTo("openai");
            assertThat(answer.text()).hasSizeLessThanOrEqualTo(4000).endsWith("weekdays.");
        });
        assertThat(server.takeRequest(1, TimeUnit.SECONDS).getBody().utf8()).contains("\"max_tokens\":600");
    }

    @Test
    void aHandoffToolCallIsAHandoff() {
        server.enqueue(completion(toolCall("handoff_to_human",
                "{\\\"reason\\\":\\\"billing dispute\\\",\\\"summary\\\":\\\"Visitor disputes a charge\\\"}")));

        ResponderOutcome outcome = respond("I was charged twice for one order", List.of());

        assertThat(outcome).isInstanceOfSatisfying(ResponderOutcome.HandoffWanted.class, handoff -> {
            assertThat(handoff.reason()).isEqualTo("billing dispute");
            assertThat(handoff.summary()).isEqualTo("Visitor disputes a charge");
        });
    }

    @Test
    void aResolveToolCallIsAResolution() {
        server.enqueue(completion(toolCall("resolve_conversation", "{}")));

        assertThat(respond("great, all sorted now", List.of())).isInstanceOf(ResponderOutcome.ResolutionWanted.class);
    }

    @Test
    void aRateLimitIsRetriedOnce() {
        server.enqueue(new MockResponse.Builder().code(429).addHeader("Content-Type", "application/json")
            .body("{\"error\":{\"message\":\"slow down\",\"type\":\"rate_limit\"}}").build());
        server.enqueue(completion(message("\"content\":\"Second time lucky.\"")));

        ResponderOutcome outcome = respond("When is your support team available?", List.of());

        assertThat(outcome).isInstanceOfSatisfying(ResponderOutcome.Answered.class,
                answer -> assertThat(answer.text()).isEqualTo("Second time lucky."));
        assertThat(server.getRequestCount()).isEqualTo(2);
    }

    @Test
    void serverErrorsFallBackToTheBuiltInResponderAfterOneRetry() {
        server.enqueue(new MockResponse.Builder().code(500).body("{\"error\":{\"message\":\"boom\"}}").build());
        server.enqueue(new MockResponse.Builder().code(503).body("{\"error\":{\"message\":\"boom\"}}").build());

        ResponderOutcome outcome = respond("How do I reset my password?", List.of());

        assertThat(outcome).isInstanceOfSatisfying(ResponderOutcome.Answered.class, answer -> {
            assertThat(answer.responder()).isEqualTo("builtin");
            assertThat(answer.text()).startsWith("From our article \"Resetting your password\"");
        });
        assertThat(server.getRequestCount()).isEqualTo(2);
        assertThat(meters.counter("supportchat.ai.model.fallbacks", "cause", "InternalServerException").count()).isEqualTo(1);
    }

    @Test
    void aModelThatDoesNotAnswerInTimeFallsBackQuickly() {
        server.enqueue(new MockResponse.Builder().headersDelay(5, TimeUnit.SECONDS).body("{}").build());
        server.enqueue(new MockResponse.Builder().headersDelay(5, TimeUnit.SECONDS).body("{}").build());

        long started = System.nanoTime();
        ResponderOutcome outcome = respond("How do I reset my password?", List.of());
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        // two attempts of 1.5 s and a short back-off, then the built-in answer: well inside the 10 s promise
        assertThat(outcome.responder()).isEqualTo("builtin");
        assertThat(took).isLessThan(Duration.ofSeconds(5));
    }

    @Test
    void aMalformedBodyFallsBackWithoutRetrying() {
        server.enqueue(new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json")
            .body("this is not { json").build());

        ResponderOutcome outcome = respond("How do I reset my password?", List.of());

        assertThat(outcome.responder()).isEqualTo("builtin");
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void aCompletionWithoutTextOrToolFallsBack() {
        server.enqueue(completion(message("\"content\":null")));

        assertThat(respond("How do I reset my password?", List.of()).responder()).isEqualTo("builtin");
    }

    @Test
    void aRejectedKeyIsNotRetried() {
        server.enqueue(new MockResponse.Builder().code(401).body("{\"error\":{\"message\":\"bad key\"}}").build());

        assertThat(respond("How do I reset my password?", List.of()).responder()).isEqualTo("builtin");
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void withoutAnyKeyTheModelIsNotCalled() {
        ResponderProperties noKey = ResponderPropertiesMother.withOpenAi(server.url("/v1").toString(), "",
                Duration.ofMillis(800));
        OpenAiResponder openAi = new OpenAiResponder(noKey, builtIn(), JsonMapper.builder().build(), NO_PRIVATE_HOSTS);
        ResponderChain builtInOnly = new ResponderChain(builtIn(), openAi, noKey,
                new SimpleMeterRegistry());

        ResponderOutcome outcome = builtInOnly.respond(BuiltInResponderTest.request("How do I reset my password?"))
            .block(Duration.ofSeconds(5));

        assertThat(outcome.responder()).isEqualTo("builtin");
        assertThat(server.getRequestCount()).isZero();
    }

    @Test
    void anOrgsEndpointOnALoopbackAddressIsNeverConnectedTo() {
        // saved before the save-time check existed, or a name that resolved elsewhere when it was saved
        AiSettings orgEndpoint = orgSettings(server.url("/v1").toString(), ORG_KEY);
        server.enqueue(completion(message("\"content\":\"leaked\"")));

        ResponderOutcome outcome = chain.respond(new ResponderRequest(DemoKnowledgeBase.ORG, "c1", "m1",
                "How do I reset my password?", List.of(), orgEndpoint)).block(Duration.ofSeconds(10));

        assertThat(outcome.responder()).isEqualTo("builtin");
        assertThat(server.getRequestCount()).isZero();
        assertThat(meters.find("supportchat.ai.model.fallbacks").counters()).isNotEmpty();
    }

    @Test
    void theDeploymentsKeyIsNeverSentToAnOrgsEndpoint() throws InterruptedException {
        ModelEndpointPolicy allowsTheFake = new ModelEndpointPolicy(List.of(server.getHostName()), InetAddress::getAllByName);
        ResponderProperties properties = ResponderPropertiesMother.withOpenAi("https://api.openai.com/v1", KEY,
                ATTEMPT_TIMEOUT);
        OpenAiResponder openAi = new OpenAiResponder(properties, builtIn(), JsonMapper.builder().build(), allowsTheFake);
        ResponderChain withDeploymentKey = new ResponderChain(builtIn(), openAi, properties,
                new SimpleMeterRegistry());
        server.enqueue(completion(message("\"content\":\"From the org's own model.\"")));

        AiSettings noOrgKey = orgSettings(server.url("/v1").toString(), null);
        assertThat(withDeploymentKey.callsModel(noOrgKey)).isFalse();
        ResponderOutcome withoutKey = withDeploymentKey.respond(new ResponderRequest(DemoKnowledgeBase.ORG, "c1", "m1",
                "How do I reset my password?", List.of(), noOrgKey)).block(Duration.ofSeconds(10));
        assertThat(withoutKey.responder()).isEqualTo("builtin");
        assertThat(server.getRequestCount()).isZero();

        ResponderOutcome withOrgKey = withDeploymentKey.respond(new ResponderRequest(DemoKnowledgeBase.ORG, "c1", "m1",
                "How do I reset my password?", List.of(), orgSettings(server.url("/v1").toString(), ORG_KEY)))
            .block(Duration.ofSeconds(10));
        assertThat(withOrgKey.responder()).isEqualTo("openai");
        RecordedRequest request = server.takeRequest(1, TimeUnit.SECONDS);
        assertThat(request.getHeaders().get("Authorization")).isEqualTo("Bearer " + ORG_KEY);
    }

    @Test
    void redirectsFromAnOrgsEndpointAreNotFollowed() {
        ModelEndpointPolicy allowsTheFake = new ModelEndpointPolicy(List.of(server.getHostName()), InetAddress::getAllByName);
        ResponderProperties properties = ResponderPropertiesMother.defaults();
        OpenAiResponder openAi = new OpenAiResponder(properties, builtIn(), JsonMapper.builder().build(), allowsTheFake);
        ResponderChain orgChain = new ResponderChain(builtIn(), openAi, properties,
                new SimpleMeterRegistry());
        server.enqueue(new MockResponse.Builder().code(307).addHeader("Location", server.url("/elsewhere/v1/chat/completions"))
            .build());
        server.enqueue(completion(message("\"content\":\"followed\"")));

        ResponderOutcome outcome = orgChain.respond(new ResponderRequest(DemoKnowledgeBase.ORG, "c1", "m1",
                "How do I reset my password?", List.of(), orgSettings(server.url("/v1").toString(), ORG_KEY)))
            .block(Duration.ofSeconds(10));

        assertThat(outcome.responder()).isEqualTo("builtin");
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    private static AiSettings orgSettings(String baseUrl, String apiKey) {
        return new AiSettings(DemoKnowledgeBase.ORG, null, null, null, null, baseUrl, apiKey, true, null);
    }

    private ResponderOutcome respond(String text, List<Turn> history) {
        ResponderRequest request = new ResponderRequest(DemoKnowledgeBase.ORG, "c1", "m1", text, history,
                AiSettings.defaults(DemoKnowledgeBase.ORG), Models.reader().read(text, history, TriggerSettings.DEFAULTS));
        return chain.respond(request).block(Duration.ofSeconds(10));
    }

    private static String message(String fields) {
        return "{\"role\":\"assistant\"," + fields + ",\"refusal\":null}";
    }

    private static String toolCall(String name, String escapedArguments) {
        return message("\"content\":null,\"tool_calls\":[{\"id\":\"call_1\",\"type\":\"function\",\"function\":{\"name\":\""
                + name + "\",\"arguments\":\"" + escapedArguments + "\"}}]");
    }

    private static MockResponse completion(String message) {
        String body = "{\"id\":\"chatcmpl-1\",\"object\":\"chat.completion\",\"created\":1700000000,\"model\":\"test-model\","
                + "\"choices\":[{\"index\":0,\"message\":" + message + ",\"finish_reason\":\"stop\",\"logprobs\":null}],"
                + "\"usage\":{\"prompt_tokens\":10,\"completion_tokens\":5,\"total_tokens\":15}}";
        return new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json").body(body).build();
    }
}
