//! The snapshot a given handout keeps, with a type of its own: the document's text as it was
//! printed (title, for whom, date, blocks). It is stored JSON, read back years later, so it
//! never follows the UI's types (`documents::Printable`): renaming a field for a screen
//! cannot break re-exporting an old handout. A new shape gets a new `format` number and this
//! module reads every earlier one.
//!
//! Format 1 is the JSON CoachDesk has written since handouts were first given (snapshots
//! from before the `format` field was added are format 1 too);
//! tests/integration/snapshots/handout_snapshot_v1.json is one, frozen.

use serde::{Deserialize, Serialize};

use crate::documents::{Printable, ResolvedBlock};
use crate::error::{Error, Result};

/// The newest format this version writes and reads.
const FORMAT: u32 = 1;

fn first_format() -> u32 {
    1
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
struct Snapshot {
    #[serde(default = "first_format")]
    format: u32,
    title: String,
    prepared_for: Option<String>,
    date_label: String,
    blocks: Vec<Block>,
    #[serde(default)]
    unprintable: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(
    tag = "kind",
    rename_all = "snake_case",
    rename_all_fields = "camelCase"
)]
enum Block {
    Heading {
        text: String,
    },
    Paragraph {
        text: String,
    },
    Bullets {
        items: Vec<String>,
    },
    Checklist {
        title: String,
        items: Vec<String>,
    },
    CallToAction {
        text: String,
        label: String,
        url: String,
    },
    Disclaimer {
        text: String,
    },
    Columns {
        left_title: String,
        left: Vec<String>,
        right_title: String,
        right: Vec<String>,
    },
}

/// Today's blocks and the stored ones, variant by variant and field by field, each way (a
/// field named otherwise on one side would be mapped by hand here).
macro_rules! same_blocks {
    ($a:ident, $b:ident: $($variant:ident { $($field:ident),* }),* $(,)?) => {
        same_blocks!(@from $a => $b: $($variant { $($field),* }),*);
        same_blocks!(@from $b => $a: $($variant { $($field),* }),*);
    };
    (@from $from:ident => $to:ident: $($variant:ident { $($field:ident),* }),*) => {
        impl From<$from> for $to {
            fn from(block: $from) -> Self {
                match block {
                    $($from::$variant { $($field),* } => $to::$variant { $($field),* },)*
                }
            }
        }
    };
}

same_blocks! {
    ResolvedBlock, Block:
    Heading { text },
    Paragraph { text },
    Bullets { items },
    Checklist { title, items },
    CallToAction { text, label, url },
    Disclaimer { text },
    Columns { left_title, left, right_title, right },
}

/// The JSON kept for a handout given to a client.
pub(crate) fn write(doc: &Printable) -> Result<String> {
    let blocks = doc.blocks.iter().cloned().map(Block::from).collect();
    let snapshot = Snapshot {
        format: FORMAT,
        title: doc.title.clone(),
        prepared_for: doc.prepared_for.clone(),
        date_label: doc.date_label.clone(),
        blocks,
        unprintable: doc.unprintable.clone(),
    };
    serde_json::to_string(&snapshot)
        .map_err(|e| Error::Internal(format!("The handout could not be recorded: {e}")))
}

/// The document a stored snapshot holds, to print again.
pub(crate) fn read(json: &str) -> Result<Printable> {
    let unreadable =
        |why: String| Error::Unreadable(format!("The saved handout could not be read: {why}"));
    let snapshot: Snapshot = serde_json::from_str(json).map_err(|e| unreadable(e.to_string()))?;
    if snapshot.format > FORMAT {
        return Err(unreadable(format!(
            "it was saved by a newer CoachDesk (format {}). Please update CoachDesk",
            snapshot.format
        )));
    }
    let blocks = snapshot
        .blocks
        .into_iter()
        .map(ResolvedBlock::from)
        .collect();
    Ok(Printable {
        title: snapshot.title,
        prepared_for: snapshot.prepared_for,
        date_label: snapshot.date_label,
        blocks,
        unprintable: snapshot.unprintable,
        coach_only: false,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_snapshot_reads_back_as_the_document_it_was_written_from() {
        let doc = Printable {
            title: "Broth for Zoë 🌿".into(),
            prepared_for: Some("Zoë".into()),
            date_label: "2 December 2026".into(),
            blocks: vec![
                ResolvedBlock::Heading { text: "Why".into() },
                ResolvedBlock::Columns {
                    left_title: "Enjoy".into(),
                    left: vec!["Broth".into()],
                    right_title: "Avoid".into(),
                    right: vec!["Gluten".into()],
                },
            ],
            unprintable: vec![],
            coach_only: false,
        };
        let json = write(&doc).unwrap();
        assert!(json.starts_with(r#"{"format":1,"#), "{json}");
        assert_eq!(read(&json).unwrap(), doc);
    }

    #[test]
    fn a_snapshot_from_a_newer_coachdesk_is_told_not_misread() {
        let json = r#"{"format":2,"title":"T","preparedFor":null,"dateLabel":"d","blocks":[]}"#;
        let Err(Error::Unreadable(message)) = read(json) else {
            panic!("should be refused")
        };
        assert!(message.contains("newer CoachDesk"), "{message}");
    }
}
