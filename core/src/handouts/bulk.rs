//! One handout for many clients at once (the bulk export): resolved once, rendered on every
//! core, written, recorded and reported in her order.

use std::collections::{BTreeMap, HashSet};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::mpsc;

use chrono::Utc;
use serde::Serialize;
use ts_rs::TS;

use super::{
    check, file_name_of, name_on_handout, record_in, resolve, resolve_blocks, HandoutBlock,
    HandoutDraft, Prepared, Recorded,
};
use crate::db::Db;
use crate::documents::{self, Printable};
use crate::error::{Error, Result};

/// The most threads a bulk export renders on: each holds a handout's pages while it works, and
/// the window keeps a core to itself on most laptops.
const MAX_RENDER_THREADS: usize = 4;

/// How a bulk export ended.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct BulkExport {
    pub folder: String,
    pub written: i64,
    pub total: i64,
    pub cancelled: bool,
}

/// Progress of a bulk export, after each client.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct BulkProgress {
    pub done: i64,
    pub total: i64,
    pub client_name: String,
}

/// What a bulk export checks before the folder dialog opens: the draft, and some clients.
pub fn check_for_clients(draft: &HandoutDraft, client_ids: &[i64]) -> Result<()> {
    check(draft)?;
    if client_ids.is_empty() {
        return Err(Error::invalid("clientIds", "Choose at least one client."));
    }
    Ok(())
}

/// Exports one handout per client into `folder`, each personalised and recorded on her
/// timeline. `progress` is told after each client and returns false to stop early.
///
/// Every handout is checked and resolved first (nothing is written when one cannot be). The
/// PDFs are then rendered on as many threads as the computer has cores (up to four), while
/// this thread writes, records and reports them in the clients' order, as many at a time as
/// are ready (`BATCH`). A handout is reported only once its file is written and it is
/// recorded; stopping early leaves no file or record for the clients after the last one
/// reported.
pub fn export_for_clients(
    db: &Db,
    draft: &HandoutDraft,
    client_ids: &[i64],
    folder: &Path,
    mut progress: impl FnMut(&BulkProgress) -> bool,
) -> Result<BulkExport> {
    check_for_clients(draft, client_ids)?;
    let total = client_ids.len() as i64;
    let jobs = prepare_for_clients(db, draft, client_ids)?;
    let letterhead = documents::Letterhead::of(db)?;
    let threads = std::thread::available_parallelism()
        .map_or(1, std::num::NonZero::get)
        .clamp(1, MAX_RENDER_THREADS)
        .min(jobs.len());
    let next = AtomicUsize::new(0);
    let stop = AtomicBool::new(false);
    let (send, receive) = mpsc::channel::<(usize, Result<Vec<u8>>)>();
    let (written, cancelled) = std::thread::scope(|scope| {
        for _ in 0..threads {
            let send = send.clone();
            let (next, stop, jobs, letterhead) = (&next, &stop, &jobs, &letterhead);
            scope.spawn(move || {
                // Every client's handout has the same paragraphs: each is shaped and set once
                // here, and a font that does not print her name is subset once.
                let _memo = crate::pdf::remember_rendering();
                while !stop.load(Ordering::Relaxed) {
                    let i = next.fetch_add(1, Ordering::Relaxed);
                    let Some(one) = jobs.get(i) else { break };
                    if send
                        .send((i, letterhead.render(&one.doc, Utc::now())))
                        .is_err()
                    {
                        break;
                    }
                }
            });
        }
        drop(send);
        let ended = write_in_order(db, &jobs, folder, &receive, &mut progress);
        // Whatever the end, the render threads take no more work.
        stop.store(true, Ordering::Relaxed);
        ended
    })?;
    Ok(BulkExport {
        folder: folder.display().to_string(),
        written,
        total,
        cancelled,
    })
}

/// The most handouts a bulk export writes and records at once: the disk is waited for once
/// for them all, and she hears of them together.
const BATCH: usize = 16;

