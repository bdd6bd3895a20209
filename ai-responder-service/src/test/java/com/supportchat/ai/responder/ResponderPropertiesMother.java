package com.supportchat.ai.responder;

import java.time.Duration;
import java.util.List;

final class ResponderPropertiesMother {

    private ResponderPropertiesMother() {
    }

    static ResponderProperties defaults() {
        return withOpenAi("https://api.openai.com/v1", "", Duration.ofSeconds(4));
    }

    static ResponderProperties withOpenAi(String baseUrl, String apiKey, Duration attemptTimeout) {
        return new ResponderProperties(2, 12, Duration.ofSeconds(9),
                new ResponderProperties.OpenAi(baseUrl, apiKey, "test-model", attemptTimeout, Duration.ofMillis(50), 4,
                        List.of(), 600, 4000));
    }
}
