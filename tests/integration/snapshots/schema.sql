-- schema version 14
-- index article_sections_by_article
CREATE INDEX article_sections_by_article ON article_sections (article_id, position);
-- index articles_by_fingerprint
CREATE INDEX articles_by_fingerprint ON articles (fingerprint);
-- index client_protocol_events_by_protocol
CREATE INDEX client_protocol_events_by_protocol ON client_protocol_events (protocol_id, on_date);
-- index client_protocols_by_client
CREATE INDEX client_protocols_by_client ON client_protocols (client_id, start_date);
-- index client_tags_by_tag
CREATE INDEX client_tags_by_tag ON client_tags (tag);
-- index clients_archived_by_name
CREATE INDEX clients_archived_by_name ON clients (sort_name, id) WHERE archived_at IS NOT NULL;
-- index clients_by_search_rowid
CREATE INDEX clients_by_search_rowid ON clients (2 * id);
-- index clients_current_by_name
CREATE INDEX clients_current_by_name ON clients (sort_name, id, search_key)
    WHERE archived_at IS NULL;
-- index clients_current_by_status
CREATE INDEX clients_current_by_status ON clients (status, sort_name, id) WHERE archived_at IS NULL;
-- index clients_current_by_status_created
CREATE INDEX clients_current_by_status_created ON clients (status, created_at DESC,
    name, preferred_name, email, archived_at, updated_at)
    WHERE archived_at IS NULL;
-- index clients_current_by_status_key
CREATE INDEX clients_current_by_status_key ON clients (status, search_key)
    WHERE archived_at IS NULL;
-- index clients_current_by_status_last_seen
CREATE INDEX clients_current_by_status_last_seen ON clients (status, last_seen_at, sort_name,
    name, preferred_name, email, archived_at, updated_at)
    WHERE archived_at IS NULL;
-- index clients_current_by_updated
CREATE INDEX clients_current_by_updated ON clients (updated_at DESC, id DESC) WHERE archived_at IS NULL;
-- index consults_by_client
CREATE INDEX consults_by_client ON consults (client_id, scheduled_at DESC);
-- index consults_by_search_rowid
CREATE INDEX consults_by_search_rowid ON consults (2 * id + 1);
-- index consults_completed_by_client
CREATE INDEX consults_completed_by_client ON consults (client_id, scheduled_at)
    WHERE status = 'completed';
-- index consults_not_cancelled_by_time
CREATE INDEX consults_not_cancelled_by_time
    ON consults (scheduled_at, client_id, kind, duration_minutes, status)
    WHERE status != 'cancelled';
-- index consults_scheduled_by_client
CREATE INDEX consults_scheduled_by_client ON consults (client_id, scheduled_at)
    WHERE status = 'scheduled';
-- index follow_ups_by_client
CREATE INDEX follow_ups_by_client ON follow_ups (client_id);
-- index follow_ups_open_by_due
CREATE INDEX follow_ups_open_by_due ON follow_ups (due_date) WHERE done_at IS NULL;
-- index handouts_given_by_client
CREATE INDEX handouts_given_by_client ON handouts_given (client_id, given_at DESC);
-- index labs_by_client
CREATE INDEX labs_by_client ON labs (client_id, taken_on);
-- index note_revisions_by_consult
CREATE INDEX note_revisions_by_consult ON note_revisions (consult_id, id DESC);
-- index reintro_log_by_client
CREATE INDEX reintro_log_by_client ON reintro_log (client_id, on_date);
-- index timeline_events_by_client
CREATE INDEX timeline_events_by_client ON timeline_events (client_id, occurred_at DESC, id DESC);
-- table article_index
CREATE VIRTUAL TABLE article_index USING fts5 (
    title, body, tokenize = 'unicode61 remove_diacritics 2'
);
-- table article_index_config
CREATE TABLE 'article_index_config'(k PRIMARY KEY, v) WITHOUT ROWID;
-- table article_index_content
CREATE TABLE 'article_index_content'(id INTEGER PRIMARY KEY, c0, c1);
-- table article_index_data
CREATE TABLE 'article_index_data'(id INTEGER PRIMARY KEY, block BLOB);
-- table article_index_docsize
CREATE TABLE 'article_index_docsize'(id INTEGER PRIMARY KEY, sz BLOB);
-- table article_index_idx
CREATE TABLE 'article_index_idx'(segid, term, pgno, PRIMARY KEY(segid, term)) WITHOUT ROWID;
-- table article_sections
CREATE TABLE article_sections (
    id         INTEGER PRIMARY KEY AUTOINCREMENT,
    article_id INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    position   INTEGER NOT NULL,
    heading    TEXT NOT NULL DEFAULT '',
    paragraphs TEXT NOT NULL -- JSON array of strings
) STRICT;
-- table articles
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
, published TEXT NOT NULL DEFAULT ''
    CHECK (published = '' OR published GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]')) STRICT;
