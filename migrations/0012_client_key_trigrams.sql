-- Search as she types finds a client by any part of her name, email or tags: until now by
-- testing every current client's folded key in name order, which reads all of them when the
-- text is in no name (on 10,000 clients about 1 ms of each Ctrl+K key press, more than the
-- notes' full-text search itself). A trigram index over the same key lists the clients whose
-- key holds any text of three characters or more. It reads the keys from the clients table
-- (FTS5 external content): no copy of them is kept.
CREATE VIRTUAL TABLE client_keys USING fts5 (
    search_key, content = 'clients', content_rowid = 'id', tokenize = 'trigram'
);

CREATE TRIGGER clients_key_insert AFTER INSERT ON clients BEGIN
    INSERT INTO client_keys (rowid, search_key) VALUES (new.id, new.search_key);
END;
CREATE TRIGGER clients_key_update AFTER UPDATE OF search_key ON clients BEGIN
    INSERT INTO client_keys (client_keys, rowid, search_key)
        VALUES ('delete', old.id, old.search_key);
    INSERT INTO client_keys (rowid, search_key) VALUES (new.id, new.search_key);
END;
CREATE TRIGGER clients_key_delete AFTER DELETE ON clients BEGIN
    INSERT INTO client_keys (client_keys, rowid, search_key)
        VALUES ('delete', old.id, old.search_key);
END;

INSERT INTO client_keys (rowid, search_key) SELECT id, search_key FROM clients;
