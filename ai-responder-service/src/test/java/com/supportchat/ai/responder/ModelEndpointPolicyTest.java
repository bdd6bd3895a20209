package com.supportchat.ai.responder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** An org's model endpoint may only reach the public internet, at save time and at every connection. */
class ModelEndpointPolicyTest {

    /** A fixed DNS: what each name resolves to in these tests. */
    private static final Map<String, List<String>> DNS = Map.of(
            "api.example.com", List.of("93.184.215.14"),
            "localhost", List.of("127.0.0.1", "::1"),
            "rebind.example.com", List.of("93.184.215.14", "10.0.0.7"),
            "metadata.example.com", List.of("169.254.169.254"),
            "ollama.internal", List.of("10.1.2.3"));

    private static InetAddress[] resolve(String host) throws UnknownHostException {
        List<String> addresses = DNS.get(host);
        if (addresses == null) {
            throw new UnknownHostException(host);
        }
        InetAddress[] result = new InetAddress[addresses.size()];
        for (int i = 0; i < result.length; i++) {
            result[i] = InetAddress.getByName(addresses.get(i));
        }
        return result;
    }

    private final ModelEndpointPolicy policy = new ModelEndpointPolicy(List.of(), ModelEndpointPolicyTest::resolve);

    @ParameterizedTest
    @ValueSource(strings = {
        "https://127.0.0.1:9999/v1", "http://127.0.0.1:9999/v1", "https://127.1.2.3/v1", "https://localhost/v1",
        "https://169.254.169.254/v1", "https://metadata.example.com/v1", "https://10.0.0.1/v1", "https://172.16.5.4/v1",
        "https://172.31.255.255/v1", "https://192.168.1.1/v1", "https://100.100.100.200/v1", "https://0.0.0.0/v1",
        "https://224.0.0.1/v1", "https://255.255.255.255/v1", "https://[::1]/v1", "https://[::]/v1",
        "https://[fd00:ec2::254]/v1", "https://[fe80::1]/v1", "https://[ff02::1]/v1", "https://[::ffff:127.0.0.1]/v1",
        "https://[::ffff:169.254.169.254]/v1", "https://[64:ff9b::a00:1]/v1", "https://[2002:7f00:1::]/v1",
        "https://rebind.example.com/v1"})
    void internalAddressesAreRefusedAtSaveTime(String baseUrl) {
        assertThat(policy.refusal(baseUrl)).as(baseUrl).isPresent();
    }

    @Test
    void aPublicHttpsEndpointIsAllowed() {
        assertThat(policy.refusal("https://api.example.com/v1")).isEmpty();
        assertThat(policy.refusal("https://93.184.215.14:8443/openai/v1")).isEmpty();
        assertThat(policy.refusal("https://[2606:4700:4700::1111]/v1")).isEmpty();
    }

    @Test
    void malformedOrCredentialCarryingUrlsAreRefusedWithTheReason() {
        assertThat(policy.refusal("http://api.example.com/v1")).hasValueSatisfying(r -> assertThat(r).contains("https"));
        assertThat(policy.refusal("ftp://api.example.com/v1")).isPresent();
        assertThat(policy.refusal("file:///etc/passwd")).isPresent();
        assertThat(policy.refusal("https://user:pw@api.example.com/v1")).hasValueSatisfying(
                r -> assertThat(r).contains("credentials"));
        assertThat(policy.refusal("https://api.example.com/v1?x=1")).isPresent();
        assertThat(policy.refusal("https://nowhere.example.com/v1")).hasValueSatisfying(
                r -> assertThat(r).contains("does not resolve"));
    }

    @Test
    void theDeploymentMayAllowNamedPrivateHostsOverPlainHttp() {
        ModelEndpointPolicy allowing = new ModelEndpointPolicy(List.of("ollama.internal", " 10.9.9.9 "),
                ModelEndpointPolicyTest::resolve);

        assertThat(allowing.refusal("http://ollama.internal:11434/v1")).isEmpty();
        assertThat(allowing.refusal("http://10.9.9.9:8000/v1")).isEmpty();
        assertThat(allowing.refusal("https://localhost/v1")).isPresent();
        assertThat(allowing.mayConnect(address("10.1.2.3"))).isTrue();
        assertThat(allowing.mayConnect(address("10.9.9.9"))).isTrue();
        assertThat(allowing.mayConnect(address("10.1.2.4"))).isFalse();
        assertThat(allowing.mayConnect(address("127.0.0.1"))).isFalse();
    }

    @Test
    void everyConnectionIsCheckedAgainWhateverTheNameResolvedToBefore() throws IOException {
        assertThat(policy.mayConnect(address("93.184.215.14"))).isTrue();
        assertThat(policy.mayConnect(address("127.0.0.1"))).isFalse();
        assertThat(policy.mayConnect(address("169.254.169.254"))).isFalse();

        try (Socket socket = policy.socketFactory().createSocket()) {
            assertThatThrownBy(() -> socket.connect(new InetSocketAddress(address("127.0.0.1"), 9), 1000))
                .isInstanceOf(ModelEndpointPolicy.RefusedAddressException.class)
                .hasMessageContaining("127.0.0.1");
            assertThat(socket.isConnected()).isFalse();
        }
        assertThatThrownBy(() -> policy.socketFactory().createSocket("localhost", 9))
            .isInstanceOf(ModelEndpointPolicy.RefusedAddressException.class);
    }

    private static InetAddress address(String literal) {
        try {
            return InetAddress.getByName(literal);
        }
        catch (UnknownHostException ex) {
            throw new IllegalArgumentException(ex);
        }
    }
}
