-- The sentence embeddings of every passage (chunk) of every article, and of each of its sentences, computed when the article changes, so that
-- no instance recomputes them at start. content_hash identifies the passage text the vector was made from and
-- model the embedding model; a mismatch (the chunker or the model changed) means the vectors are recomputed.
CREATE TABLE article_chunk (
    article_id    UUID        NOT NULL REFERENCES article (id) ON DELETE CASCADE,
    ordinal       INT         NOT NULL,
    org_id        TEXT        NOT NULL,
    model         TEXT        NOT NULL,
    content_hash  TEXT        NOT NULL,
    embedding     BYTEA       NOT NULL,  -- float32 little-endian, L2-normalised
    sentences     BYTEA       NOT NULL,  -- the passage's sentences' embeddings, one after the other, same format
    PRIMARY KEY (article_id, ordinal)
);