/// Each client's handout resolved. The blocks are the same for every client and are resolved
/// once, unless one of them is her own protocol.
fn prepare_for_clients(db: &Db, draft: &HandoutDraft, client_ids: &[i64]) -> Result<Vec<Prepared>> {
    let own_protocol = draft.blocks.iter().any(|b| {
        matches!(
            b,
            HandoutBlock::ProtocolPhase {
                client_protocol_id: Some(_),
                ..
            }
        )
    });
    let shared = if own_protocol {
        None
    } else {
        Some(resolve_blocks(db, draft)?)
    };
    // Her name is in the text of every handout: what cannot be printed is worked out once.
    let _memo = crate::pdf::remember_rendering();
    client_ids
        .iter()
        .map(|&client_id| {
            let doc = match &shared {
                Some((practice, title, blocks)) => Printable::new(
                    practice,
                    title.clone(),
                    Some(name_on_handout(db, client_id)?),
                    blocks.clone(),
                ),
                None => resolve(
                    db,
                    &HandoutDraft {
                        client_id: Some(client_id),
                        ..draft.clone()
                    },
                )?,
            };
            Ok(Prepared {
                doc,
                client_id: Some(client_id),
            })
        })
        .collect()
}

/// Writes, records and reports each rendered handout of a bulk export in her order, telling
/// `progress` after each: how many were written, and whether she stopped early. The handouts
/// rendered by then (up to `BATCH`) are named, written together and recorded in one
/// transaction, then reported one by one; when she stops part way through them, the files and
/// records after the last one reported are taken away again.
fn write_in_order(
    db: &Db,
    prepared: &[Prepared],
    folder: &Path,
    rendered: &mpsc::Receiver<(usize, Result<Vec<u8>>)>,
    progress: &mut impl FnMut(&BulkProgress) -> bool,
) -> Result<(i64, bool)> {
    let total = prepared.len() as i64;
    // Rendered PDFs that arrived before the ones ahead of them in her list.
    let mut waiting = BTreeMap::new();
    // The names this export has given its files (two clients can share a name).
    let mut taken = HashSet::new();
    let mut written = 0;
    while written < prepared.len() {
        // The PDFs next in her order that are ready: at least one, waited for.
        let mut batch = Vec::new();
        let mut failed = None;
        while batch.len() < BATCH && written + batch.len() < prepared.len() {
            let at = written + batch.len();
            let Some(pdf) = waiting.remove(&at) else {
                let next = if batch.is_empty() {
                    rendered.recv().ok()
                } else {
                    rendered.try_recv().ok()
                };
                match next {
                    Some((i, pdf)) => {
                        waiting.insert(i, pdf);
                        continue;
                    }
                    None if batch.is_empty() => {
                        return Err(Error::Pdf(
                            "The handouts stopped being made part way.".into(),
                        ))
                    }
                    None => break,
                }
            };
            match pdf {
                Ok(pdf) => batch.push(pdf),
                Err(e) => {
                    failed = Some(e);
                    break;
                }
            }
        }
        let ones = &prepared[written..written + batch.len()];
        // Named just before they are written, passing over the files in the folder now.
        let paths: Vec<PathBuf> = ones
            .iter()
            .map(|one| crate::files::unused_path_besides(folder, &one.file_name(), &mut taken))
            .collect();
        let (placed, not_written) = write_batch(&paths, &batch);
        let ones = &ones[..placed];
        let recorded = record_all(db, ones, &paths).inspect_err(|_| remove(&paths[..placed]))?;
        for (k, one) in ones.iter().enumerate() {
            let report = BulkProgress {
                done: (written + k + 1) as i64,
                total,
                client_name: one.doc.prepared_for.clone().unwrap_or_default(),
            };
            if !progress(&report) && written + k + 1 < prepared.len() {
                // The ones after it were written and recorded, but she was not told: undone.
                if forget(db, &recorded[k + 1..]).is_ok() {
                    remove(&paths[k + 1..placed]);
                    return Ok(((written + k + 1) as i64, true));
                }
                // They could not be taken away: they stay, written and recorded, and counted.
                return Ok(((written + placed) as i64, written + placed < prepared.len()));
            }
        }
        written += placed;
        if let Some(e) = not_written.or(failed) {
            return Err(e);
        }
    }
    Ok((written as i64, false))
}

