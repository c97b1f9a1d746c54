//! Plain text as it really comes: copied from her blog (a tagline, a title line, headings
//! between blank lines, one paragraph per line, often with no blank line between paragraphs,
//! a closing call to action) or hard-wrapped at ~70 characters (e-mail). Each block between
//! blank lines is read on its own, so one article may mix both shapes.

use super::shape::{
    is_call_to_action, is_heading_line, sections_from, split_series, take_call_to_action, tidy,
};
use super::ArticleDraft;

/// Longer lines than this were not wrapped by a mail program or an editor.
const WRAP_LIMIT: usize = 100;

pub fn read(content: &str, source: &str) -> ArticleDraft {
    let normalised = content.replace("\r\n", "\n").replace('\r', "\n");
    let mut units: Vec<Unit> = blocks(&normalised)
        .iter()
        .flat_map(|b| units_of(b))
        .collect();

    // A tagline or bio may come before the title line.
    let mut tagline = String::new();
    let title_at = units
        .iter()
        .take(3)
        .position(|u| u.kind == Kind::Heading)
        .unwrap_or(0);
    if title_at > 0 {
        tagline = units
            .drain(..title_at)
            .map(|u| u.text)
            .collect::<Vec<_>>()
            .join(" ");
    }
    let title_line = if units.first().is_some_and(|u| u.kind == Kind::Heading) {
        units.remove(0).text
    } else {
        String::new()
    };
    let (series, title) = split_series(&title_line);
    let items = units
        .into_iter()
        .map(|u| match u.kind {
            Kind::Heading => (true, u.text),
            Kind::Paragraph => (false, u.text),
            Kind::Item => (false, format!("• {}", u.text)),
        })
        .collect();
    let mut draft = ArticleDraft {
        title,
        series,
        tagline,
        sections: sections_from(items),
        source: source.to_owned(),
        ..ArticleDraft::default()
    };
    take_call_to_action(&mut draft);
    draft
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Kind {
    Heading,
    Paragraph,
    Item,
}

#[derive(Debug)]
struct Unit {
    kind: Kind,
    text: String,
}

/// The blocks between blank lines, each as its lines with trailing space removed.
fn blocks(text: &str) -> Vec<Vec<&str>> {
    let mut out: Vec<Vec<&str>> = Vec::new();
    let mut current: Vec<&str> = Vec::new();
    for line in text.lines() {
        if line.trim().is_empty() {
            if !current.is_empty() {
                out.push(std::mem::take(&mut current));
            }
        } else {
            current.push(line.trim_end());
        }
    }
    if !current.is_empty() {
        out.push(current);
    }
    out
}

/// "- item", "* item" or "• item": the item's text.
fn bullet(line: &str) -> Option<&str> {
    let line = line.trim_start();
    let rest = line
        .strip_prefix("- ")
        .or_else(|| line.strip_prefix("* "))
        .or_else(|| line.strip_prefix('•'))?;
    Some(rest.trim())
}

fn ends_sentence(line: &str) -> bool {
    line.trim_end()
        .trim_end_matches(['"', '\'', '”', '’', ')', '*', '_'])
        .ends_with(['.', '!', '?', ':', '…'])
}

/// A break after `line` is a wrap (not a new paragraph) when the next line's first word would
/// not have fitted on it within `width`: what a mail program or editor does when it wraps.
fn wrapped_before(line: &str, next: &str, width: usize) -> bool {
    let first_word = next.split_whitespace().next().unwrap_or("");
    line.chars().count() + 1 + first_word.chars().count() > width
}

/// A block is hard-wrapped when its lines are short, most breaks fall where the next word
/// would not fit, and at least one falls inside a sentence. Text copied from a web page keeps
/// one paragraph per line instead: long lines, or short ones that each end a sentence.
fn is_hard_wrapped(lines: &[&str]) -> bool {
    if lines.len() < 2 {
        return false;
    }
    let width = lines.iter().map(|l| l.chars().count()).max().unwrap_or(0);
    if width > WRAP_LIMIT {
        return false;
    }
    let breaks = lines.len() - 1;
    let wraps = lines
        .windows(2)
        .filter(|w| wrapped_before(w[0], w[1], width))
        .count();
    let mid_sentence = lines
        .windows(2)
        .any(|w| wrapped_before(w[0], w[1], width) && !ends_sentence(w[0]));
    mid_sentence && wraps * 2 >= breaks
}

fn units_of(lines: &[&str]) -> Vec<Unit> {
    if lines.len() == 1 && is_heading_line(lines[0]) && bullet(lines[0]).is_none() {
        return vec![Unit {
            kind: Kind::Heading,
            text: tidy(lines[0]),
        }];
    }
    let hard_wrapped = is_hard_wrapped(lines);
    let width = lines.iter().map(|l| l.chars().count()).max().unwrap_or(0);
    let mut out: Vec<Unit> = Vec::new();
    for (i, line) in lines.iter().enumerate() {
        let previous = i.checked_sub(1).map(|p| lines[p]);
        if let Some(item) = bullet(line) {
            out.push(Unit {
                kind: Kind::Item,
                text: tidy(item),
            });
            continue;
        }
        let continues = previous.is_some_and(|prev| {
            let rest = lines[i..].join(" ");
            let starts_closing = i + 1 == lines.len() || is_call_to_action(&rest);
            let indented_item = bullet(prev).is_some() && line.starts_with([' ', '\t']);
            indented_item
                || (hard_wrapped
                    && wrapped_before(prev, line, width)
                    && !(ends_sentence(prev) && starts_closing && is_call_to_action(&rest)))
        });
        match out.last_mut() {
            Some(last) if continues => {
                last.text.push(' ');
                last.text.push_str(&tidy(line));
            }
            _ => {
                // In text copied from a web page, a short first line with no full stop is a
                // heading even when no blank line follows it.
                let heading = i == 0
                    && !hard_wrapped
                    && lines.len() > 1
                    && is_heading_line(line)
                    && !line.trim_end().ends_with(':')
                    && line.split_whitespace().count() <= 10
                    && bullet(lines[1]).is_none()
                    && lines[1].chars().count() > line.chars().count();
                out.push(Unit {
                    kind: if heading {
                        Kind::Heading
                    } else {
                        Kind::Paragraph
                    },
                    text: tidy(line),
                });
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Copied from a blog: tagline, title line, headings between blank lines, one paragraph per
    /// line, the call to action as the last line of the last block.
    const BLOG: &str = "Helping women with MS feel like themselves again, one meal at a time. I’m a certified coach and I write every Monday.\r\n\r\nMSMonday: Leaky Gut, What Comes First?\r\n\r\nIt’s a question I hear on almost every call: “Did my gut start this, or did MS?” The honest answer is that nobody knows yet, and that is fine.\r\nWhat we do know is that the lining of the gut and the brain talk to each other all day long.\r\nSo let’s start where you can make a difference this week.\r\n\r\nWhat the lining does\r\n\r\nThe gut lining is one cell thick — thinner than you’d think.\r\nIt decides what gets in.\r\n\r\nWhere to begin\r\n\r\n- Bone broth\r\n- Cooked greens\r\n- Rest\r\n\r\nStart with one of these and notice how you feel after a week or two.\r\nIf you’re interested in learning more, book a Free Consult Call with me.\r\n";

    #[test]
    fn a_blog_article_keeps_one_paragraph_per_line() {
        let d = read(BLOG, "leaky-gut.txt");
        assert!(d.tagline.starts_with("Helping women with MS"));
        assert_eq!(d.series, "MSMonday");
        assert_eq!(d.title, "Leaky Gut, What Comes First?");
        assert_eq!(d.sections.len(), 3);
        assert_eq!(d.sections[0].heading, "");
        assert_eq!(d.sections[0].paragraphs.len(), 3);
        assert!(d.sections[0].paragraphs[1].starts_with("What we do know"));
        assert_eq!(d.sections[1].heading, "What the lining does");
        assert_eq!(
            d.sections[1].paragraphs,
            [
                "The gut lining is one cell thick — thinner than you’d think.",
                "It decides what gets in."
            ]
        );
        assert_eq!(d.sections[2].heading, "Where to begin");
        assert_eq!(
            d.sections[2].paragraphs,
            [
                "• Bone broth",
                "• Cooked greens",
                "• Rest",
                "Start with one of these and notice how you feel after a week or two."
            ]
        );
        assert_eq!(
            d.call_to_action,
            "If you’re interested in learning more, book a Free Consult Call with me."
        );
    }

    #[test]
    fn a_heading_with_no_blank_line_after_it_is_still_a_heading() {
        let text = "Sleep and MS\n\nWhy sleep matters\nSleep is when the brain clears itself, and most of us do not get enough of it.\nTwo small changes help most.\n";
        let d = read(text, "sleep.txt");
        assert_eq!(d.title, "Sleep and MS");
        assert_eq!(d.sections[0].heading, "Why sleep matters");
        assert_eq!(d.sections[0].paragraphs.len(), 2);
    }

    /// Hard-wrapped at 72 columns, as from an e-mail; Unix line ends.
    const EMAIL: &str = "Gut healing, week one\n\nThis week we start gently. The first thing I would like you to try is a\ncup of bone broth each morning, before coffee, for five days in a row.\nNotice how your energy feels by the afternoon, and write it down in the\nlittle notebook we talked about.\n\nWhat to leave out\n\n- Gluten, for now\n- Refined sugar, which feeds the wrong\n  bacteria in the gut\n\nIf any of this feels like too much at once, reply and we will slow it\ndown together. You are doing better than you think you are.\nWhen you are ready for the next step, book a Free Consult Call.\n";

    #[test]
    fn hard_wrapped_text_is_joined_into_paragraphs() {
        let d = read(EMAIL, "email.txt");
        assert_eq!(d.title, "Gut healing, week one");
        assert_eq!(d.sections[0].paragraphs.len(), 1, "{:?}", d.sections[0]);
        assert!(d.sections[0].paragraphs[0].starts_with("This week we start gently."));
        assert!(d.sections[0].paragraphs[0].ends_with("talked about."));
        assert_eq!(d.sections[1].heading, "What to leave out");
        assert_eq!(
            &d.sections[1].paragraphs[..2],
            [
                "• Gluten, for now",
                "• Refined sugar, which feeds the wrong bacteria in the gut"
            ]
        );
        assert_eq!(
            d.sections[1].paragraphs[2],
            "If any of this feels like too much at once, reply and we will slow it down \
             together. You are doing better than you think you are."
        );
        assert_eq!(
            d.call_to_action,
            "When you are ready for the next step, book a Free Consult Call."
        );
    }

    #[test]
    fn crlf_and_lf_read_the_same() {
        let unix = BLOG.replace("\r\n", "\n");
        let old_mac = BLOG.replace("\r\n", "\r");
        assert_eq!(read(BLOG, "a"), read(&unix, "a"));
        assert_eq!(read(BLOG, "a"), read(&old_mac, "a"));
        assert_eq!(read(EMAIL, "a"), read(&EMAIL.replace('\n', "\r\n"), "a"));
    }

    #[test]
    fn blank_lines_between_paragraphs_still_work() {
        let text = "Title here\n\nFirst paragraph, which is long enough to be a paragraph.\n\nSecond paragraph.\n";
        let d = read(text, "t.txt");
        assert_eq!(d.title, "Title here");
        assert_eq!(d.sections[0].paragraphs.len(), 2);
    }
}
