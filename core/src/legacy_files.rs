//! Before migration 8, lab files lived in `attachments/client-<id>/` and the logo in
//! `logo.png` beside the database. `move_inside` reads what an older CoachDesk left there into
//! the database, then removes the files, so the practice is one file. A file that cannot be
//! read is left on disk and its record says it is missing; nothing else is held up.

use std::path::Path;

use rusqlite::params;

use crate::db::row;
use crate::db::Db;
use crate::error::Result;

/// What was moved: (lab files, logo).
pub fn move_inside(db: &Db, data_dir: &Path) -> Result<(usize, bool)> {
    let attachments = data_dir.join("attachments");
    let sql = "SELECT id, stored_name FROM lab_files WHERE content IS NULL";
    let pending: Vec<(i64, String)> =
        row::all(&db.conn(), sql, [], |r| Ok((r.get(0)?, r.get(1)?)))?;
    let mut moved = 0;
    for (id, stored) in pending {
        // The stored name came from CoachDesk itself; still, never read outside the folder.
        if stored
            .split(['/', '\\'])
            .any(|part| part == ".." || part.is_empty())
        {
            continue;
        }
        let path = attachments.join(&stored);
        let Ok(bytes) = std::fs::read(&path) else {
            continue;
        };
        db.conn().execute(
            "UPDATE lab_files SET content = ?2 WHERE id = ?1",
            params![id, bytes],
        )?;
        let _ = std::fs::remove_file(&path);
        moved += 1;
    }
    if attachments.is_dir() {
        // Empty client folders, then the folder itself, once nothing is left in them.
        if let Ok(entries) = std::fs::read_dir(&attachments) {
            for entry in entries.flatten() {
                let _ = std::fs::remove_dir(entry.path());
            }
        }
        let _ = std::fs::remove_dir(&attachments);
    }

    let logo_file: Option<String> = db
        .conn()
        .query_row(
            "SELECT logo_file FROM practice WHERE id = 1 AND logo IS NULL",
            [],
            |r| r.get(0),
        )
        .unwrap_or(None);
    let mut logo = false;
    if let Some(name) = logo_file.filter(|n| !n.contains(['/', '\\'])) {
        let path = data_dir.join(&name);
        if let Ok(bytes) = std::fs::read(&path) {
            db.conn().execute(
                "UPDATE practice SET logo = ?1, logo_file = NULL WHERE id = 1",
                params![bytes],
            )?;
            let _ = std::fs::remove_file(&path);
            logo = true;
        }
    }
    Ok((moved, logo))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn files_an_older_coachdesk_left_on_disk_move_inside() {
        let dir = tempfile::tempdir().unwrap();
        let db = crate::practice::made_in(dir.path());
        let client =
            crate::clients::create(&db, &crate::clients::ClientInput::named("Zoë")).unwrap();
        let lab = crate::labs::add(
            &db,
            &crate::labs::LabInput {
                client_id: client.id,
                name: "Ferritin".into(),
                taken_on: "2026-01-01".into(),
                summary: String::new(),
            },
        )
        .unwrap();
        db.conn()
            .execute(
                "INSERT INTO lab_files (id, lab_id, original_name, stored_name, size_bytes, added_at)
                 VALUES (1, ?1, 'a.pdf', ?2, 3, 'x'), (2, ?1, 'gone.pdf', ?3, 3, 'x')",
                params![
                    lab.id,
                    format!("client-{}/1-a.pdf", client.id),
                    format!("client-{}/2-gone.pdf", client.id)
                ],
            )
            .unwrap();
        db.conn()
            .execute("UPDATE practice SET logo_file = 'logo.png'", [])
            .unwrap();
        let folder = crate::files::client_folder(dir.path(), client.id);
        std::fs::create_dir_all(&folder).unwrap();
        std::fs::write(folder.join("1-a.pdf"), b"PDF").unwrap();
        std::fs::write(dir.path().join("logo.png"), b"\x89PNG\r\n\x1a\nlogo").unwrap();

        assert_eq!(move_inside(&db, dir.path()).unwrap(), (1, true));
        assert!(!folder.join("1-a.pdf").exists());
        assert!(!dir.path().join("logo.png").exists());
        assert_eq!(
            crate::practice::logo_bytes(&db).unwrap().unwrap(),
            b"\x89PNG\r\n\x1a\nlogo"
        );
        let copy = crate::labs::open_copy(&db, dir.path(), 1).unwrap();
        assert_eq!(std::fs::read(copy).unwrap(), b"PDF");
        let missing = crate::labs::open_copy(&db, dir.path(), 2).unwrap_err();
        assert!(missing.to_string().contains("missing"), "{missing}");
        // A second start has nothing left to do.
        assert_eq!(move_inside(&db, dir.path()).unwrap(), (0, false));
    }
}
