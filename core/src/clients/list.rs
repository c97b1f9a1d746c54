//! The client list: search as you type, filters, sorts and pages, and the short summaries
//! other screens (the dashboard, the pipeline) show.

use rusqlite::{Connection, ToSql};

use super::{
    status_at, ClientPage, ClientQuery, ClientSort, ClientStatus, ClientSummary, StatusCount,
};
use crate::db::row::{self, from_row};
use crate::db::Db;
use crate::error::Result;
use crate::text::fold;

const MAX_PAGE: i64 = 500;

/// Lists clients for the list screen: search-as-you-type over name, preferred name, email and
/// tags (ignoring case and accents), a status filter, current or archived, sorted, paged.
pub fn list(db: &Db, query: &ClientQuery) -> Result<ClientPage> {
    let conn = db.conn();
    let needle = fold(query.search.trim());
    // The SQL is assembled from fixed pieces (never from the coach's text, which is bound), so
    // that SQLite can use the partial indexes for the archived/current split and the order.
    let mut filter = String::from(if query.archived {
        "archived_at IS NOT NULL"
    } else {
        "archived_at IS NULL"
    });
    let mut args: Vec<&dyn ToSql> = Vec::new();
    let (holds, pattern) = key_holds(&needle);
    if !needle.is_empty() {
        filter.push_str(" AND ");
        filter.push_str(holds);
        args.push(&pattern);
    }

    let mut status_counts: Vec<StatusCount> = row::all(
        &conn,
        &format!("SELECT status, count(*) AS count FROM clients WHERE {filter} GROUP BY status"),
        args.as_slice(),
        |row| Ok(from_row!(row => StatusCount { status: status_at(row, "status")?, count })),
    )?;
    status_counts.sort_by_key(|c| ClientStatus::ALL.iter().position(|s| *s == c.status));
    let total = status_counts
        .iter()
        .filter(|c| query.status.is_none_or(|s| s == c.status))
        .map(|c| c.count)
        .sum();

    let status = query.status.map(ClientStatus::as_str);
    if let Some(status) = &status {
        filter.push_str(" AND status = ?");
        args.push(status);
    }
    let order = match query.sort {
        ClientSort::Name => "c.sort_name, c.id",
        ClientSort::Recent => "c.updated_at DESC, c.id DESC",
        ClientSort::Created => "c.id DESC",
    };
    let page = (query.limit.clamp(1, MAX_PAGE), query.offset.max(0));
    let clients = summaries_where(&conn, &filter, &args, order, page)?;
    Ok(ClientPage {
        clients,
        total,
        status_counts,
    })
}

/// The first `limit` current clients whose name, preferred name, email or tags contain `text`
/// (ignoring case and accents), by name: what search shows as she types, without the counts by
/// status the list screen also needs (one pass over the clients instead of two).
///
/// Text of three characters or more is looked up in the trigram index of the keys
/// (`client_keys`, migration 12) first: when it lists few clients (a name, an email), only they
/// are read. When it lists many, or the text is shorter, the current clients are tested in name
/// order, which finds the first ones at once when so many match.
pub fn matching(db: &Db, text: &str, limit: i64) -> Result<Vec<ClientSummary>> {
    matching_in(&db.conn(), text, limit)
}

/// `matching` on a connection already taken (search reads everything in one transaction).
pub(crate) fn matching_in(conn: &Connection, text: &str, limit: i64) -> Result<Vec<ClientSummary>> {
    /// Up to this many clients holding the text are read and sorted by name.
    const FEW: usize = 256;
    let needle = fold(text.trim());
    if needle.is_empty() {
        return Ok(Vec::new());
    }
    let page = (limit.clamp(1, MAX_PAGE), 0);
    // (A control character, NUL above all, cannot be part of an FTS5 string: such text is
    // tested in name order.)
    if needle.chars().count() >= 3 && !needle.chars().any(char::is_control) {
        // One quoted phrase of trigrams: the key holds the text as typed (a `"` doubled).
        let phrase = format!("\"{}\"", needle.replace('"', "\"\""));
        // (The limit is written into the SQL: bound as a parameter, FTS5 is handed it and the
        // statement is prepared again at every run.)
        let ids: Vec<i64> = row::all(
            conn,
            &format!(
                "SELECT rowid FROM client_keys WHERE client_keys MATCH ?1 LIMIT {}",
                FEW + 1
            ),
            [&phrase],
            |r| r.get(0),
        )?;
        if ids.is_empty() {
            return Ok(Vec::new());
        }
        if ids.len() <= FEW {
            // The first ones by name are chosen before their tags are read.
            let ids = serde_json::to_string(&ids).unwrap_or_else(|_| "[]".to_owned());
            return summaries_where(
                conn,
                "c.id IN (SELECT k.id FROM clients k WHERE k.id IN (SELECT value FROM json_each(?))
                    AND k.archived_at IS NULL AND instr(k.search_key, ?) > 0
                    ORDER BY k.sort_name, k.id LIMIT ?)",
                &[&ids, &needle, &page.0],
                "c.sort_name, c.id",
                page,
            );
        }
    }
    let (holds, pattern) = key_holds(&needle);
    summaries_where(
        conn,
        &format!("archived_at IS NULL AND {holds}"),
        &[&pattern],
        "c.sort_name, c.id",
        page,
    )
}

/// The condition that a client's folded key (`search_key`) holds `needle` as it is, and the
/// value to bind to its `?`. GLOB `*needle*` reads a key in about 60 % of the time instr()
/// takes, which counts when every client is read (text under three characters: 10,000 keys).
/// Text holding a GLOB wildcard (`*`, `?`, `[`) or a NUL (which ends a pattern) is tested with
/// instr(): bracketing the wildcards would make GLOB try every position, slower than instr.
fn key_holds(needle: &str) -> (&'static str, String) {
    if needle.contains(['*', '?', '[', '\0']) {
        ("instr(search_key, ?) > 0", needle.to_owned())
    } else {
        ("search_key GLOB ?", format!("*{needle}*"))
    }
}

/// List rows for clients matching `condition` (SQL over `clients c`, with `?` bound to
/// `args`), in `order`, one page of (limit, offset).
pub(crate) fn summaries_where(
    conn: &Connection,
    condition: &str,
    args: &[&dyn ToSql],
    order: &str,
    (limit, offset): (i64, i64),
) -> Result<Vec<ClientSummary>> {
    row::all(
        conn,
        &format!(
            "SELECT c.id, c.name, c.preferred_name, c.email, c.status, c.archived_at, c.updated_at,
            (SELECT group_concat(tag, char(31)) FROM
                (SELECT tag FROM client_tags t WHERE t.client_id = c.id ORDER BY position)) AS tags
         FROM clients c WHERE {condition} ORDER BY {order} LIMIT {limit} OFFSET {offset}"
        ),
        args,
        |row| {
            let tags: Option<String> = row.get("tags")?;
            Ok(from_row!(row => ClientSummary {
                id,
                name,
                preferred_name,
                email,
                status: status_at(row, "status")?,
                archived_at,
                updated_at,
                tags: tags
                    .map(|t| t.split('\u{1f}').map(str::to_owned).collect())
                    .unwrap_or_default(),
            }))
        },
    )
}