-- table checkin_ratings
CREATE TABLE checkin_ratings (
    checkin_id INTEGER NOT NULL REFERENCES checkins (id) ON DELETE CASCADE,
    symptom_id INTEGER NOT NULL REFERENCES symptoms (id),
    value      INTEGER NOT NULL CHECK (value BETWEEN 0 AND 10),
    PRIMARY KEY (checkin_id, symptom_id)
) STRICT, WITHOUT ROWID;
-- table checkins
CREATE TABLE checkins (
    id         INTEGER PRIMARY KEY,
    client_id  INTEGER NOT NULL REFERENCES clients (id) ON DELETE CASCADE,
    on_date    TEXT NOT NULL,
    notes      TEXT NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    UNIQUE (client_id, on_date)
) STRICT;
-- table client_foods
CREATE TABLE client_foods (
    client_id  INTEGER NOT NULL REFERENCES clients (id) ON DELETE CASCADE,
    food_id    INTEGER NOT NULL REFERENCES reintro_foods (id) ON DELETE CASCADE,
    status     TEXT NOT NULL CHECK (status IN ('untested', 'testing', 'tolerated', 'reacted', 'retest_later')),
    -- A reaction is unresolved until the coach records that it settled.
    settled_on TEXT,
    updated_at TEXT NOT NULL,
    PRIMARY KEY (client_id, food_id)
) STRICT, WITHOUT ROWID;
-- table client_keys
CREATE VIRTUAL TABLE client_keys USING fts5 (
    search_key, content = 'clients', content_rowid = 'id', tokenize = 'trigram'
);
-- table client_keys_config
CREATE TABLE 'client_keys_config'(k PRIMARY KEY, v) WITHOUT ROWID;
-- table client_keys_data
CREATE TABLE 'client_keys_data'(id INTEGER PRIMARY KEY, block BLOB);
-- table client_keys_docsize
CREATE TABLE 'client_keys_docsize'(id INTEGER PRIMARY KEY, sz BLOB);
-- table client_keys_idx
CREATE TABLE 'client_keys_idx'(segid, term, pgno, PRIMARY KEY(segid, term)) WITHOUT ROWID;
-- table client_protocol_events
CREATE TABLE client_protocol_events (
    id          INTEGER PRIMARY KEY,
    protocol_id INTEGER NOT NULL REFERENCES client_protocols (id) ON DELETE CASCADE,
    kind        TEXT NOT NULL CHECK (kind IN ('phase', 'paused', 'resumed', 'completed')),
    phase       INTEGER NOT NULL,
    on_date     TEXT NOT NULL,
    created_at  TEXT NOT NULL
) STRICT;
-- table client_protocols
CREATE TABLE client_protocols (
    id               INTEGER PRIMARY KEY,
    client_id        INTEGER NOT NULL REFERENCES clients (id) ON DELETE CASCADE,
    template_id      INTEGER REFERENCES protocol_templates (id) ON DELETE SET NULL,
    template_version INTEGER,
    name             TEXT NOT NULL,
    summary          TEXT NOT NULL,
    phases           TEXT NOT NULL CHECK (json_valid(phases)),
    start_date       TEXT NOT NULL,
    current_phase    INTEGER NOT NULL DEFAULT 0,
    status           TEXT NOT NULL CHECK (status IN ('active', 'paused', 'completed')),
    created_at       TEXT NOT NULL,
    updated_at       TEXT NOT NULL
) STRICT;
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
, sort_name TEXT NOT NULL DEFAULT '', search_key TEXT NOT NULL DEFAULT '', hide_tracking INTEGER NOT NULL DEFAULT 0, last_seen_at TEXT) STRICT;
-- table consults
CREATE TABLE consults (
    id               INTEGER PRIMARY KEY AUTOINCREMENT,
    client_id        INTEGER NOT NULL REFERENCES clients (id) ON DELETE CASCADE,
    kind             TEXT NOT NULL
                     CHECK (kind IN ('free_consult', 'initial_session', 'follow_up', 'check_in')),
    scheduled_at     TEXT NOT NULL, -- UTC RFC 3339
    duration_minutes INTEGER NOT NULL CHECK (duration_minutes BETWEEN 5 AND 480),
    status           TEXT NOT NULL DEFAULT 'scheduled'
                     CHECK (status IN ('scheduled', 'completed', 'no_show', 'cancelled')),
    template_name    TEXT NOT NULL,
    sections         TEXT NOT NULL, -- JSON array of {heading, body}: a copy, never the template
    notes_updated_at TEXT,
    created_at       TEXT NOT NULL,
    updated_at       TEXT NOT NULL
) STRICT;
-- table follow_ups
CREATE TABLE follow_ups (
    id         INTEGER PRIMARY KEY AUTOINCREMENT,
    client_id  INTEGER NOT NULL REFERENCES clients (id) ON DELETE CASCADE,
    title      TEXT NOT NULL,
    due_date   TEXT,
    done_at    TEXT,
    created_at TEXT NOT NULL
) STRICT;
-- table handouts_given
CREATE TABLE handouts_given (
    id         INTEGER PRIMARY KEY AUTOINCREMENT,
    client_id  INTEGER NOT NULL REFERENCES clients (id) ON DELETE CASCADE,
    title      TEXT NOT NULL,
    file_name  TEXT NOT NULL,
    snapshot   TEXT NOT NULL, -- JSON of the resolved handout
    given_at   TEXT NOT NULL
) STRICT;
-- table lab_files
CREATE TABLE lab_files (
    id            INTEGER PRIMARY KEY,
    lab_id        INTEGER NOT NULL REFERENCES labs (id) ON DELETE CASCADE,
    original_name TEXT NOT NULL,
    stored_name   TEXT NOT NULL UNIQUE,
    size_bytes    INTEGER NOT NULL,
    added_at      TEXT NOT NULL
, content BLOB) STRICT;
-- table labs
CREATE TABLE labs (
    id         INTEGER PRIMARY KEY,
    client_id  INTEGER NOT NULL REFERENCES clients (id) ON DELETE CASCADE,
    name       TEXT NOT NULL,
    taken_on   TEXT NOT NULL,
    summary    TEXT NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
) STRICT;
-- table note_revisions
CREATE TABLE note_revisions (
    id         INTEGER PRIMARY KEY AUTOINCREMENT,
    consult_id INTEGER NOT NULL REFERENCES consults (id) ON DELETE CASCADE,
    sections   TEXT NOT NULL,
    started_at TEXT NOT NULL,
    saved_at   TEXT NOT NULL,
    sealed     INTEGER NOT NULL DEFAULT 0
) STRICT;
-- table note_templates
CREATE TABLE note_templates (
    key        TEXT PRIMARY KEY CHECK (key IN ('discovery', 'coaching')),
    name       TEXT NOT NULL,
    headings   TEXT NOT NULL, -- JSON array of strings
    updated_at TEXT NOT NULL
) STRICT;
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
, typographic_quotes INTEGER NOT NULL DEFAULT 1
    CHECK (typographic_quotes IN (0, 1)), logo BLOB, backup_copy_folder TEXT NOT NULL DEFAULT '') STRICT;
