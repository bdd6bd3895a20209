-- Console refresh tokens: opaque, stored as SHA-256, rotated on every use. A family is one login; a token used a
-- second time (stolen and replayed) revokes its whole family. Deactivating or demoting an operator revokes all.
CREATE TABLE refresh_tokens (
    id           UUID        PRIMARY KEY,
    family_id    UUID        NOT NULL,
    operator_id  UUID        NOT NULL,
    org_id       UUID        NOT NULL,
    token_hash   TEXT        NOT NULL UNIQUE,
    created_at   TIMESTAMPTZ NOT NULL,
    expires_at   TIMESTAMPTZ NOT NULL,
    replaced_at  TIMESTAMPTZ,
    revoked_at   TIMESTAMPTZ
);
CREATE INDEX refresh_tokens_operator ON refresh_tokens (operator_id) WHERE revoked_at IS NULL;
CREATE INDEX refresh_tokens_family ON refresh_tokens (family_id);
CREATE INDEX refresh_tokens_expiry ON refresh_tokens (expires_at);
