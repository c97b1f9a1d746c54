-- Tags, the client timeline, and the folded keys behind search-as-you-type and sorting.
ALTER TABLE clients ADD COLUMN sort_name TEXT NOT NULL DEFAULT '';
ALTER TABLE clients ADD COLUMN search_key TEXT NOT NULL DEFAULT '';
-- coachdesk_fold() is the Rust accent and case folding (core/src/text.rs), registered on every
-- connection. The keys are filled before the indexes exist, so the indexes are built once.
UPDATE clients SET sort_name = coachdesk_fold(name),
    search_key = coachdesk_fold(name || ' ' || preferred_name || ' ' || email || ' ');

CREATE TABLE client_tags (
    client_id INTEGER NOT NULL REFERENCES clients (id) ON DELETE CASCADE,
    position  INTEGER NOT NULL,
    tag       TEXT NOT NULL COLLATE NOCASE,
    PRIMARY KEY (client_id, tag)
) STRICT, WITHOUT ROWID;
CREATE INDEX client_tags_by_tag ON client_tags (tag);

CREATE TABLE timeline_events (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    client_id   INTEGER NOT NULL REFERENCES clients (id) ON DELETE CASCADE,
    kind        TEXT NOT NULL,
    summary     TEXT NOT NULL,
    occurred_at TEXT NOT NULL
) STRICT;
CREATE INDEX timeline_events_by_client ON timeline_events (client_id, occurred_at DESC, id DESC);

CREATE INDEX clients_current_by_name ON clients (sort_name, id) WHERE archived_at IS NULL;
CREATE INDEX clients_archived_by_name ON clients (sort_name, id) WHERE archived_at IS NOT NULL;
CREATE INDEX clients_current_by_updated ON clients (updated_at DESC, id DESC) WHERE archived_at IS NULL;
CREATE INDEX clients_current_by_status ON clients (status, sort_name, id) WHERE archived_at IS NULL;