-- table protocol_template_versions
CREATE TABLE protocol_template_versions (
    id          INTEGER PRIMARY KEY,
    template_id INTEGER NOT NULL REFERENCES protocol_templates (id) ON DELETE CASCADE,
    version     INTEGER NOT NULL,
    name        TEXT NOT NULL,
    summary     TEXT NOT NULL,
    phases      TEXT NOT NULL CHECK (json_valid(phases)),
    created_at  TEXT NOT NULL,
    UNIQUE (template_id, version)
) STRICT;
-- table protocol_templates
CREATE TABLE protocol_templates (
    id          INTEGER PRIMARY KEY,
    created_at  TEXT NOT NULL,
    archived_at TEXT
) STRICT;
-- table reintro_foods
CREATE TABLE reintro_foods (
    id         INTEGER PRIMARY KEY,
    name       TEXT NOT NULL,
    name_key   TEXT NOT NULL UNIQUE,
    stage      INTEGER NOT NULL CHECK (stage BETWEEN 1 AND 4),
    notes      TEXT NOT NULL DEFAULT '',
    archived_at TEXT
) STRICT;
-- table reintro_log
CREATE TABLE reintro_log (
    id         INTEGER PRIMARY KEY,
    client_id  INTEGER NOT NULL REFERENCES clients (id) ON DELETE CASCADE,
    food_id    INTEGER NOT NULL REFERENCES reintro_foods (id) ON DELETE CASCADE,
    on_date    TEXT NOT NULL,
    amount     TEXT NOT NULL,
    symptoms   TEXT NOT NULL,
    severity   INTEGER NOT NULL CHECK (severity BETWEEN 0 AND 3),
    outcome    TEXT NOT NULL CHECK (outcome IN ('testing', 'tolerated', 'reacted', 'retest_later')),
    notes      TEXT NOT NULL,
    created_at TEXT NOT NULL
) STRICT;
-- table search_index
CREATE VIRTUAL TABLE search_index USING fts5 (
    title, body, content = 'search_source', content_rowid = 'search_rowid',
    tokenize = 'unicode61 remove_diacritics 2'
);
-- table search_index_config
CREATE TABLE 'search_index_config'(k PRIMARY KEY, v) WITHOUT ROWID;
-- table search_index_data
CREATE TABLE 'search_index_data'(id INTEGER PRIMARY KEY, block BLOB);
-- table search_index_docsize
CREATE TABLE 'search_index_docsize'(id INTEGER PRIMARY KEY, sz BLOB);
-- table search_index_idx
CREATE TABLE 'search_index_idx'(segid, term, pgno, PRIMARY KEY(segid, term)) WITHOUT ROWID;
-- table symptoms
CREATE TABLE symptoms (
    id          INTEGER PRIMARY KEY,
    name        TEXT NOT NULL,
    name_key    TEXT NOT NULL UNIQUE,
    position    INTEGER NOT NULL,
    archived_at TEXT
) STRICT;
-- table timeline_events
CREATE TABLE timeline_events (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    client_id   INTEGER NOT NULL REFERENCES clients (id) ON DELETE CASCADE,
    kind        TEXT NOT NULL,
    summary     TEXT NOT NULL,
    occurred_at TEXT NOT NULL
, consult_id INTEGER REFERENCES consults (id) ON DELETE SET NULL) STRICT;
-- trigger article_sections_index_delete
CREATE TRIGGER article_sections_index_delete AFTER DELETE ON article_sections BEGIN
    DELETE FROM article_index WHERE rowid = old.id;
