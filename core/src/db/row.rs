//! Reading a row into a struct by its columns' names.

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
    row: &rusqlite::Row<'_>,
    name: &str,
) -> rusqlite::Result<T> {
    let text: String = row.get(name)?;
    serde_json::from_str(&text).map_err(|e| not_ours(row, name, e.into()))
}

/// The text in the column `name`, read by `parse`; `what` names it in the error when it is not
/// a value CoachDesk writes.
pub(crate) fn parsed<T>(
    row: &rusqlite::Row<'_>,
    name: &str,
    what: &str,
    parse: impl FnOnce(&str) -> Option<T>,
) -> rusqlite::Result<T> {
    let text: String = row.get(name)?;
    parse(&text).ok_or_else(|| not_ours(row, name, format!("unknown {what} {text:?}").into()))
}

fn not_ours(
    row: &rusqlite::Row<'_>,
    name: &str,
    error: Box<dyn std::error::Error + Send + Sync>,
) -> rusqlite::Error {
    let idx = row.as_ref().column_index(name).unwrap_or_default();
    rusqlite::Error::FromSqlConversionFailure(idx, rusqlite::types::Type::Text, error)
}
