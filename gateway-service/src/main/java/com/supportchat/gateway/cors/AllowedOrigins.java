package com.supportchat.gateway.cors;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * An immutable snapshot of which origins each org allows. Origins are compared in their serialised
 * form ({@code scheme://host[:port]}), case-insensitively and without a trailing slash.
 */
public final class AllowedOrigins {

    public static final AllowedOrigins NONE = new AllowedOrigins(Map.of());

    private final Map<String, Set<String>> byOrg;

    private final Set<String> anyOrg;

    private AllowedOrigins(Map<String, Set<String>> byOrg) {
        this.byOrg = byOrg;
        Set<String> union = new HashSet<>();
        byOrg.values().forEach(union::addAll);
        this.anyOrg = Set.copyOf(union);
    }

    public static AllowedOrigins of(Collection<OrgOrigins> orgs) {
        Map<String, Set<String>> byOrg = new HashMap<>();
        for (OrgOrigins org : orgs) {
            if (org == null || org.orgId() == null || org.allowedOrigins() == null) {
                continue;
            }
            Set<String> origins = byOrg.computeIfAbsent(org.orgId(), id -> new HashSet<>());
            org.allowedOrigins().stream().filter(o -> o != null && !o.isBlank()).map(AllowedOrigins::normalise)
                    .forEach(origins::add);
        }
        Map<String, Set<String>> frozen = new HashMap<>();
        byOrg.forEach((org, origins) -> frozen.put(org, Set.copyOf(origins)));
        return new AllowedOrigins(Map.copyOf(frozen));
    }

    public boolean allowedByAnyOrg(String origin) {
        return anyOrg.contains(normalise(origin));
    }

    public boolean allowedByOrg(String orgId, String origin) {
        return orgId != null && byOrg.getOrDefault(orgId, Set.of()).contains(normalise(origin));
    }

    public int orgCount() {
        return byOrg.size();
    }

    static String normalise(String origin) {
        String trimmed = origin.trim().toLowerCase(Locale.ROOT);
        while (trimmed.endsWith("/")) {
            trimmed = trimmed.substring(0, trimmed.length() - 1);
        }
        return trimmed;
    }
}
