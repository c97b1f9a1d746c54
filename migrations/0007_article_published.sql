-- The day an article was published on her blog (YYYY-MM-DD), when its file says so.

ALTER TABLE articles ADD COLUMN published TEXT NOT NULL DEFAULT ''
    CHECK (published = '' OR published GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]');
