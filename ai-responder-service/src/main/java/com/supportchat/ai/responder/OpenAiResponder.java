package com.supportchat.ai.responder;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeoutException;

import com.openai.client.OpenAIClientAsync;
import com.openai.client.okhttp.OpenAIOkHttpClientAsync;
import com.openai.core.JsonValue;
import com.openai.errors.InternalServerException;
import com.openai.errors.OpenAIIoException;
import com.openai.errors.OpenAIServiceException;
import com.openai.errors.RateLimitException;
import com.openai.errors.UnexpectedStatusCodeException;
import com.openai.models.FunctionDefinition;
import com.openai.models.FunctionParameters;
import com.openai.models.chat.completions.ChatCompletion;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import com.openai.models.chat.completions.ChatCompletionFunctionTool;
import com.openai.models.chat.completions.ChatCompletionMessage;
import com.openai.models.chat.completions.ChatCompletionMessageFunctionToolCall;
import com.openai.models.chat.completions.ChatCompletionMessageToolCall;
import io.github.resilience4j.bulkhead.Bulkhead;
import okhttp3.ConnectionPool;
import okhttp3.OkHttpClient;
import io.github.resilience4j.bulkhead.BulkheadConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.reactor.bulkhead.operator.BulkheadOperator;
import io.github.resilience4j.reactor.circuitbreaker.operator.CircuitBreakerOperator;
import io.github.resilience4j.reactor.retry.RetryOperator;
import io.github.resilience4j.reactor.timelimiter.TimeLimiterOperator;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import io.github.resilience4j.timelimiter.TimeLimiter;
import io.github.resilience4j.timelimiter.TimeLimiterConfig;
import reactor.core.publisher.Mono;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

import com.supportchat.ai.understanding.Turn;
import com.supportchat.ai.knowledge.Passage;
import com.supportchat.ai.settings.AiSettings;
import com.supportchat.events.ReplyGenerated;

import org.springframework.stereotype.Component;

/**
 * Answers with an OpenAI-compatible chat completions endpoint (OpenAI, Azure OpenAI, vLLM, Ollama, llama.cpp):
 * instructions, the best knowledge-base passages and the recent conversation go in; an answer, or a call of the
 * {@code handoff_to_human} / {@code resolve_conversation} tool, comes out.
 *
 * <p>Each call goes through resilience4j, innermost first: bulkhead, time limiter (per attempt), circuit
 * breaker (per endpoint; only server-side failures count, so one org's bad key cannot open it for all), and one
 * retry with back-off for 429, 5xx, time-outs and I/O errors. The SDK's own retries are off
 * ({@code maxRetries(0)}) so there is exactly one retry policy. API keys are never logged.
 *
 * <p>An org's own endpoint is tenant input: it is reached through {@link ModelEndpointPolicy}'s guarded sockets
 * (public addresses only, checked at every connection), never follows redirects, and is only ever sent the org's
 * own key. The deployment's key goes to the deployment's endpoint and nowhere else.
 */
@Component
public class OpenAiResponder implements Responder {

    public static final String NAME = "openai";
    static final String HANDOFF_TOOL = "handoff_to_human";
    static final String RESOLVE_TOOL = "resolve_conversation";
    static final double MIN_SOURCE_CONFIDENCE = 0.3;

    static final String DEFAULT_PROMPT = "You are the friendly customer-support assistant of this company's website. "
            + "Answer the visitor's questions using only the knowledge-base passages below.";

    private final ResponderProperties properties;
    private final BuiltInResponder builtIn;
    private final JsonMapper json;
    private final Map<String, OpenAIClientAsync> clients = new ConcurrentHashMap<>();
    /** The deployment's endpoint: configuration, trusted. */
    private final OkHttpClient deploymentHttp;
    /** Orgs' endpoints: tenant input, public addresses only. */
    private final OkHttpClient orgHttp;
    private final CircuitBreakerRegistry circuitBreakers;
    private final Bulkhead bulkhead;
    private final TimeLimiter timeLimiter;
    private final Retry retry;

