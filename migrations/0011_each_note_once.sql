-- Each note's words are stored once (issue 13). Until now a note was kept four times: its
-- sections, a plain-text copy for search (consults.notes_text), the search index's own copy of
-- that plain text, and the newest revision (always the current text). On 200,000 notes of
-- about 1 KB that made 7.5 KiB a note, paid again by every backup and every encrypted page.
--
-- 1. The search index keeps only its index. Its words are read, when a snippet is shown or a
--    row is re-indexed, from the records themselves through the view `search_source` (FTS5
--    "external content"): a client's record, or a consult's sections as plain text (each
--    section with words in it: its heading, a line break, its text trimmed, a blank line).
--    The index is kept by the triggers below: a row leaves the index BEFORE it changes (FTS5
--    reads the words to remove through the view, as they still are) and joins it AFTER.
--    Rowids stay 2 * id for a client and 2 * id + 1 for a consult; the two expression indexes
--    let the view find one row by that rowid without a scan.
-- 2. consults.notes_text goes.
-- 3. The newest revision of a consult's notes stores '' instead of a copy of the consult's
--    sections: its text is the consult's own. It is written out when a newer revision starts.

DROP TRIGGER clients_search_insert;
DROP TRIGGER clients_search_update;
DROP TRIGGER clients_search_delete;
DROP TRIGGER consults_search_insert;
DROP TRIGGER consults_search_update;
DROP TRIGGER consults_search_delete;
DROP TABLE search_index;

ALTER TABLE consults DROP COLUMN notes_text;

CREATE INDEX clients_by_search_rowid ON clients (2 * id);
CREATE INDEX consults_by_search_rowid ON consults (2 * id + 1);

-- The whitespace trimmed is Unicode's (as Rust's str::trim), so a section holding only spaces,
-- line breaks or no-break spaces is left out. The sections are joined in their order by an
-- ordered subquery (an aggregate's own ORDER BY would make the schema unreadable to SQLite
-- before 3.44, the sqlite3 of Debian 12 among them).
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

CREATE VIRTUAL TABLE search_index USING fts5 (
    title, body, content = 'search_source', content_rowid = 'search_rowid',
    tokenize = 'unicode61 remove_diacritics 2'
);

CREATE TRIGGER clients_search_insert AFTER INSERT ON clients BEGIN
    INSERT INTO search_index (rowid, title, body)
        SELECT search_rowid, title, body FROM search_source WHERE search_rowid = 2 * new.id;
END;
CREATE TRIGGER clients_search_unindex BEFORE UPDATE OF name, preferred_name, email, goals,
    notes, medications, other_conditions, allergies, diet_approach, supplements ON clients BEGIN
    DELETE FROM search_index WHERE rowid = 2 * old.id;
END;
CREATE TRIGGER clients_search_reindex AFTER UPDATE OF name, preferred_name, email, goals,
    notes, medications, other_conditions, allergies, diet_approach, supplements ON clients BEGIN
    INSERT INTO search_index (rowid, title, body)
        SELECT search_rowid, title, body FROM search_source WHERE search_rowid = 2 * new.id;
END;
CREATE TRIGGER clients_search_delete BEFORE DELETE ON clients BEGIN
    DELETE FROM search_index WHERE rowid = 2 * old.id;
END;

CREATE TRIGGER consults_search_insert AFTER INSERT ON consults BEGIN
    INSERT INTO search_index (rowid, title, body)
        SELECT search_rowid, title, body FROM search_source WHERE search_rowid = 2 * new.id + 1;
END;
CREATE TRIGGER consults_search_unindex BEFORE UPDATE OF sections ON consults BEGIN
    DELETE FROM search_index WHERE rowid = 2 * old.id + 1;
END;
CREATE TRIGGER consults_search_reindex AFTER UPDATE OF sections ON consults BEGIN
    INSERT INTO search_index (rowid, title, body)
        SELECT search_rowid, title, body FROM search_source WHERE search_rowid = 2 * new.id + 1;
END;
CREATE TRIGGER consults_search_delete BEFORE DELETE ON consults BEGIN
    DELETE FROM search_index WHERE rowid = 2 * old.id + 1;
END;

-- Every record joins the new index, in rowid order within each table. Meanwhile the index
-- gathers up to 64 MB of words in memory before writing them out, then goes back to its
-- default (1 MB; the setting is not kept): on 200,000 notes it writes a few large pieces
-- instead of hundreds it must then merge (6 s -> 4 s of an upgrade; added after this
-- migration shipped: the schema, the rows and what the index answers are the same).
INSERT INTO search_index (search_index, rank) VALUES ('hashsize', 67108864);
INSERT INTO search_index (rowid, title, body) SELECT search_rowid, title, body FROM search_source;
INSERT INTO search_index (search_index, rank) VALUES ('hashsize', 1048576);
DELETE FROM search_index_config WHERE k = 'hashsize';

UPDATE note_revisions SET sections = ''
    WHERE id IN (SELECT max(id) FROM note_revisions GROUP BY consult_id)
    AND sections = (SELECT c.sections FROM consults c WHERE c.id = note_revisions.consult_id);
