package com.supportchat.identity.store;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class StoreConfiguration {

    @Bean
    Jsonb jsonb(JsonMapper mapper) {
        return new Jsonb(mapper);
    }
}