    OpenAiResponder(ResponderProperties properties, BuiltInResponder builtIn, JsonMapper json, ModelEndpointPolicy policy) {
        this.properties = properties;
        this.builtIn = builtIn;
        this.json = json;
        ResponderProperties.OpenAi openai = properties.openai();
        Duration callTimeout = openai.attemptTimeout().plusSeconds(1);
        this.deploymentHttp = new OkHttpClient.Builder()
            .callTimeout(callTimeout)
            .readTimeout(callTimeout)
            .retryOnConnectionFailure(false)
            .followRedirects(false)
            .followSslRedirects(false)
            .build();
        this.orgHttp = deploymentHttp.newBuilder()
            .socketFactory(policy.socketFactory())
            .connectionPool(new ConnectionPool())
            .build();
        this.circuitBreakers = CircuitBreakerRegistry.of(CircuitBreakerConfig.custom()
            .slidingWindowSize(20)
            .minimumNumberOfCalls(5)
            .failureRateThreshold(50)
            .waitDurationInOpenState(Duration.ofSeconds(30))
            .recordException(OpenAiResponder::serverSideFailure)
            .build());
        this.bulkhead = Bulkhead.of("openai", BulkheadConfig.custom()
            .maxConcurrentCalls(openai.maxConcurrent())
            .maxWaitDuration(Duration.ofMillis(200))
            .build());
        this.timeLimiter = TimeLimiter.of("openai", TimeLimiterConfig.custom()
            .timeoutDuration(openai.attemptTimeout())
            .cancelRunningFuture(true)
            .build());
        this.retry = Retry.of("openai", RetryConfig.custom()
            .maxAttempts(2)
            .intervalFunction(IntervalFunction.ofExponentialBackoff(openai.retryBackoff(), 2.0))
            .retryOnException(OpenAiResponder::serverSideFailure)
            .build());
    }

    @Override
    public String name() {
        return NAME;
    }

    /**
     * A model is used when the org has not switched it off and a key is known for the endpoint: the org's own key
     * (for its own endpoint, or the deployment's), or the deployment's key for the deployment's endpoint. An org
     * endpoint without an org key is not used: the deployment's key never leaves for an org's endpoint.
     */
    public boolean configuredFor(AiSettings settings) {
        if (settings == null || !settings.enabled()) {
            return false;
        }
        return settings.hasApiKey() || (settings.baseUrl() == null && properties.openai().hasApiKey());
    }

    @Override
    public Mono<ResponderOutcome> respond(ResponderRequest request) {
        return builtIn.search(request, 4)
            .flatMap(passages -> complete(request, passages).map(completion -> outcome(completion, passages)));
    }

    private Mono<ChatCompletion> complete(ResponderRequest request, List<Passage> passages) {
        AiSettings settings = request.settings();
        boolean orgEndpoint = settings.baseUrl() != null;
        String baseUrl = orgEndpoint ? settings.baseUrl() : properties.openai().baseUrl();
        String apiKey = settings.hasApiKey() ? settings.apiKey() : orgEndpoint ? null : properties.openai().apiKey();
        if (apiKey == null) {
            return Mono.error(new IllegalStateException("no key for the org's model endpoint"));
        }
        OpenAIClientAsync client = client(baseUrl, apiKey, orgEndpoint);
        ChatCompletionCreateParams params = prompt(request, passages);
        CircuitBreaker circuitBreaker = circuitBreakers.circuitBreaker(endpointName(baseUrl));
        return Mono.defer(() -> Mono.fromFuture(() -> client.chat().completions().create(params)))
            .transformDeferred(BulkheadOperator.of(bulkhead))
            .transformDeferred(TimeLimiterOperator.of(timeLimiter))
            .transformDeferred(CircuitBreakerOperator.of(circuitBreaker))
            .transformDeferred(RetryOperator.of(retry));
    }

