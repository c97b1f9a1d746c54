-- Protocol templates with versions, clients' personal copies, the AIP reintroduction tracker,
-- symptom check-ins and lab results. Everything a client owns cascades when she is erased;
-- attached lab files on disk are removed by core (clients::erase).

CREATE TABLE protocol_templates (
    id          INTEGER PRIMARY KEY,
    created_at  TEXT NOT NULL,
    archived_at TEXT
) STRICT;

-- Every save of a template is a new version; the highest number is the current one.
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

-- A client's own copy: later template edits never reach it.
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
CREATE INDEX client_protocols_by_client ON client_protocols (client_id, start_date);

-- When each phase began (the chart's bands) and every pause, resume and completion.
CREATE TABLE client_protocol_events (
    id          INTEGER PRIMARY KEY,
    protocol_id INTEGER NOT NULL REFERENCES client_protocols (id) ON DELETE CASCADE,
    kind        TEXT NOT NULL CHECK (kind IN ('phase', 'paused', 'resumed', 'completed')),
    phase       INTEGER NOT NULL,
    on_date     TEXT NOT NULL,
    created_at  TEXT NOT NULL
) STRICT;
CREATE INDEX client_protocol_events_by_protocol ON client_protocol_events (protocol_id, on_date);

CREATE TABLE reintro_foods (
    id         INTEGER PRIMARY KEY,
    name       TEXT NOT NULL,
    name_key   TEXT NOT NULL UNIQUE,
    stage      INTEGER NOT NULL CHECK (stage BETWEEN 1 AND 4),
    notes      TEXT NOT NULL DEFAULT '',
    archived_at TEXT
) STRICT;

CREATE TABLE client_foods (
    client_id  INTEGER NOT NULL REFERENCES clients (id) ON DELETE CASCADE,
    food_id    INTEGER NOT NULL REFERENCES reintro_foods (id) ON DELETE CASCADE,
    status     TEXT NOT NULL CHECK (status IN ('untested', 'testing', 'tolerated', 'reacted', 'retest_later')),
    -- A reaction is unresolved until the coach records that it settled.
    settled_on TEXT,
    updated_at TEXT NOT NULL,
    PRIMARY KEY (client_id, food_id)
) STRICT, WITHOUT ROWID;

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
CREATE INDEX reintro_log_by_client ON reintro_log (client_id, on_date);

CREATE TABLE symptoms (
    id          INTEGER PRIMARY KEY,
    name        TEXT NOT NULL,
    name_key    TEXT NOT NULL UNIQUE,
    position    INTEGER NOT NULL,
    archived_at TEXT
) STRICT;

CREATE TABLE checkins (
    id         INTEGER PRIMARY KEY,
    client_id  INTEGER NOT NULL REFERENCES clients (id) ON DELETE CASCADE,
    on_date    TEXT NOT NULL,
    notes      TEXT NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    UNIQUE (client_id, on_date)
) STRICT;

CREATE TABLE checkin_ratings (
    checkin_id INTEGER NOT NULL REFERENCES checkins (id) ON DELETE CASCADE,
    symptom_id INTEGER NOT NULL REFERENCES symptoms (id),
    value      INTEGER NOT NULL CHECK (value BETWEEN 0 AND 10),
    PRIMARY KEY (checkin_id, symptom_id)
) STRICT, WITHOUT ROWID;

ALTER TABLE clients ADD COLUMN hide_tracking INTEGER NOT NULL DEFAULT 0;

CREATE TABLE labs (
    id         INTEGER PRIMARY KEY,
    client_id  INTEGER NOT NULL REFERENCES clients (id) ON DELETE CASCADE,
    name       TEXT NOT NULL,
    taken_on   TEXT NOT NULL,
    summary    TEXT NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
) STRICT;
CREATE INDEX labs_by_client ON labs (client_id, taken_on);

-- Files live in <data folder>/attachments/client-<client_id>/<stored_name>.
CREATE TABLE lab_files (
    id            INTEGER PRIMARY KEY,
    lab_id        INTEGER NOT NULL REFERENCES labs (id) ON DELETE CASCADE,
    original_name TEXT NOT NULL,
    stored_name   TEXT NOT NULL UNIQUE,
    size_bytes    INTEGER NOT NULL,
    added_at      TEXT NOT NULL
) STRICT;

INSERT INTO symptoms (name, name_key, position) VALUES
    ('Fatigue', 'fatigue', 1),
    ('Brain fog', 'brain fog', 2),
    ('Pain', 'pain', 3),
    ('Numbness/tingling', 'numbness/tingling', 4),
    ('Digestion/bloating', 'digestion/bloating', 5),
    ('Mood', 'mood', 6),
    ('Sleep quality', 'sleep quality', 7),
    ('Energy', 'energy', 8);

-- The usual AIP reintroduction order, stage 1 (least likely to react) to stage 4.
INSERT INTO reintro_foods (name, name_key, stage) VALUES
    ('Egg yolks', 'egg yolks', 1),
    ('Ghee from grass-fed dairy', 'ghee from grass-fed dairy', 1),
    ('Seed-based spices', 'seed-based spices', 1),
    ('Fruit- and berry-based spices', 'fruit- and berry-based spices', 1),
    ('Seed and nut oils', 'seed and nut oils', 1),
    ('Legumes with edible pods (green beans, snow peas)', 'legumes with edible pods (green beans, snow peas)', 1),
    ('Nuts and seeds (not oils)', 'nuts and seeds (not oils)', 2),
    ('Cocoa and chocolate', 'cocoa and chocolate', 2),
    ('Egg whites', 'egg whites', 2),
    ('Grass-fed butter', 'grass-fed butter', 2),
    ('Alcohol in small amounts', 'alcohol in small amounts', 2),
    ('Cashews and pistachios', 'cashews and pistachios', 3),
    ('Coffee', 'coffee', 3),
    ('Eggplant', 'eggplant', 3),
    ('Sweet peppers', 'sweet peppers', 3),
    ('Paprika', 'paprika', 3),
    ('Fermented grass-fed dairy', 'fermented grass-fed dairy', 3),
    ('Whole eggs', 'whole eggs', 4),
    ('Other grass-fed dairy', 'other grass-fed dairy', 4),
    ('Chilli peppers and hot spices', 'chilli peppers and hot spices', 4),
    ('Tomatoes', 'tomatoes', 4),
    ('Potatoes', 'potatoes', 4),
    ('White rice', 'white rice', 4),
    ('Soaked or fermented legumes', 'soaked or fermented legumes', 4);
