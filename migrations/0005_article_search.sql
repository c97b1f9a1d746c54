-- Articles join the Ctrl/Cmd+K search: one row per article section (rowid = section id), the
-- title holding the article's title and the section heading. Kept in sync by triggers.

CREATE VIRTUAL TABLE article_index USING fts5 (
    title, body, tokenize = 'unicode61 remove_diacritics 2'
);

CREATE TRIGGER article_sections_index_insert AFTER INSERT ON article_sections BEGIN
    INSERT INTO article_index (rowid, title, body) VALUES (new.id,
        (SELECT title FROM articles WHERE id = new.article_id) || ' ' || new.heading,
        (SELECT group_concat(value, ' ') FROM json_each(new.paragraphs)));
END;
CREATE TRIGGER article_sections_index_update AFTER UPDATE ON article_sections BEGIN
    DELETE FROM article_index WHERE rowid = old.id;
    INSERT INTO article_index (rowid, title, body) VALUES (new.id,
        (SELECT title FROM articles WHERE id = new.article_id) || ' ' || new.heading,
        (SELECT group_concat(value, ' ') FROM json_each(new.paragraphs)));
END;
CREATE TRIGGER article_sections_index_delete AFTER DELETE ON article_sections BEGIN
    DELETE FROM article_index WHERE rowid = old.id;
END;
CREATE TRIGGER articles_index_retitle AFTER UPDATE OF title ON articles BEGIN
    DELETE FROM article_index WHERE rowid IN (SELECT id FROM article_sections WHERE article_id = new.id);
    INSERT INTO article_index (rowid, title, body)
        SELECT s.id, new.title || ' ' || s.heading,
            (SELECT group_concat(value, ' ') FROM json_each(s.paragraphs))
        FROM article_sections s WHERE s.article_id = new.id;
END;

INSERT INTO article_index (rowid, title, body)
    SELECT s.id, a.title || ' ' || s.heading,
        (SELECT group_concat(value, ' ') FROM json_each(s.paragraphs))
    FROM article_sections s JOIN articles a ON a.id = s.article_id;
