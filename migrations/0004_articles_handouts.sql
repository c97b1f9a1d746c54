-- The coach's article library and the handouts she has given clients.

CREATE TABLE articles (
    id             INTEGER PRIMARY KEY AUTOINCREMENT,
    title          TEXT NOT NULL CHECK (length(title) BETWEEN 1 AND 300),
    series         TEXT NOT NULL DEFAULT '',
    tagline        TEXT NOT NULL DEFAULT '',
    call_to_action TEXT NOT NULL DEFAULT '',
    source         TEXT NOT NULL DEFAULT '',
    fingerprint    TEXT NOT NULL, -- of the words, to spot an article imported twice
    tags           TEXT NOT NULL DEFAULT '[]', -- JSON array
    search_key     TEXT NOT NULL DEFAULT '',
    created_at     TEXT NOT NULL,
    updated_at     TEXT NOT NULL
) STRICT;
CREATE INDEX articles_by_fingerprint ON articles (fingerprint);

CREATE TABLE article_sections (
    id         INTEGER PRIMARY KEY AUTOINCREMENT,
    article_id INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    position   INTEGER NOT NULL,
    heading    TEXT NOT NULL DEFAULT '',
    paragraphs TEXT NOT NULL -- JSON array of strings
) STRICT;
CREATE INDEX article_sections_by_article ON article_sections (article_id, position);

-- A handout given to a client keeps a snapshot of its resolved text, so exporting it again
-- gives the same handout even after the articles change.
CREATE TABLE handouts_given (
    id         INTEGER PRIMARY KEY AUTOINCREMENT,
    client_id  INTEGER NOT NULL REFERENCES clients (id) ON DELETE CASCADE,
    title      TEXT NOT NULL,
    file_name  TEXT NOT NULL,
    snapshot   TEXT NOT NULL, -- JSON of the resolved handout
    given_at   TEXT NOT NULL
) STRICT;
CREATE INDEX handouts_given_by_client ON handouts_given (client_id, given_at DESC);
