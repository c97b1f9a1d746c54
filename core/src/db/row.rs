//! Reading a row into a struct by its columns' names, and the one row a statement reads or
//! changes.

use rusqlite::{Connection, OptionalExtension, Params, Row};

use crate::error::{Error, Result};

/// `Type { a, b, c: value }` from a row whose columns are named as the fields: a field written
/// alone is read from the column of its name, a `field: value` is given. A field whose column
/// has another name is read through an `AS` in the SQL. Inside a closure that returns
/// `rusqlite::Result` (a missing or mistyped column is its error).
macro_rules! from_row {
    ($row:ident => $ty:ident { $($field:ident $(: $value:expr)?),* $(,)? }) => {
        $ty { $($field: $crate::db::row::from_row!(@field $row, $field $(, $value)?)),* }
    };
    (@field $row:ident, $field:ident) => {
        $row.get(stringify!($field))?
    };
    (@field $row:ident, $field:ident, $value:expr) => {
        $value
    };
}
pub(crate) use from_row;

/// The value kept as JSON in the column `name`.
pub(crate) fn json<T: serde::de::DeserializeOwned>(
    row: &Row<'_>,
    name: &str,
) -> rusqlite::Result<T> {
    let text: String = row.get(name)?;
    serde_json::from_str(&text).map_err(|e| not_ours(row, name, e.into()))
}

/// The text in the column `name`, read by `parse`; `what` names it in the error when it is not
/// a value CoachDesk writes.
pub(crate) fn parsed<T>(
    row: &Row<'_>,
    name: &str,
    what: &str,
    parse: impl FnOnce(&str) -> Option<T>,
) -> rusqlite::Result<T> {
    let text: String = row.get(name)?;
    parse(&text).ok_or_else(|| not_ours(row, name, format!("unknown {what} {text:?}").into()))
}

fn not_ours(
    row: &Row<'_>,
    name: &str,
    error: Box<dyn std::error::Error + Send + Sync>,
) -> rusqlite::Error {
    let idx = row.as_ref().column_index(name).unwrap_or_default();
    rusqlite::Error::FromSqlConversionFailure(idx, rusqlite::types::Type::Text, error)
}

/// The one row `sql` finds, read by `read`, or `NotFound { what }` ("That lab result") when
/// there is none.
pub(crate) fn one<T>(
    conn: &Connection,
    what: &'static str,
    sql: &str,
    params: impl Params,
    read: impl FnOnce(&Row<'_>) -> rusqlite::Result<T>,
) -> Result<T> {
    conn.query_row(sql, params, read)
        .optional()?
        .ok_or(Error::NotFound { what })
}

/// Every row `sql` finds, read by `read`, in the order it gives them (into a `Vec`, a map or
/// a set). The statement is cached on the connection.
pub(crate) fn all<T, C: FromIterator<T>>(
    conn: &Connection,
    sql: &str,
    params: impl Params,
    read: impl FnMut(&Row<'_>) -> rusqlite::Result<T>,
) -> Result<C> {
    let mut stmt = conn.prepare_cached(sql)?;
    let rows = stmt.query_map(params, read)?;
    Ok(rows.collect::<rusqlite::Result<C>>()?)
}

/// Runs `sql`, an UPDATE or DELETE of one row; `NotFound { what }` when it found none.
pub(crate) fn change_one(
    conn: &Connection,
    what: &'static str,
    sql: &str,
    params: impl Params,
) -> Result<()> {
    match conn.execute(sql, params)? {
        0 => Err(Error::NotFound { what }),
        _ => Ok(()),
    }
}
