package com.supportchat.conversation.support;

import com.supportchat.resourceserver.TokenDecoders;
import com.supportchat.testsupport.TestTokens;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;

/** Validates the test key's tokens exactly as production validates identity-service's: signature, issuer, expiry. */
@TestConfiguration(proxyBeanMethods = false)
public class TestJwtDecoder {

    @Bean
    @Primary
    ReactiveJwtDecoder decoderForTestTokens() {
        return TestTokens.decoder(TokenDecoders.validator(TestTokens.ISSUER));
    }
}