END;
-- trigger article_sections_index_insert
CREATE TRIGGER article_sections_index_insert AFTER INSERT ON article_sections BEGIN
    INSERT INTO article_index (rowid, title, body) VALUES (new.id,
        (SELECT title FROM articles WHERE id = new.article_id) || ' ' || new.heading,
        (SELECT group_concat(value, ' ') FROM json_each(new.paragraphs)));
END;
-- trigger article_sections_index_update
CREATE TRIGGER article_sections_index_update AFTER UPDATE ON article_sections BEGIN
    DELETE FROM article_index WHERE rowid = old.id;
    INSERT INTO article_index (rowid, title, body) VALUES (new.id,
        (SELECT title FROM articles WHERE id = new.article_id) || ' ' || new.heading,
        (SELECT group_concat(value, ' ') FROM json_each(new.paragraphs)));
END;
-- trigger articles_index_retitle
CREATE TRIGGER articles_index_retitle AFTER UPDATE OF title ON articles BEGIN
    DELETE FROM article_index WHERE rowid IN (SELECT id FROM article_sections WHERE article_id = new.id);
    INSERT INTO article_index (rowid, title, body)
        SELECT s.id, new.title || ' ' || s.heading,
            (SELECT group_concat(value, ' ') FROM json_each(s.paragraphs))
        FROM article_sections s WHERE s.article_id = new.id;
END;
-- trigger clients_key_delete
CREATE TRIGGER clients_key_delete AFTER DELETE ON clients BEGIN
    INSERT INTO client_keys (client_keys, rowid, search_key)
        VALUES ('delete', old.id, old.search_key);
END;
-- trigger clients_key_insert
CREATE TRIGGER clients_key_insert AFTER INSERT ON clients BEGIN
    INSERT INTO client_keys (rowid, search_key) VALUES (new.id, new.search_key);
END;
-- trigger clients_key_update
CREATE TRIGGER clients_key_update AFTER UPDATE OF search_key ON clients BEGIN
    INSERT INTO client_keys (client_keys, rowid, search_key)
        VALUES ('delete', old.id, old.search_key);
    INSERT INTO client_keys (rowid, search_key) VALUES (new.id, new.search_key);
