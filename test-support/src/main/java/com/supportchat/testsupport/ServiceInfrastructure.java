package com.supportchat.testsupport;

import org.springframework.test.context.DynamicPropertyRegistry;

/** Points a service under test at the shared test broker and its own fresh database. */
public final class ServiceInfrastructure {

    private ServiceInfrastructure() {
    }

    /** Call from a {@code @DynamicPropertySource} method. */
    /**
     * The master key that seals stored secrets in this test JVM ({@code SECRETS_MASTER_KEYS}): random, so that no
     * key in the repository ever seals anything.
     */
    public static final String MASTER_KEYS = "1:" + java.util.Base64.getEncoder().encodeToString(randomBytes(32));

    private static byte[] randomBytes(int n) {
        byte[] bytes = new byte[n];
        new java.security.SecureRandom().nextBytes(bytes);
        return bytes;
    }

    public static void register(DynamicPropertyRegistry registry, String service) {
        PostgresTestDatabase db = PostgresTestDatabase.forService(service.replace('-', '_'));
        registry.add("spring.r2dbc.url", db::r2dbcUrl);
        registry.add("spring.r2dbc.username", db::user);
        registry.add("spring.r2dbc.password", db::password);
        registry.add("spring.flyway.url", db::jdbcUrl);
        registry.add("spring.flyway.user", db::user);
        registry.add("spring.flyway.password", db::password);
        registry.add("spring.kafka.bootstrap-servers", KafkaTestBroker::bootstrapServers);
        registry.add("supportchat.secrets.master-keys", () -> MASTER_KEYS);
    }
}
