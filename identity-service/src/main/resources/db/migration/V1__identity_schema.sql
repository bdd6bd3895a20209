-- identity-service: tenants and everyone who can talk to the platform. Every row carries org_id, and
-- every query filters by the caller's org; secrets are stored only as hashes.

CREATE TABLE orgs (
    id               UUID        PRIMARY KEY,
    name             TEXT        NOT NULL,
    slug             TEXT        NOT NULL UNIQUE,
    allowed_origins  TEXT[]      NOT NULL DEFAULT '{}',
    operator_label   TEXT,
    created_at       TIMESTAMPTZ NOT NULL DEFAULT now()
);

-- Public widget tokens (embedded in the customer's page, so not secret), each with its allowed origins.
CREATE TABLE widget_tokens (
    token            TEXT        PRIMARY KEY,
    org_id           UUID        NOT NULL REFERENCES orgs (id),
    allowed_origins  TEXT[]      NOT NULL DEFAULT '{}',
    created_at       TIMESTAMPTZ NOT NULL DEFAULT now(),
    revoked_at       TIMESTAMPTZ
);
CREATE INDEX widget_tokens_org ON widget_tokens (org_id);

-- Server-to-server keys of the customer's backend: SHA-256 of the secret and a short display prefix only.
CREATE TABLE api_keys (
    id           UUID        PRIMARY KEY,
    org_id       UUID        NOT NULL REFERENCES orgs (id),
    name         TEXT        NOT NULL,
    prefix       TEXT        NOT NULL,
    secret_hash  TEXT        NOT NULL UNIQUE,
    scopes       TEXT[]      NOT NULL DEFAULT '{}',
    created_at   TIMESTAMPTZ NOT NULL DEFAULT now(),
    revoked_at   TIMESTAMPTZ
);
CREATE INDEX api_keys_org ON api_keys (org_id, created_at);

-- Operators log in with email and password; emails are globally unique so login needs no org.
CREATE TABLE operators (
    id             UUID        PRIMARY KEY,
    org_id         UUID        NOT NULL REFERENCES orgs (id),
    email          TEXT        NOT NULL,
    name           TEXT        NOT NULL,
    role           TEXT        NOT NULL CHECK (role IN ('admin', 'agent')),
    password_hash  TEXT        NOT NULL,
    active         BOOLEAN     NOT NULL DEFAULT TRUE,
    created_at     TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at     TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX operators_email ON operators (lower(email));
CREATE INDEX operators_org ON operators (org_id, created_at);

-- Verified identities, issued by the customer's backend through authenticate-user.
CREATE TABLE contacts (
    id            UUID        PRIMARY KEY,
    org_id        UUID        NOT NULL REFERENCES orgs (id),
    user_id       TEXT        NOT NULL,
    email         TEXT,
    name          TEXT,
    trusted_data  JSONB       NOT NULL DEFAULT '{}',
    created_at    TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at    TIMESTAMPTZ NOT NULL DEFAULT now(),
    UNIQUE (org_id, user_id)
);

-- Browsers: the opaque visitor token is stored only as its SHA-256 hash.
CREATE TABLE visitors (
    id              UUID        PRIMARY KEY,
    org_id          UUID        NOT NULL REFERENCES orgs (id),
    token_hash      TEXT        NOT NULL UNIQUE,
    contact_id      UUID        REFERENCES contacts (id),
    name            TEXT,
    email           TEXT,
    untrusted_data  JSONB       NOT NULL DEFAULT '{}',
    metadata        JSONB       NOT NULL DEFAULT '{}',
    created_at      TIMESTAMPTZ NOT NULL DEFAULT now(),
    last_seen_at    TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX visitors_org ON visitors (org_id);

-- RS256 signing keys shared by every instance. One active key signs; every key not yet retired is
-- published in the JWKS so tokens signed before a rotation keep validating until they expire.
CREATE TABLE signing_keys (
    kid          TEXT        PRIMARY KEY,
    algorithm    TEXT        NOT NULL DEFAULT 'RS256',
    private_key  TEXT        NOT NULL,
    public_key   TEXT        NOT NULL,
    created_at   TIMESTAMPTZ NOT NULL DEFAULT now(),
    active       BOOLEAN     NOT NULL DEFAULT FALSE,
    retired_at   TIMESTAMPTZ
);
CREATE UNIQUE INDEX signing_keys_one_active ON signing_keys (active) WHERE active;
