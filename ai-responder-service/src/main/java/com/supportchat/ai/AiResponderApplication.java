package com.supportchat.ai;

import java.time.Clock;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

import com.supportchat.resourceserver.secrets.SecretBox;

@SpringBootApplication
@ConfigurationPropertiesScan
public class AiResponderApplication {

    public static void main(String[] args) {
        SpringApplication.run(AiResponderApplication.class, args);
    }

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    /** Seals the orgs' model API keys at rest. */
    @Bean
    SecretBox secretBox(Environment environment) {
        return SecretBox.fromEnvironment(environment);
    }
}
