-- Failed console logins per email (whether or not an operator has it, so the answer never tells), for the
-- back-off: after a few failures within the window each further attempt waits longer.
CREATE TABLE login_failures (
    email            TEXT        PRIMARY KEY,
    failures         INTEGER     NOT NULL,
    first_failure_at TIMESTAMPTZ NOT NULL,
    locked_until     TIMESTAMPTZ
);

-- New widget sessions (new visitors) per org: a token bucket, so that one client cannot create visitors
-- without bound for an org.
CREATE TABLE org_session_budget (
    org_id      UUID             PRIMARY KEY,
    tokens      DOUBLE PRECISION NOT NULL,
    refilled_at TIMESTAMPTZ      NOT NULL
);
