-- Consults with their notes and revision history, note templates, follow-up tasks, and the
-- full-text search index over clients and notes.

CREATE TABLE note_templates (
    key        TEXT PRIMARY KEY CHECK (key IN ('discovery', 'coaching')),
    name       TEXT NOT NULL,
    headings   TEXT NOT NULL, -- JSON array of strings
    updated_at TEXT NOT NULL
) STRICT;

INSERT INTO note_templates (key, name, headings, updated_at) VALUES
    ('discovery', 'Discovery call',
     '["Current state","Desired state","Obstacles","Objections","Fit decision","Next steps"]',
     '2026-11-24T00:00:00.000Z'),
    ('coaching', 'Coaching session',
     '["Symptoms since last time","Diet","Sleep, stress and movement","Mindset work","Wins","Challenges","Recommendations","Homework"]',
     '2026-11-24T00:00:00.000Z');

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
    notes_text       TEXT NOT NULL DEFAULT '', -- the sections as plain text, for search
    notes_updated_at TEXT,
    created_at       TEXT NOT NULL,
    updated_at       TEXT NOT NULL
) STRICT;
CREATE INDEX consults_by_client ON consults (client_id, scheduled_at DESC);
CREATE INDEX consults_by_time ON consults (scheduled_at) WHERE status = 'scheduled';

-- Each row is a snapshot of a consult's notes. The newest is always the current text; it keeps
-- absorbing saves until it is sealed (on leaving the editor) or five minutes old.
CREATE TABLE note_revisions (
    id         INTEGER PRIMARY KEY AUTOINCREMENT,
    consult_id INTEGER NOT NULL REFERENCES consults (id) ON DELETE CASCADE,
    sections   TEXT NOT NULL,
    started_at TEXT NOT NULL,
    saved_at   TEXT NOT NULL,
    sealed     INTEGER NOT NULL DEFAULT 0
) STRICT;
CREATE INDEX note_revisions_by_consult ON note_revisions (consult_id, id DESC);

CREATE TABLE follow_ups (
    id         INTEGER PRIMARY KEY AUTOINCREMENT,
    client_id  INTEGER NOT NULL REFERENCES clients (id) ON DELETE CASCADE,
    title      TEXT NOT NULL,
    due_date   TEXT,
    done_at    TEXT,
    created_at TEXT NOT NULL
) STRICT;
CREATE INDEX follow_ups_by_client ON follow_ups (client_id);
CREATE INDEX follow_ups_open_by_due ON follow_ups (due_date) WHERE done_at IS NULL;

ALTER TABLE timeline_events ADD COLUMN consult_id INTEGER REFERENCES consults (id) ON DELETE SET NULL;

-- One search index for everything; rowid = 2*id for a client, 2*id+1 for a consult, so a row
-- is found and replaced by rowid rather than by scanning.
CREATE VIRTUAL TABLE search_index USING fts5 (
    title, body, tokenize = 'unicode61 remove_diacritics 2'
);

CREATE TRIGGER clients_search_insert AFTER INSERT ON clients BEGIN
    INSERT INTO search_index (rowid, title, body) VALUES (2 * new.id, new.name,
        concat_ws(' ', new.preferred_name, new.email, new.goals, new.notes, new.medications,
            new.other_conditions, new.allergies, new.diet_approach, new.supplements));
END;
CREATE TRIGGER clients_search_update AFTER UPDATE ON clients BEGIN
    DELETE FROM search_index WHERE rowid = 2 * old.id;
    INSERT INTO search_index (rowid, title, body) VALUES (2 * new.id, new.name,
        concat_ws(' ', new.preferred_name, new.email, new.goals, new.notes, new.medications,
            new.other_conditions, new.allergies, new.diet_approach, new.supplements));
END;
CREATE TRIGGER clients_search_delete AFTER DELETE ON clients BEGIN
    DELETE FROM search_index WHERE rowid = 2 * old.id;
END;

CREATE TRIGGER consults_search_insert AFTER INSERT ON consults BEGIN
    INSERT INTO search_index (rowid, title, body) VALUES (2 * new.id + 1, '', new.notes_text);
END;
CREATE TRIGGER consults_search_update AFTER UPDATE OF notes_text ON consults BEGIN
    DELETE FROM search_index WHERE rowid = 2 * old.id + 1;
    INSERT INTO search_index (rowid, title, body) VALUES (2 * new.id + 1, '', new.notes_text);
END;
CREATE TRIGGER consults_search_delete AFTER DELETE ON consults BEGIN
    DELETE FROM search_index WHERE rowid = 2 * old.id + 1;
END;

-- Clients written before this version join the index.
INSERT INTO search_index (rowid, title, body)
    SELECT 2 * id, name, concat_ws(' ', preferred_name, email, goals, notes, medications,
        other_conditions, allergies, diet_approach, supplements)
    FROM clients;
