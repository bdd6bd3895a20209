package com.supportchat.conversation;

import java.time.Clock;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
class ConversationConfiguration {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
