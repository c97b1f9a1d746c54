//! One handout for many clients at once (the bulk export): resolved once, rendered on every
//! core, written, recorded and reported in her order.

use std::collections::BTreeMap;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::mpsc;

use chrono::Utc;
use serde::Serialize;
use ts_rs::TS;

use super::{
    check, file_name_of, name_on_handout, record_in, resolve, resolve_blocks, HandoutBlock,
    HandoutDraft, Prepared,
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
/// Every handout is checked and resolved first, and its file named (nothing is written when
/// one cannot be resolved). The PDFs are then rendered on as many threads as the computer has
/// cores (up to four), while this thread writes, records and reports them in the clients'
/// order, as many at a time as are ready (`BATCH`). Stopping early leaves no file for the
/// clients after the last one reported.
pub fn export_for_clients(
    db: &Db,
    draft: &HandoutDraft,
    client_ids: &[i64],
    folder: &std::path::Path,
    mut progress: impl FnMut(&BulkProgress) -> bool,
) -> Result<BulkExport> {
    check_for_clients(draft, client_ids)?;
    let total = client_ids.len() as i64;
    let jobs = prepare_for_clients(db, draft, client_ids, folder)?;
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
                // here, and the fonts are subset once.
                let _memo = crate::pdf::remember_rendering();
                while !stop.load(Ordering::Relaxed) {
                    let i = next.fetch_add(1, Ordering::Relaxed);
                    let Some((one, _)) = jobs.get(i) else { break };
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
        let ended = write_in_order(db, &jobs, &receive, &mut progress);
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

/// Each client's handout resolved, with the file in `folder` it is written to (named after
/// her and the title; "(2)" and so on when the name is taken, in the folder or by another
/// client of the same name). The blocks are the same for every client and are resolved once,
/// unless one of them is her own protocol.
fn prepare_for_clients(
    db: &Db,
    draft: &HandoutDraft,
    client_ids: &[i64],
    folder: &std::path::Path,
) -> Result<Vec<(Prepared, std::path::PathBuf)>> {
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
    let mut taken = std::collections::HashSet::new();
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
            let one = Prepared {
                doc,
                client_id: Some(client_id),
            };
            let path = crate::files::unused_path_besides(folder, &one.file_name(), &mut taken);
            Ok((one, path))
        })
        .collect()
}

/// Writes, records and reports each rendered handout of a bulk export in her order, telling
/// `progress` after each: how many were written, and whether she stopped early. The handouts
/// rendered by then (up to `BATCH`) are written together, then recorded in one transaction
/// as each is reported; when she stops, the files after the last one reported are taken
/// away and not recorded.
fn write_in_order(
    db: &Db,
    jobs: &[(Prepared, std::path::PathBuf)],
    rendered: &mpsc::Receiver<(usize, Result<Vec<u8>>)>,
    progress: &mut impl FnMut(&BulkProgress) -> bool,
) -> Result<(i64, bool)> {
    let total = jobs.len() as i64;
    // Rendered PDFs that arrived before the ones ahead of them in her list.
    let mut waiting = BTreeMap::new();
    let mut written = 0;
    while written < jobs.len() {
        // The PDFs next in her order that are ready: at least one, waited for.
        let mut batch = Vec::new();
        let mut failed = None;
        while batch.len() < BATCH && written + batch.len() < jobs.len() {
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
        let files: Vec<(&std::path::Path, &[u8])> = jobs[written..]
            .iter()
            .zip(&batch)
            .map(|((_, path), pdf)| (path.as_path(), pdf.as_slice()))
            .collect();
        crate::files::write_all_atomic(&files)?;
        let mut conn = db.conn();
        let tx = conn.transaction()?;
        let mut stopped = false;
        for (k, (one, path)) in jobs[written..written + batch.len()].iter().enumerate() {
            if stopped {
                let _ = std::fs::remove_file(path);
                continue;
            }
            record_in(&tx, one, &file_name_of(path))?;
            let report = BulkProgress {
                done: (written + k + 1) as i64,
                total,
                client_name: one.doc.prepared_for.clone().unwrap_or_default(),
            };
            stopped = !progress(&report) && written + k + 1 < jobs.len();
            if stopped {
                written += k + 1;
            }
        }
        tx.commit()?;
        if stopped {
            return Ok((written as i64, true));
        }
        written += batch.len();
        if let Some(e) = failed {
            return Err(e);
        }
    }
    Ok((written as i64, false))
}
