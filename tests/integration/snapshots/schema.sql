-- schema version 2
-- index client_tags_by_tag
CREATE INDEX client_tags_by_tag ON client_tags (tag);
-- index clients_archived_by_name
CREATE INDEX clients_archived_by_name ON clients (sort_name, id) WHERE archived_at IS NOT NULL;
-- index clients_current_by_name
CREATE INDEX clients_current_by_name ON clients (sort_name, id) WHERE archived_at IS NULL;
-- index clients_current_by_status
CREATE INDEX clients_current_by_status ON clients (status, sort_name, id) WHERE archived_at IS NULL;
-- index clients_current_by_updated
CREATE INDEX clients_current_by_updated ON clients (updated_at DESC, id DESC) WHERE archived_at IS NULL;
-- index timeline_events_by_client
CREATE INDEX timeline_events_by_client ON timeline_events (client_id, occurred_at DESC, id DESC);
-- table client_tags
CREATE TABLE client_tags (
    client_id INTEGER NOT NULL REFERENCES clients (id) ON DELETE CASCADE,
    position  INTEGER NOT NULL,
    tag       TEXT NOT NULL COLLATE NOCASE,
    PRIMARY KEY (client_id, tag)
) STRICT, WITHOUT ROWID;
-- table clients
CREATE TABLE clients (
    id               INTEGER PRIMARY KEY AUTOINCREMENT,
    name             TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    preferred_name   TEXT NOT NULL DEFAULT '',
    email            TEXT NOT NULL DEFAULT '',
    phone            TEXT NOT NULL DEFAULT '',
    birth_date       TEXT,
    status           TEXT NOT NULL DEFAULT 'lead'
                     CHECK (status IN ('lead', 'consult_booked', 'active', 'paused', 'alumni', 'not_a_fit')),
    ms_type          TEXT NOT NULL DEFAULT 'unknown'
                     CHECK (ms_type IN ('unknown', 'rrms', 'spms', 'ppms', 'cis')),
    diagnosis_year   INTEGER,
    medications      TEXT NOT NULL DEFAULT '',
    last_relapse     TEXT,
    other_conditions TEXT NOT NULL DEFAULT '',
    allergies        TEXT NOT NULL DEFAULT '',
    diet_approach    TEXT NOT NULL DEFAULT '',
    supplements      TEXT NOT NULL DEFAULT '',
    goals            TEXT NOT NULL DEFAULT '',
    referral_source  TEXT NOT NULL DEFAULT '',
    notes            TEXT NOT NULL DEFAULT '',
    archived_at      TEXT,
    created_at       TEXT NOT NULL,
    updated_at       TEXT NOT NULL
, sort_name TEXT NOT NULL DEFAULT '', search_key TEXT NOT NULL DEFAULT '') STRICT;
-- table practice
CREATE TABLE practice (
    id            INTEGER PRIMARY KEY CHECK (id = 1),
    practice_name TEXT NOT NULL,
    coach_name    TEXT NOT NULL,
    credentials   TEXT NOT NULL DEFAULT '',
    tagline       TEXT NOT NULL DEFAULT '',
    email         TEXT NOT NULL DEFAULT '',
    phone         TEXT NOT NULL DEFAULT '',
    website       TEXT NOT NULL DEFAULT '',
    booking_url   TEXT NOT NULL DEFAULT '',
    brand_color   TEXT NOT NULL DEFAULT '#2F6F62',
    paper_size    TEXT NOT NULL DEFAULT 'letter' CHECK (paper_size IN ('letter', 'a4')),
    disclaimer    TEXT NOT NULL DEFAULT '',
    logo_file     TEXT,
    created_at    TEXT NOT NULL,
    updated_at    TEXT NOT NULL
) STRICT;
-- table timeline_events
CREATE TABLE timeline_events (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    client_id   INTEGER NOT NULL REFERENCES clients (id) ON DELETE CASCADE,
    kind        TEXT NOT NULL,
    summary     TEXT NOT NULL,
    occurred_at TEXT NOT NULL
) STRICT;
