-- The day an article was published on her blog (YYYY-MM-DD), when its file says so; and
-- whether handouts print straight quotes as typographic ones (on unless she turns it off).

ALTER TABLE articles ADD COLUMN published TEXT NOT NULL DEFAULT ''
    CHECK (published = '' OR published GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]');

ALTER TABLE practice ADD COLUMN typographic_quotes INTEGER NOT NULL DEFAULT 1
    CHECK (typographic_quotes IN (0, 1));