    ChatCompletionCreateParams prompt(ResponderRequest request, List<Passage> passages) {
        AiSettings settings = request.settings();
        StringBuilder system = new StringBuilder(settings.systemPrompt() != null ? settings.systemPrompt() : DEFAULT_PROMPT);
        system.append("\n\nRules:\n")
            .append("- Answer only from the passages. If they do not contain the answer, say briefly that you do not "
                    + "know and call ").append(HANDOFF_TOOL).append(".\n")
            .append("- When the visitor confirms their issue is solved, call ").append(RESOLVE_TOOL).append(".\n")
            .append("- Be concise (at most about 120 words), friendly and answer in the visitor's language.\n")
            .append("- Never invent prices, dates, policies or links.\n");
        if (settings.customHandoffInstructions() != null) {
            system.append("- Also call ").append(HANDOFF_TOOL).append(" when: ")
                .append(settings.customHandoffInstructions()).append('\n');
        }
        system.append("\nKnowledge-base passages:\n");
        if (passages.isEmpty()) {
            system.append("(none matched the question)\n");
        }
        int n = 1;
        for (Passage passage : passages) {
            system.append('[').append(n++).append("] Article \"").append(passage.title()).append('"');
            if (!passage.heading().isBlank()) {
                system.append(", section \"").append(passage.heading()).append('"');
            }
            system.append(":\n").append(passage.text()).append("\n\n");
        }
        ChatCompletionCreateParams.Builder params = ChatCompletionCreateParams.builder()
            .model(settings.model() != null ? settings.model() : properties.openai().model())
            .temperature(settings.temperature() != null ? settings.temperature() : 0.2)
            .maxTokens(properties.openai().maxTokens())
            .addSystemMessage(system.toString())
            .addTool(tool(HANDOFF_TOOL, "Hand the conversation to a human support agent when you cannot help, the "
                    + "visitor needs a person, or the instructions say so.", Map.of(
                    "reason", Map.of("type", "string", "description", "why a human is needed"),
                    "summary", Map.of("type", "string", "description",
                            "what the visitor needs and what you already tried, for the agent"))))
            .addTool(tool(RESOLVE_TOOL, "Close the conversation because the visitor confirmed their issue is solved.",
                    Map.of()));
        for (Turn turn : request.history()) {
            switch (turn.speaker()) {
                case VISITOR -> params.addUserMessage(turn.text());
                case AI -> params.addAssistantMessage(turn.text());
                case OPERATOR -> params.addAssistantMessage("[Support agent] " + turn.text());
            }
        }
        params.addUserMessage(request.text());
        return params.build();
    }

    private static ChatCompletionFunctionTool tool(String name, String description, Map<String, Object> properties) {
        Map<String, Object> schema = new LinkedHashMap<>();
        schema.put("type", "object");
        schema.put("properties", properties);
        schema.put("required", List.copyOf(properties.keySet()));
        FunctionParameters.Builder parameters = FunctionParameters.builder();
        schema.forEach((key, value) -> parameters.putAdditionalProperty(key, JsonValue.from(value)));
        return ChatCompletionFunctionTool.builder()
            .function(FunctionDefinition.builder().name(name).description(description).parameters(parameters.build()).build())
            .build();
    }

