package com.supportchat.identity.internal;

import java.util.List;
import java.util.Optional;

import reactor.core.publisher.Mono;

import com.supportchat.identity.apikey.ApiKeys;
import com.supportchat.identity.apikey.CreatedApiKey;
import com.supportchat.identity.apikey.Scopes;
import com.supportchat.identity.operator.Operators;
import com.supportchat.identity.operator.Role;
import com.supportchat.identity.org.Org;
import com.supportchat.identity.org.Orgs;
import com.supportchat.identity.org.WidgetToken;
import com.supportchat.resourceserver.Problem;

import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;

/**
 * Creates an org with its widget token, first admin and a "demo" API key, idempotently by slug: running
 * it again answers the same org and widget token, keeps the admin, and replaces the demo key.
 */
@Service
class OrgBootstrap {

    static final String DEMO_KEY_NAME = "demo";

    private final Orgs orgs;
    private final Operators operators;
    private final ApiKeys apiKeys;
    private final TransactionalOperator tx;

    OrgBootstrap(Orgs orgs, Operators operators, ApiKeys apiKeys, TransactionalOperator tx) {
        this.orgs = orgs;
        this.operators = operators;
        this.apiKeys = apiKeys;
        this.tx = tx;
    }

    Mono<Bootstrapped> bootstrap(String name, String slug, List<String> allowedOrigins, String adminEmail,
            String adminPassword, String adminName) {
        return tx.transactional(orgs.upsertBySlug(name, slug, allowedOrigins)
            .flatMap(org -> ensureAdmin(org, adminEmail, adminPassword, adminName)
                .then(orgs.widgetTokenOf(org))
                .flatMap(widget -> apiKeys.revokeNamed(org.id(), DEMO_KEY_NAME)
                    .then(apiKeys.create(org.id(), DEMO_KEY_NAME, List.of(Scopes.WIDGET_AUTHENTICATE_USER)))
                    .map(key -> new Bootstrapped(org, widget, key, adminEmail.trim())))));
    }

    private Mono<Void> ensureAdmin(Org org, String email, String password, String name) {
        return operators.findByEmail(email)
            .map(existing -> Optional.of(existing))
            .defaultIfEmpty(Optional.empty())
            .flatMap(existing -> {
                if (existing.isEmpty()) {
                    return operators.create(org.id(), email, password, name, Role.ADMIN).then();
                }
                return existing.get().orgId().equals(org.id()) ? Mono.<Void>empty()
                        : Mono.<Void>error(Problem.conflict("The admin email belongs to another org"));
            });
    }

    record Bootstrapped(Org org, WidgetToken widgetToken, CreatedApiKey apiKey, String operatorEmail) {

        @Override
        public String toString() {
            return "Bootstrapped[org=" + org.id() + "]";
        }
    }
}
