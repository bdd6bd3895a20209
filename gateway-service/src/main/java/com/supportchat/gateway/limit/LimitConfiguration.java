package com.supportchat.gateway.limit;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.micrometer.core.instrument.MeterRegistry;

@Configuration(proxyBeanMethods = false)
class LimitConfiguration {

    @Bean
    SharedBuckets sharedBuckets(RateLimitProperties properties, MeterRegistry meters) {
        return new SharedBuckets(properties, meters, System::nanoTime);
    }

    @Bean
    OpenStreams openStreams(StreamLimitProperties properties, MeterRegistry meters) {
        return new OpenStreams(properties, meters);
    }
}
