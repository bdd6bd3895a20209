package com.supportchat.gateway.cors;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.function.client.WebClient;

@Configuration(proxyBeanMethods = false)
class CorsConfiguration {

    @Bean
    AllowedOriginsCache allowedOriginsCache(CorsProperties properties) {
        return new AllowedOriginsCache(WebClient.builder().build(), properties);
    }
}
