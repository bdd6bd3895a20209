package com.supportchat.gateway.cors;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * An immutable snapshot of which origins each org allows. Origins are compared in their serialised
 * form ({@code scheme://host[:port]}), case-insensitively and without a trailing slash. An org has one
 * entry per widget token; a token with an empty list allows any origin (identity-service's rule for
 * {@code /widget/v1/session}), unless the gateway is configured to treat an empty list as "none".
 */
public final class AllowedOrigins {

    public static final AllowedOrigins NONE = new AllowedOrigins(Map.of(), Set.of());

    private final Map<String, Set<String>> byOrg;

    private final Set<String> anyOrg;

    /** Orgs with a widget token whose list is empty: any origin. */
    private final Set<String> openOrgs;

    private AllowedOrigins(Map<String, Set<String>> byOrg, Set<String> openOrgs) {
        this.byOrg = byOrg;
        this.openOrgs = openOrgs;
        Set<String> union = new HashSet<>();
        byOrg.values().forEach(union::addAll);
        this.anyOrg = Set.copyOf(union);
    }

    public static AllowedOrigins of(Collection<OrgOrigins> orgs) {
        return of(orgs, true);
    }

    public static AllowedOrigins of(Collection<OrgOrigins> orgs, boolean emptyListAllowsAnyOrigin) {
        Map<String, Set<String>> byOrg = new HashMap<>();
        Set<String> openOrgs = new HashSet<>();
        for (OrgOrigins org : orgs) {
            if (org == null || org.orgId() == null) {
                continue;
            }
            Set<String> origins = byOrg.computeIfAbsent(org.orgId(), id -> new HashSet<>());
            List<String> listed = org.allowedOrigins() == null ? List.of()
                    : org.allowedOrigins().stream().filter(o -> o != null && !o.isBlank()).toList();
            if (listed.isEmpty() && emptyListAllowsAnyOrigin) {
                openOrgs.add(org.orgId());
            }
            listed.stream().map(AllowedOrigins::normalise).forEach(origins::add);
        }
        Map<String, Set<String>> frozen = new HashMap<>();
        byOrg.forEach((org, origins) -> frozen.put(org, Set.copyOf(origins)));
        return new AllowedOrigins(Map.copyOf(frozen), Set.copyOf(openOrgs));
    }

    public boolean allowedByAnyOrg(String origin) {
        return !openOrgs.isEmpty() || anyOrg.contains(normalise(origin));
    }

    public boolean allowedByOrg(String orgId, String origin) {
        return orgId != null
                && (openOrgs.contains(orgId) || byOrg.getOrDefault(orgId, Set.of()).contains(normalise(origin)));
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
