CREATE TABLE applied_thing (
    id          BIGSERIAL PRIMARY KEY,
    thing_key   TEXT NOT NULL,
    number      INT  NOT NULL
);
