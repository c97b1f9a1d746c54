//! What the coach's articles look like, shared by every format: a series prefix on the title
//! ("MSMonday: …"), headings as short lines without a final full stop, and a closing call to
//! action.

use super::{ArticleDraft, DraftNote, DraftSection};

/// Splits "MSMonday: Leaky Gut, What Comes First?" into ("MSMonday", "Leaky Gut, What …").
pub fn split_series(title: &str) -> (String, String) {
    let title = title.trim();
    if let Some((prefix, rest)) = title.split_once(':') {
        let prefix = prefix.trim().trim_start_matches('#');
        let rest = rest.trim();
        let one_word = !prefix.is_empty()
            && prefix.chars().count() <= 30
            && prefix
                .chars()
                .all(|c| c.is_alphanumeric() || c == '-' || c == '_');
        if one_word && !rest.is_empty() {
            return (prefix.to_owned(), rest.to_owned());
        }
    }
    (String::new(), title.to_owned())
}

/// A line that reads as a heading: short, one line, no final sentence punctuation.
pub fn is_heading_line(block: &str) -> bool {
    let block = block.trim();
    !block.is_empty()
        && !block.contains('\n')
        && block.chars().count() <= 90
        && block.split_whitespace().count() <= 12
        && !block.ends_with(['.', ',', ';', '!'])
        && !block.starts_with(['•', '-', '*'])
}

/// True for the closing invitation to book a call.
pub fn is_call_to_action(paragraph: &str) -> bool {
    let p = crate::text::fold(paragraph);
    p.chars().count() <= 600
        && (p.contains("consult call")
            || p.contains("book a call")
            || p.contains("book your")
            || p.contains("book a free")
            || p.contains("schedule a call"))
}

/// Moves a trailing call to action out of the sections.
pub fn take_call_to_action(draft: &mut ArticleDraft) {
    let Some(last) = draft.sections.last_mut() else {
        return;
    };
    if let Some(p) = last.paragraphs.last() {
        if is_call_to_action(p) {
            draft.call_to_action = last.paragraphs.pop().unwrap_or_default();
        }
    }
    if draft
        .sections
        .last()
        .is_some_and(|s| s.paragraphs.is_empty() && s.heading.is_empty())
    {
        draft.sections.pop();
    }
}

/// Builds sections from a flat list of blocks, each a heading or a paragraph.
pub fn sections_from(blocks: Vec<(bool, String)>) -> Vec<DraftSection> {
    let mut sections: Vec<DraftSection> = Vec::new();
    for (heading, text) in blocks {
        if heading {
            sections.push(DraftSection {
                heading: text,
                paragraphs: Vec::new(),
            });
        } else {
            match sections.last_mut() {
                Some(section) => section.paragraphs.push(text),
                None => sections.push(DraftSection {
                    heading: String::new(),
                    paragraphs: vec![text],
                }),
            }
        }
    }
    sections.retain(|s| !s.paragraphs.is_empty() || !s.heading.is_empty());
    sections
}

/// Collapses runs of white space inside a paragraph.
pub fn tidy(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// A note saying how many images were left out (none when there were none).
pub fn images_left_out(images: usize) -> Vec<DraftNote> {
    match images {
        0 => Vec::new(),
        1 => vec![DraftNote::left_out("1 image was left out.")],
        n => vec![DraftNote::left_out(format!("{n} images were left out."))],
    }
}

/// A title for an untitled post: its first words, else its date.
pub fn proposed_title(sections: &[DraftSection], published: &str) -> String {
    let first = sections
        .iter()
        .flat_map(|s| std::iter::once(&s.heading).chain(&s.paragraphs))
        .find(|t| !t.trim().is_empty());
    if let Some(text) = first {
        let plain: String = text
            .trim_start_matches("• ")
            .chars()
            .filter(|c| *c != '*')
            .collect();
        let words: Vec<&str> = plain.split_whitespace().take(8).collect();
        let mut title = words.join(" ");
        if title.chars().count() > 80 {
            title = title.chars().take(80).collect();
        }
        let title = title.trim_end_matches([',', ';', ':', '.', ' ', '-', '–', '—']);
        let more = plain.split_whitespace().count() > words.len();
        if !title.is_empty() {
            return if more {
                format!("{title}…")
            } else {
                title.to_owned()
            };
        }
    }
    if published.is_empty() {
        "Untitled post".to_owned()
    } else {
        format!("Post of {published}")
    }
}
