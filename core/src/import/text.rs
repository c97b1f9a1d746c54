//! Plain text as copied from her blog: maybe a tagline first, a title line, paragraphs
//! separated by blank lines, short heading lines, a closing call to action.

use super::shape::{is_heading_line, sections_from, split_series, take_call_to_action, tidy};
use super::ArticleDraft;

pub fn read(content: &str, source: &str) -> ArticleDraft {
    let normalised = content.replace("\r\n", "\n").replace('\r', "\n");
    let mut blocks: Vec<String> = normalised
        .split("\n\n")
        .map(|b| b.trim().to_owned())
        .filter(|b| !b.is_empty())
        .collect();

    // A tagline or bio paragraph may come before the title line.
    let mut tagline = String::new();
    let title_at = blocks
        .iter()
        .take(3)
        .position(|b| is_heading_line(b))
        .unwrap_or(0);
    if title_at > 0 {
        tagline = blocks
            .drain(..title_at)
            .map(|b| tidy(&b))
            .collect::<Vec<_>>()
            .join(" ");
    }
    let title_line = if blocks.first().is_some_and(|b| is_heading_line(b)) {
        blocks.remove(0)
    } else {
        String::new()
    };
    let (series, title) = split_series(&title_line);

    let items = blocks
        .into_iter()
        .flat_map(|block| {
            // A block of "- item" lines is a list: one paragraph per item.
            let lines: Vec<&str> = block.lines().map(str::trim).collect();
            if lines.len() > 1 && lines.iter().all(|l| l.starts_with(['-', '*', '•'])) {
                lines
                    .into_iter()
                    .map(|l| {
                        (
                            false,
                            format!("• {}", tidy(l.trim_start_matches(['-', '*', '•']))),
                        )
                    })
                    .collect()
            } else if is_heading_line(&block) {
                vec![(true, tidy(&block))]
            } else {
                vec![(false, tidy(&block))]
            }
        })
        .collect();
    let mut draft = ArticleDraft {
        title,
        series,
        tagline,
        sections: sections_from(items),
        call_to_action: String::new(),
        tags: Vec::new(),
        source: source.to_owned(),
    };
    take_call_to_action(&mut draft);
    draft
}

#[cfg(test)]
mod tests {
    use super::*;

    const ARTICLE: &str = "Helping women with MS feel like themselves again, one meal at a time. I’m a certified coach and I write every Monday.\r\n\r\nMSMonday: Leaky Gut, What Comes First?\r\n\r\nIt’s a question I hear on almost every call: “Did my gut start this, or did MS?”\r\n\r\nWhat the lining does\r\n\r\nThe gut lining is one cell thick — thinner than you’d think.\r\nIt decides what gets in.\r\n\r\nWhere to begin\r\n\r\n- Bone broth\r\n- Cooked greens\r\n- Rest\r\n\r\nIf this sounds like you, book a Free Consult Call and we’ll talk it through.\r\n";

    #[test]
    fn a_blog_article_in_plain_text_is_understood() {
        let d = read(ARTICLE, "leaky-gut.txt");
        assert!(d.tagline.starts_with("Helping women with MS"));
        assert_eq!(d.series, "MSMonday");
        assert_eq!(d.title, "Leaky Gut, What Comes First?");
        assert_eq!(d.sections.len(), 3);
        assert_eq!(d.sections[0].heading, "");
        assert_eq!(
            d.sections[0].paragraphs[0],
            "It’s a question I hear on almost every call: “Did my gut start this, or did MS?”"
        );
        assert_eq!(d.sections[1].heading, "What the lining does");
        assert_eq!(
            d.sections[1].paragraphs[0],
            "The gut lining is one cell thick — thinner than you’d think. It decides what gets in."
        );
        assert_eq!(d.sections[2].heading, "Where to begin");
        assert_eq!(
            d.sections[2].paragraphs,
            ["• Bone broth", "• Cooked greens", "• Rest"]
        );
        assert!(d.call_to_action.contains("Free Consult Call"));
    }
}