END;
-- trigger clients_search_delete
CREATE TRIGGER clients_search_delete BEFORE DELETE ON clients BEGIN
    DELETE FROM search_index WHERE rowid = 2 * old.id;
END;
-- trigger clients_search_insert
CREATE TRIGGER clients_search_insert AFTER INSERT ON clients BEGIN
    INSERT INTO search_index (rowid, title, body)
        SELECT search_rowid, title, body FROM search_source WHERE search_rowid = 2 * new.id;
END;
-- trigger clients_search_reindex
CREATE TRIGGER clients_search_reindex AFTER UPDATE OF name, preferred_name, email, goals,
    notes, medications, other_conditions, allergies, diet_approach, supplements ON clients BEGIN
    INSERT INTO search_index (rowid, title, body)
        SELECT search_rowid, title, body FROM search_source WHERE search_rowid = 2 * new.id;
END;
-- trigger clients_search_unindex
CREATE TRIGGER clients_search_unindex BEFORE UPDATE OF name, preferred_name, email, goals,
    notes, medications, other_conditions, allergies, diet_approach, supplements ON clients BEGIN
    DELETE FROM search_index WHERE rowid = 2 * old.id;
END;
-- trigger consults_last_seen_delete
CREATE TRIGGER consults_last_seen_delete AFTER DELETE ON consults
WHEN old.status = 'completed' BEGIN
    UPDATE clients SET last_seen_at = (
        SELECT max(k.scheduled_at) FROM consults k
        WHERE k.client_id = old.client_id AND k.status = 'completed')
    WHERE id = old.client_id;
END;
-- trigger consults_last_seen_insert
CREATE TRIGGER consults_last_seen_insert AFTER INSERT ON consults
WHEN new.status = 'completed' BEGIN
    UPDATE clients SET last_seen_at = (
        SELECT max(k.scheduled_at) FROM consults k
        WHERE k.client_id = new.client_id AND k.status = 'completed')
    WHERE id = new.client_id;
END;
-- trigger consults_last_seen_update
CREATE TRIGGER consults_last_seen_update AFTER UPDATE OF client_id, status, scheduled_at
ON consults WHEN old.status = 'completed' OR new.status = 'completed' BEGIN
    UPDATE clients SET last_seen_at = (
        SELECT max(k.scheduled_at) FROM consults k
        WHERE k.client_id = clients.id AND k.status = 'completed')
    WHERE id IN (old.client_id, new.client_id);
END;
-- trigger consults_search_delete
CREATE TRIGGER consults_search_delete BEFORE DELETE ON consults BEGIN
    DELETE FROM search_index WHERE rowid = 2 * old.id + 1;
END;
-- trigger consults_search_insert
CREATE TRIGGER consults_search_insert AFTER INSERT ON consults BEGIN
    INSERT INTO search_index (rowid, title, body)
        SELECT search_rowid, title, body FROM search_source WHERE search_rowid = 2 * new.id + 1;
END;
-- trigger consults_search_reindex
CREATE TRIGGER consults_search_reindex AFTER UPDATE OF sections ON consults BEGIN
    INSERT INTO search_index (rowid, title, body)
        SELECT search_rowid, title, body FROM search_source WHERE search_rowid = 2 * new.id + 1;
END;
-- trigger consults_search_unindex
CREATE TRIGGER consults_search_unindex BEFORE UPDATE OF sections ON consults BEGIN
    DELETE FROM search_index WHERE rowid = 2 * old.id + 1;
END;
-- view search_source
CREATE VIEW search_source (search_rowid, title, body) AS
    SELECT 2 * id, name, concat_ws(' ', preferred_name, email, goals, notes, medications,
        other_conditions, allergies, diet_approach, supplements)
    FROM clients
    UNION ALL
    SELECT 2 * id + 1, '', coalesce((
        SELECT group_concat(heading || char(10) || body || char(10, 10), '')
        FROM (
            SELECT * FROM (
                SELECT key, json_extract(value, '$.heading') AS heading,
                    trim(json_extract(value, '$.body'), char(9, 10, 11, 12, 13, 32, 133, 160,
                        5760, 8192, 8193, 8194, 8195, 8196, 8197, 8198, 8199, 8200, 8201, 8202,
                        8232, 8233, 8239, 8287, 12288)) AS body
                FROM json_each(sections)
            )
            WHERE body <> '' ORDER BY key
        )
    ), '')
    FROM consults;
