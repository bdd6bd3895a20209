package com.supportchat.gateway.edge;

import java.net.InetAddress;
import java.net.UnknownHostException;

/** An IP address or CIDR range ({@code 10.0.0.0/8}, {@code 2001:db8::/32}, {@code 192.0.2.7}), literals only. */
record AddressRange(byte[] network, int prefixBits) {

    static AddressRange parse(String text) {
        String value = text.trim();
        int slash = value.indexOf('/');
        String address = slash < 0 ? value : value.substring(0, slash);
        byte[] bytes = literal(address);
        if (bytes == null) {
            throw new IllegalArgumentException("not an IP address or CIDR range: " + text);
        }
        int bits = slash < 0 ? bytes.length * 8 : Integer.parseInt(value.substring(slash + 1));
        if (bits < 0 || bits > bytes.length * 8) {
            throw new IllegalArgumentException("prefix length out of range: " + text);
        }
        return new AddressRange(bytes, bits);
    }

    boolean contains(String address) {
        byte[] candidate = literal(address);
        if (candidate == null || candidate.length != network.length) {
            return false;
        }
        int whole = prefixBits / 8;
        for (int i = 0; i < whole; i++) {
            if (candidate[i] != network[i]) {
                return false;
            }
        }
        int rest = prefixBits % 8;
        if (rest == 0) {
            return true;
        }
        int mask = (0xFF << (8 - rest)) & 0xFF;
        return (candidate[whole] & mask) == (network[whole] & mask);
    }

    /** The address's bytes, or null when it is not an IP literal; never a DNS lookup. */
    static byte[] literal(String address) {
        if (!looksLikeIpLiteral(address)) {
            return null;
        }
        try {
            // with a literal (checked above) InetAddress parses and never resolves
            return InetAddress.getByName(address).getAddress();
        } catch (UnknownHostException e) {
            return null;
        }
    }

    static boolean looksLikeIpLiteral(String address) {
        if (address.isEmpty() || address.length() > 45) {
            return false;
        }
        boolean v6 = address.indexOf(':') >= 0;
        for (int i = 0; i < address.length(); i++) {
            char c = address.charAt(i);
            boolean digitOrDot = (c >= '0' && c <= '9') || c == '.';
            boolean hexOrColon = (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F') || c == ':';
            if (!(digitOrDot || (v6 && hexOrColon))) {
                return false;
            }
        }
        return v6 || address.chars().filter(c -> c == '.').count() == 3;
    }
}