/// Writes `pdfs` to `paths`: together, or when that fails one by one up to the one that cannot
/// be written. How many were written, and why the next one was not.
fn write_batch(paths: &[PathBuf], pdfs: &[Vec<u8>]) -> (usize, Option<Error>) {
    let files: Vec<(&Path, &[u8])> = paths
        .iter()
        .zip(pdfs)
        .map(|(path, pdf)| (path.as_path(), pdf.as_slice()))
        .collect();
    if crate::files::write_all_atomic(&files).is_ok() {
        return (files.len(), None);
    }
    for (k, (path, pdf)) in files.iter().enumerate() {
        if let Err(e) = crate::files::write_atomic(path, pdf) {
            return (k, Some(e));
        }
    }
    (files.len(), None)
}

/// Records each handout written to its path in one transaction: the rows made, to be taken
/// away again by `forget`.
fn record_all(db: &Db, ones: &[Prepared], paths: &[PathBuf]) -> Result<Vec<Recorded>> {
    let mut conn = db.conn();
    let tx = conn.transaction()?;
    let recorded = ones
        .iter()
        .zip(paths)
        .map(|(one, path)| record_in(&tx, one, &file_name_of(path)))
        .collect::<Result<Vec<_>>>()?;
    tx.commit()?;
    Ok(recorded)
}

/// Takes records made by `record_all` away again.
fn forget(db: &Db, recorded: &[Recorded]) -> Result<()> {
    let mut conn = db.conn();
    let tx = conn.transaction()?;
    for r in recorded.iter().flatten() {
        tx.execute("DELETE FROM handouts_given WHERE id = ?1", [r.given])?;
        tx.execute("DELETE FROM timeline_events WHERE id = ?1", [r.event])?;
    }
    tx.commit()?;
    Ok(())
}

/// Removes files this export wrote (its own, named afresh): as far as the system lets it.
fn remove(paths: &[PathBuf]) {
    for path in paths {
        let _ = std::fs::remove_file(path);
    }
    if let Some(folder) = paths.first().and_then(|p| p.parent()) {
        crate::files::sync_folder(folder);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::clients::{self, ClientInput};
    use crate::practice::{self, FirstRunInput};

    /// Three handouts rendered and ready at once are written as one batch; when she stops
    /// after the second, the third's file and records, made with the batch, are taken away.
    #[test]
    fn stopping_part_way_through_a_batch_takes_the_rest_of_it_away() {
        let dir = tempfile::tempdir().unwrap();
        let db = Db::open(&dir.path().join("practice.db")).unwrap();
        practice::create(
            &db,
            &FirstRunInput {
                practice_name: "Gut & Glow".into(),
                coach_name: "Marie-Ève".into(),
            },
        )
        .unwrap();
        let ids: Vec<i64> = ["Anna", "Béa", "Chloé"]
            .iter()
            .map(|n| clients::create(&db, &ClientInput::named(n)).unwrap().id)
            .collect();
        let draft = HandoutDraft {
            title: "Broth basics".into(),
            client_id: None,
            blocks: vec![HandoutBlock::FreeText {
                text: "Simmer the bones for a day.".into(),
            }],
        };
        let prepared = prepare_for_clients(&db, &draft, &ids).unwrap();
        let letterhead = documents::Letterhead::of(&db).unwrap();
        let (send, rendered) = mpsc::channel();
        for (i, one) in prepared.iter().enumerate() {
            send.send((i, letterhead.render(&one.doc, Utc::now())))
                .unwrap();
        }
        drop(send);
        let folder = dir.path().join("out");
        std::fs::create_dir(&folder).unwrap();
        let mut told = Vec::new();
        let ended = write_in_order(&db, &prepared, &folder, &rendered, &mut |p| {
            told.push(p.client_name.clone());
            p.done < 2
        });
        assert_eq!(ended.unwrap(), (2, true));
        assert_eq!(told, ["Anna", "Béa"]);
        assert_eq!(std::fs::read_dir(&folder).unwrap().count(), 2);
        let given: i64 = db
            .conn()
            .query_row(
                "SELECT (SELECT count(*) FROM handouts_given WHERE client_id = ?1)
                      + (SELECT count(*) FROM timeline_events WHERE client_id = ?1
                         AND kind = 'handout_given')",
                [ids[2]],
                |r| r.get(0),
            )
            .unwrap();
        assert_eq!(given, 0, "nothing kept for Chloé");
        assert_eq!(crate::handouts::for_client(&db, ids[1]).unwrap().len(), 1);
    }
}
