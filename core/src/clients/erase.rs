//! Erasing a client for good: her name typed to confirm, her rows and files gone, and her words
//! gone from the file itself.

use super::load;
use crate::db::row;
use crate::db::Db;
use crate::error::{Error, Result};

/// True when `typed` is `name` however it was typed: any case, with or without accents, in
/// any Unicode normal form, with any spacing.
pub fn same_name(typed: &str, name: &str) -> bool {
    let key = |s: &str| crate::text::fold(&s.split_whitespace().collect::<Vec<_>>().join(" "));
    !typed.trim().is_empty() && key(typed) == key(name)
}

/// Erases a client and everything recorded about her, for good. The coach must type the
/// client's name, so that a slip of the mouse cannot erase anyone.
///
/// Her words go from the file itself, not only from its tables: the store runs with
/// `secure_delete` (freed space is overwritten with zeros), the search indexes (notes and records;
/// the names' trigrams) are merged so no segment keeps her words, and the journal (WAL) is written into the file and emptied.
pub fn erase(db: &Db, id: i64, confirm_name: &str) -> Result<()> {
    let mut conn = db.conn();
    let tx = conn.transaction()?;
    let client = load(&tx, id)?;
    if !same_name(confirm_name, &client.name) {
        return Err(Error::invalid(
            "confirmName",
            format!(
                "Type the client's name exactly (“{}”) to erase her record.",
                client.name
            ),
        ));
    }
    let her_files: Vec<i64> = row::all(
        &tx,
        "SELECT f.id FROM lab_files f JOIN labs l ON l.id = f.lab_id WHERE l.client_id = ?1",
        [id],
        |r| r.get(0),
    )?;
    tx.execute("DELETE FROM clients WHERE id = ?1", [id])?;
    tx.execute_batch(
        "INSERT INTO search_index (search_index) VALUES ('optimize');
         INSERT INTO client_keys (client_keys) VALUES ('optimize');",
    )?;
    tx.commit()?;
    crate::db::empty_journal(&conn)?;
    drop(conn);
    // Her protocols, logs, check-ins, labs and their files went with the row (ON DELETE
    // CASCADE). Copies written for the viewer, and files an older CoachDesk left beside the
    // database that could not be moved inside, go too.
    if let Some(data_dir) = db.path().and_then(std::path::Path::parent) {
        for file in her_files {
            let copy = crate::files::opened_folder(data_dir).join(file.to_string());
            let _ = std::fs::remove_dir_all(copy);
        }
        let folder = crate::files::client_folder(data_dir, id);
        match std::fs::remove_dir_all(&folder) {
            Ok(()) => {}
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
            Err(e) => {
                return Err(Error::io(
                    format!(
                        "Her record was erased, but her attached files could not all be removed \
                         from {}",
                        folder.display()
                    ),
                    e,
                ))
            }
        }
    }
    Ok(())
}
