package com.supportchat.ai.responder;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * Which IP addresses are on the public internet. Everything an org could use to reach into the deployment's own
 * network is not: loopback, unspecified, private (RFC 1918), carrier-grade NAT (RFC 6598, where some clouds put
 * their metadata service), link-local (169.254.0.0/16 holds the cloud metadata address), unique-local IPv6
 * (fc00::/7, e.g. AWS's fd00:ec2::254), multicast, broadcast, reserved, documentation and benchmarking ranges.
 * IPv6 forms that carry an IPv4 address (mapped, compatible, NAT64, 6to4, Teredo) are judged by that address.
 */
final class PublicAddresses {

    private PublicAddresses() {
    }

    static boolean isPublic(InetAddress address) {
        if (address instanceof Inet4Address v4) {
            return isPublicV4(v4.getAddress());
        }
        if (address instanceof Inet6Address v6) {
            return isPublicV6(v6.getAddress());
        }
        return false;
    }

    private static boolean isPublicV4(byte[] a) {
        int b0 = a[0] & 0xff;
        int b1 = a[1] & 0xff;
        int b2 = a[2] & 0xff;
        return !(b0 == 0                                   // 0.0.0.0/8 "this network"
                || b0 == 10                                // 10.0.0.0/8
                || b0 == 127                               // loopback
                || (b0 == 100 && (b1 & 0xc0) == 64)        // 100.64.0.0/10 carrier-grade NAT
                || (b0 == 169 && b1 == 254)                // link-local, cloud metadata
                || (b0 == 172 && (b1 & 0xf0) == 16)        // 172.16.0.0/12
                || (b0 == 192 && b1 == 0 && b2 == 0)       // 192.0.0.0/24 IETF protocol assignments
                || (b0 == 192 && b1 == 0 && b2 == 2)       // TEST-NET-1
                || (b0 == 192 && b1 == 88 && b2 == 99)     // 6to4 relay anycast
                || (b0 == 192 && b1 == 168)                // 192.168.0.0/16
                || (b0 == 198 && (b1 & 0xfe) == 18)        // 198.18.0.0/15 benchmarking
                || (b0 == 198 && b1 == 51 && b2 == 100)    // TEST-NET-2
                || (b0 == 203 && b1 == 0 && b2 == 113)     // TEST-NET-3
                || b0 >= 224);                             // multicast, reserved, broadcast
    }

    private static boolean isPublicV6(byte[] a) {
        if (embedsV4At12(a)) {
            return isPublicV4(new byte[] {a[12], a[13], a[14], a[15]});
        }
        if ((a[0] & 0xff) == 0x20 && (a[1] & 0xff) == 0x02) {       // 2002::/16 6to4: bits 16-47 are the IPv4
            return isPublicV4(new byte[] {a[2], a[3], a[4], a[5]});
        }
        if ((a[0] & 0xff) == 0x20 && (a[1] & 0xff) == 0x01 && a[2] == 0 && a[3] == 0) { // 2001::/32 Teredo
            return isPublicV4(new byte[] {(byte) ~a[12], (byte) ~a[13], (byte) ~a[14], (byte) ~a[15]});
        }
        int first = a[0] & 0xff;
        if ((first == 0 && a[1] == 0x64 && a[2] == (byte) 0xff && a[3] == (byte) 0x9b) // other NAT64, 64:ff9b:1::/48
                || (first & 0xfe) == 0xfc          // fc00::/7 unique-local
                || first == 0xff            // multicast
                || (first == 0xfe && (a[1] & 0xc0) == 0x80)     // fe80::/10 link-local
                || (first == 0xfe && (a[1] & 0xc0) == 0xc0)     // fec0::/10 site-local (deprecated)
                || (first == 0x20 && (a[1] & 0xff) == 0x01 && (a[2] & 0xff) == 0x0d && (a[3] & 0xff) == 0xb8)) { // doc
            return false;
        }
        boolean allZeroButLast = true;
        for (int i = 0; i < 15; i++) {
            allZeroButLast &= a[i] == 0;
        }
        if (allZeroButLast && (a[15] == 0 || a[15] == 1)) {          // :: and ::1
            return false;
        }
        return (first & 0xe0) == 0x20;                               // 2000::/3 is the global unicast space
    }

    /** ::ffff:a.b.c.d (mapped), ::a.b.c.d (compatible) and 64:ff9b::a.b.c.d (well-known NAT64 prefix). */
    private static boolean embedsV4At12(byte[] a) {
        boolean zeroTo10 = true;
        for (int i = 0; i < 10; i++) {
            zeroTo10 &= a[i] == 0;
        }
        if (zeroTo10 && ((a[10] == (byte) 0xff && a[11] == (byte) 0xff) || (a[10] == 0 && a[11] == 0
                && !(a[12] == 0 && a[13] == 0 && a[14] == 0)))) {
            return true;
        }
        boolean nat64 = a[0] == 0 && a[1] == 0x64 && a[2] == (byte) 0xff && a[3] == (byte) 0x9b;
        for (int i = 4; i < 12 && nat64; i++) {
            nat64 = a[i] == 0;
        }
        return nat64;
    }

    /** Parses an IP literal without any DNS lookup; empty when {@code host} is a name. */
    static InetAddress literal(String host) {
        String h = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        boolean v4 = h.matches("\\d{1,3}(?:\\.\\d{1,3}){3}");
        boolean v6 = h.contains(":") && h.matches("[0-9a-fA-F:.%\\w]+");
        if (!v4 && !v6) {
            return null;
        }
        try {
            return InetAddress.getByName(h);
        }
        catch (UnknownHostException ex) {
            return null;
        }
    }
}
