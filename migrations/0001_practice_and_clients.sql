-- The practice profile (one row) and the clients.
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

-- AUTOINCREMENT: a client's id is never reused, even after erasure.
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
) STRICT;
