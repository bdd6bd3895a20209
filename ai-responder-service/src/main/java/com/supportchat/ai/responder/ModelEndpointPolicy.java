package com.supportchat.ai.responder;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketAddress;
import java.net.SocketException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import javax.net.SocketFactory;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Where an org's own model endpoint ({@code baseUrl} in its AI settings) may point: only at the public internet,
 * over HTTPS. An admin could otherwise aim the service's requests at its own network: the loopback interface, a
 * database, the cloud metadata service. The host is resolved and every address it resolves to is checked when the
 * settings are saved ({@link #refusal}), and every connection is checked again when it is made
 * ({@link #socketFactory}), since a name can resolve elsewhere later (DNS rebinding) and IP literals never pass
 * through DNS. Redirects are not followed (see {@link OpenAiResponder}).
 *
 * <p>A deployment may name private hosts that orgs may use, such as a self-hosted vLLM or Ollama server
 * ({@code supportchat.ai.openai.allowed-private-hosts}, empty by default); those may also be reached over plain
 * HTTP. The deployment's own endpoint ({@code OPENAI_BASE_URL}) is configuration, not tenant input, and is not
 * subject to this policy.
 */
@Component
public class ModelEndpointPolicy {

    /** Resolves a host name to its addresses; the system resolver in production. */
    @FunctionalInterface
    interface Resolver {
        InetAddress[] resolve(String host) throws UnknownHostException;
    }

    private final Set<String> allowedPrivateHosts;
    private final Resolver resolver;

    @Autowired
    ModelEndpointPolicy(ResponderProperties properties) {
        this(properties.openai().allowedPrivateHosts(), InetAddress::getAllByName);
    }

    ModelEndpointPolicy(List<String> allowedPrivateHosts, Resolver resolver) {
        this.allowedPrivateHosts = allowedPrivateHosts.stream()
            .map(String::strip)
            .filter(host -> !host.isEmpty())
            .map(ModelEndpointPolicy::normalizeHost)
            .collect(Collectors.toUnmodifiableSet());
        this.resolver = resolver;
    }

    /**
     * Why {@code baseUrl} may not be an org's model endpoint, or empty when it may. Resolves the host name, so it
     * blocks for the length of a DNS lookup: call it off the event loop.
     */
    public Optional<String> refusal(String baseUrl) {
        URI uri;
        try {
            uri = new URI(baseUrl);
        }
        catch (URISyntaxException ex) {
            return Optional.of("baseUrl is not a valid URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !scheme.equals("http")) {
            return Optional.of("baseUrl must be an https URL");
        }
        if (uri.getHost() == null || uri.getHost().isBlank()) {
            return Optional.of("baseUrl has no host");
        }
        if (uri.getRawUserInfo() != null) {
            return Optional.of("baseUrl must not carry credentials; use apiKey");
        }
        if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
            return Optional.of("baseUrl must not have a query or fragment");
        }
        String host = normalizeHost(uri.getHost());
        if (allowedPrivateHosts.contains(host)) {
            return Optional.empty();
        }
        if (!scheme.equals("https")) {
            return Optional.of("baseUrl must be an https URL (plain http only for the deployment's allowed private hosts)");
        }
        InetAddress[] addresses;
        try {
            InetAddress literal = PublicAddresses.literal(host);
            addresses = literal != null ? new InetAddress[] {literal} : resolver.resolve(host);
        }
        catch (UnknownHostException ex) {
            return Optional.of("baseUrl's host " + host + " does not resolve");
        }
        for (InetAddress address : addresses) {
            if (!PublicAddresses.isPublic(address)) {
                return Optional.of("baseUrl must point to a public address; " + host + " resolves to a private, "
                        + "loopback, link-local or otherwise internal address");
            }
        }
        return Optional.empty();
    }

    /** Sockets that refuse to connect to any address an org's endpoint may not reach. */
    SocketFactory socketFactory() {
        return new GuardedSocketFactory();
    }

    /** Whether a connection to {@code address} is allowed: a public address, or one of an allowed private host's. */
    boolean mayConnect(InetAddress address) {
        if (PublicAddresses.isPublic(address)) {
            return true;
        }
        if (allowedPrivateHosts.isEmpty()) {
            return false;
        }
        Set<InetAddress> allowed = new HashSet<>();
        for (String host : allowedPrivateHosts) {
            InetAddress literal = PublicAddresses.literal(host);
            if (literal != null) {
                allowed.add(literal);
                continue;
            }
            try {
                allowed.addAll(List.of(resolver.resolve(host)));
            }
            catch (UnknownHostException ex) {
                // an allowed host that does not resolve now allows nothing
            }
        }
        return allowed.contains(address);
    }

    private static String normalizeHost(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        if (h.startsWith("[") && h.endsWith("]")) {
            h = h.substring(1, h.length() - 1);
        }
        return h.endsWith(".") ? h.substring(0, h.length() - 1) : h;
    }

    /** The connection was refused because the endpoint's address is not one an org may reach. */
    static final class RefusedAddressException extends SocketException {

        RefusedAddressException(InetAddress address) {
            super("refused to connect to non-public address " + address.getHostAddress()
                    + " (an org's model endpoint must be on the public internet)");
        }
    }

    private final class GuardedSocketFactory extends SocketFactory {

        @Override
        public Socket createSocket() {
            return new GuardedSocket();
        }

        @Override
        public Socket createSocket(String host, int port) throws IOException {
            return connected(null, new InetSocketAddress(host, port));
        }

        @Override
        public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
            return connected(new InetSocketAddress(localHost, localPort), new InetSocketAddress(host, port));
        }

        @Override
        public Socket createSocket(InetAddress host, int port) throws IOException {
            return connected(null, new InetSocketAddress(host, port));
        }

        @Override
        public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort)
                throws IOException {
            return connected(new InetSocketAddress(localAddress, localPort), new InetSocketAddress(address, port));
        }

        private Socket connected(InetSocketAddress local, InetSocketAddress remote) throws IOException {
            Socket socket = new GuardedSocket();
            if (local != null) {
                socket.bind(local);
            }
            socket.connect(remote);
            return socket;
        }
    }

    private final class GuardedSocket extends Socket {

        @Override
        public void connect(SocketAddress endpoint, int timeout) throws IOException {
            if (endpoint instanceof InetSocketAddress inet) {
                InetAddress address = inet.getAddress();
                if (address == null || !mayConnect(address)) {
                    close();
                    throw address == null ? new UnknownHostException(inet.getHostString())
                            : new RefusedAddressException(address);
                }
            }
            super.connect(endpoint, timeout);
        }
    }
}
