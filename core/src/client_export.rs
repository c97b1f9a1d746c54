//! Everything CoachDesk holds about one client, for her (a client asking for all that is kept
//! about her): one ZIP with a README, her record and each area as JSON, her check-ins as CSV,
//! the files attached to her lab results, every handout she was given (PDF, from the snapshot
//! taken when it was given) and the client summary PDF.

use std::path::Path;

use chrono::Utc;
use serde::Serialize;
use ts_rs::TS;

use crate::db::Db;
use crate::error::{Error, Result};
use crate::files::safe_file_name;

/// What went into an export.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ClientExport {
    pub path: String,
    /// The files inside, in order.
    pub files: Vec<String>,
}

const README: &str = "Everything CoachDesk keeps about this client, exported on {date}.

client.json          her record: contact details, MS details, goals, tags and notes
consults.json        every consult, with its notes section by section
follow-ups.json      follow-up tasks
protocols.json       her protocols, with their phases, items and dated history
reintroductions.json the foods she reintroduced: status per food and the dated log
check-ins.csv        her symptom check-ins (one row a day, one column a symptom)
check-ins.json       the same check-ins, with their notes
labs.json            lab results; the attached files are in labs/
timeline.json        everything that happened with her, in order
handouts/            the handouts she was given, as they were printed
summary.pdf          the printable client summary

JSON files are UTF-8; dates are YYYY-MM-DD and times UTC (RFC 3339).
";

fn json<T: Serialize>(value: &T) -> Result<Vec<u8>> {
    serde_json::to_vec_pretty(value).map_err(|e| {
        Error::io(
            "Her data could not be written out",
            std::io::Error::other(e),
        )
    })
}

/// The suggested file name: "Renée Côté – her data, 2026-12-01.zip".
pub fn file_name(db: &Db, client_id: i64) -> Result<String> {
    let client = crate::clients::get(db, client_id)?;
    Ok(format!(
        "{} – her data, {}.zip",
        safe_file_name(&client.name),
        Utc::now().format("%Y-%m-%d")
    ))
}

/// Writes everything kept about the client to a ZIP at `path` (through a partial file and a
/// rename, so a half-written export is never left under her name).
pub fn export(db: &Db, client_id: i64, path: &Path) -> Result<ClientExport> {
    let client = crate::clients::get(db, client_id)?;
    let mut parts: Vec<(String, Vec<u8>)> = Vec::new();
    parts.push((
        "README.txt".into(),
        README
            .replace("{date}", &Utc::now().format("%Y-%m-%d").to_string())
            .into_bytes(),
    ));
    parts.push(("client.json".into(), json(&client)?));
    let consults = crate::consults::for_client(db, client_id)?
        .into_iter()
        .map(|c| crate::consults::get(db, c.id))
        .collect::<Result<Vec<_>>>()?;
    parts.push(("consults.json".into(), json(&consults)?));
    parts.push((
        "follow-ups.json".into(),
        json(&crate::follow_ups::for_client(db, client_id)?)?,
    ));
    parts.push((
        "protocols.json".into(),
        json(&crate::protocols::for_client(db, client_id)?)?,
    ));
    parts.push((
        "reintroductions.json".into(),
        json(&crate::reintro::for_client(db, client_id)?)?,
    ));
    parts.push((
        "check-ins.csv".into(),
        crate::checkins::csv(db, client_id)?.into_bytes(),
    ));
    parts.push((
        "check-ins.json".into(),
        json(&crate::checkins::for_client(db, client_id)?)?,
    ));
    let labs = crate::labs::for_client(db, client_id)?;
    parts.push(("labs.json".into(), json(&labs)?));
    for lab in &labs {
        for file in &lab.files {
            if let Some(bytes) = crate::labs::file_content(db, file.id)? {
                parts.push((
                    format!("labs/{}-{}", file.id, safe_file_name(&file.original_name)),
                    bytes,
                ));
            }
        }
    }
    parts.push((
        "timeline.json".into(),
        json(&crate::timeline::for_client(db, client_id)?)?,
    ));
    for given in crate::handouts::for_client(db, client_id)? {
        parts.push((
            format!("handouts/{}-{}", given.id, safe_file_name(&given.file_name)),
            crate::handouts::render_given(db, given.id)?,
        ));
    }
    let summary = crate::summary::get(db, client_id)?;
    parts.push((
        "summary.pdf".into(),
        crate::documents::render(db, &summary, Utc::now())?,
    ));

    let shown = path.display().to_string();
    crate::files::write_zip(path, |zip| {
        parts
            .iter()
            .try_for_each(|(name, bytes)| zip.add(name, bytes))
    })?;
    Ok(ClientExport {
        path: shown,
        files: parts.into_iter().map(|(name, _)| name).collect(),
    })
}
