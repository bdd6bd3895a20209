package com.supportchat.ai;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class AiResponderApplication {

    public static void main(String[] args) {
        SpringApplication.run(AiResponderApplication.class, args);
    }
}