    ResponderOutcome outcome(ChatCompletion completion, List<Passage> passages) {
        ChatCompletionMessage message = completion.choices().get(0).message();
        for (ChatCompletionMessageToolCall call : message.toolCalls().orElse(List.of())) {
            ChatCompletionMessageFunctionToolCall function = call.function().orElse(null);
            if (function == null) {
                continue;
            }
            String text = message.content().filter(c -> !c.isBlank()).orElse(null);
            if (HANDOFF_TOOL.equals(function.function().name())) {
                Map<String, Object> arguments = arguments(function.function().arguments());
                return new ResponderOutcome.HandoffWanted(string(arguments.get("reason"), "the model decided to hand off"),
                        string(arguments.get("summary"), null), text, NAME);
            }
            if (RESOLVE_TOOL.equals(function.function().name())) {
                return new ResponderOutcome.ResolutionWanted(text, NAME);
            }
        }
        String content = message.content().filter(c -> !c.isBlank())
            .orElseThrow(() -> new MalformedModelResponse("the model returned neither text nor a known tool call"));
        List<ReplyGenerated.Source> sources = passages.stream()
            .filter(p -> p.confidence() >= MIN_SOURCE_CONFIDENCE)
            .map(p -> new ReplyGenerated.Source(p.articleId(), p.title()))
            .distinct()
            .toList();
        return new ResponderOutcome.Answered(capped(content.strip()), sources, NAME, false);
    }

    /** The answer, cut at a sentence end (or a word) when it is longer than the deployment allows. */
    String capped(String answer) {
        int max = properties.openai().maxAnswerChars();
        if (answer.length() <= max) {
            return answer;
        }
        int cut = Math.max(answer.lastIndexOf(". ", max - 1), answer.lastIndexOf(".\n", max - 1));
        if (cut > max / 2) {
            return answer.substring(0, cut + 1);
        }
        int space = answer.lastIndexOf(' ', max - 4);
        return answer.substring(0, space > max / 2 ? space : max - 4) + " ...";
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> arguments(String raw) {
        if (raw == null || raw.isBlank()) {
            return Map.of();
        }
        try {
            return json.readValue(raw, Map.class);
        }
        catch (JacksonException ex) {
            return Map.of();
        }
    }

    private static String string(Object value, String fallback) {
        return value instanceof String s && !s.isBlank() ? s.strip() : fallback;
    }

    private OpenAIClientAsync client(String baseUrl, String apiKey, boolean orgEndpoint) {
        String key = (orgEndpoint ? "org:" : "deployment:") + baseUrl + "#" + fingerprint(apiKey);
        return clients.computeIfAbsent(key, k -> OpenAIOkHttpClientAsync.builder()
            .okHttpClient(orgEndpoint ? orgHttp : deploymentHttp)
            .baseUrl(baseUrl)
            .apiKey(apiKey)
            .maxRetries(0)
            .build());
    }

    /** Cache key part that identifies a key without holding it in clear in a second place. */
    private static String fingerprint(String apiKey) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(apiKey.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 8);
        }
        catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException(ex);
        }
    }

    private static String endpointName(String baseUrl) {
        return "openai:" + baseUrl.replaceAll("^https?://", "").replaceAll("[/?#].*$", "");
    }

    /** Failures worth a retry and counted by the circuit breaker: the endpoint's fault, not the request's. */
    static boolean serverSideFailure(Throwable ex) {
        if (refusedAddress(ex)) {
            return false;
        }
        return ex instanceof RateLimitException || ex instanceof InternalServerException || ex instanceof OpenAIIoException
                || ex instanceof TimeoutException
                || (ex instanceof UnexpectedStatusCodeException unexpected && unexpected.statusCode() >= 500);
    }

    /** The endpoint resolved to an address an org may not reach (see {@link ModelEndpointPolicy}). */
    static boolean refusedAddress(Throwable ex) {
        for (Throwable t = ex; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof ModelEndpointPolicy.RefusedAddressException) {
                return true;
            }
        }
        return false;
    }

    /** A log-safe description: type and HTTP status, never headers or keys. */
    static String describe(Throwable ex) {
        if (refusedAddress(ex)) {
            return "endpoint refused: non-public address";
        }
        if (ex instanceof OpenAIServiceException service) {
            return ex.getClass().getSimpleName() + " HTTP " + service.statusCode();
        }
        return ex.getClass().getSimpleName();
    }

    /** The endpoint answered 2xx with something that is not a usable completion. */
    static final class MalformedModelResponse extends RuntimeException {

        MalformedModelResponse(String message) {
            super(message);
        }
    }
}
