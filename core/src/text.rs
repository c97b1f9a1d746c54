//! Text folding for search and sorting: "Renée Côté" is found by "renee cote" and sorts by it;
//! typographic quotes for what handouts print.

use unicode_normalization::{char::is_combining_mark, UnicodeNormalization};

/// Lower-cases `s` and strips accents, so comparisons ignore case and diacritics.
pub fn fold(s: &str) -> String {
    // Plain ASCII has nothing to decompose or strip (and search folds every line it reads).
    if s.is_ascii() {
        return s.to_ascii_lowercase();
    }
    fold_unicode(s)
}

fn fold_unicode(s: &str) -> String {
    s.nfkd()
        .filter(|c| !is_combining_mark(*c))
        .flat_map(char::to_lowercase)
        .collect()
}

/// The folded words of a text, in order (apostrophes dropped: "can't" is "cant"), as the
/// search indexes see them.
pub fn words(text: &str) -> Vec<String> {
    fold(text)
        .replace(['\'', '’'], "")
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_owned)
        .collect()
}

/// The first character in `s` that changes how the text around it is shown without showing
/// itself: bidi embeddings, overrides and isolates (the "Trojan Source" characters), and
/// zero-width spaces and joiners of words. Zero-width joiners and non-joiners are left alone:
/// emoji sequences (👩‍⚕️) and several scripts need them.
pub fn hidden_char(s: &str) -> Option<char> {
    s.chars().find(|c| {
        matches!(
            c,
            '\u{202A}'..='\u{202E}'
                | '\u{2066}'..='\u{2069}'
                | '\u{200B}'
                | '\u{2060}'
                | '\u{FEFF}'
                | '\u{180E}'
        )
    })
}

/// `s` in Unicode's composed form (NFC): "é" is one character however it was typed, so names
/// compare, sort and search alike.
pub fn nfc(s: &str) -> String {
    s.nfc().collect()
}

/// `s` without control characters (line breaks and tabs aside) or the invisible characters of
/// [`hidden_char`]: for article text, which is cleaned rather than refused. (Search marks its
/// hits with control characters, so stored text can never forge a highlight.)
pub fn visible(s: &str) -> String {
    s.chars()
        .filter(|c| {
            (!c.is_control() || matches!(c, '\n' | '\r' | '\t'))
                && hidden_char(c.encode_utf8(&mut [0; 4])).is_none()
        })
        .collect()
}

/// True if `s` holds control characters other than ordinary line breaks and tabs.
pub fn has_control_chars(s: &str) -> bool {
    s.chars()
        .any(|c| c.is_control() && !matches!(c, '\n' | '\r' | '\t'))
}

/// A plain check that an email address has the shape name@domain.tld (no spaces, one @).
pub fn valid_email(email: &str) -> bool {
    let Some((local, domain)) = email.split_once('@') else {
        return false;
    };
    !local.is_empty()
        && !domain.contains('@')
        && domain.contains('.')
        && !domain.starts_with('.')
        && !domain.ends_with('.')
        && !domain.contains("..")
        && !email
            .chars()
            .any(|c| c.is_whitespace() || c.is_control() || matches!(c, '<' | '>' | ',' | ';'))
}

/// Straight quotes and apostrophes as typographic ones: "x" → “x”, 'x' → ‘x’, it's → it’s,
/// '90s → ’90s. A quote right after a digit is a prime (5'2", 3") and stays as it is.
pub fn typographic_quotes(s: &str) -> String {
    let chars: Vec<char> = s.chars().collect();
    let mut out = String::with_capacity(s.len() + 8);
    for (i, &c) in chars.iter().enumerate() {
        // Emphasis marks (`*`) are looked through: `**"Bold"**` opens like `"Bold"`.
        let prev = chars[..i].iter().rev().find(|p| **p != '*').copied();
        let next = chars.get(i + 1).copied();
        // A quote opens at the start, after a space, or after an opening bracket or dash.
        let opens = prev.is_none_or(|p| {
            p.is_whitespace() || matches!(p, '(' | '[' | '{' | '“' | '‘' | '—' | '–' | '-' | '/')
        });
        let after_digit = prev.is_some_and(|p| p.is_ascii_digit());
        match c {
            '"' | '\'' if after_digit => out.push(c),
            '"' if opens => out.push('“'),
            '"' => out.push('”'),
            // '90s, 'til: an apostrophe for left-out letters, not an opening quote.
            '\'' if opens && next.is_some_and(|n| n.is_ascii_digit()) => out.push('’'),
            '\'' if opens => out.push('‘'),
            '\'' => out.push('’'),
            _ => out.push(c),
        }
    }
    out
}

/// A CSV cell: quoted when needed, and never read as a formula by a spreadsheet.
pub fn csv_cell(s: &str) -> String {
    let s = if s.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{s}")
    } else {
        s.to_owned()
    };
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s
    }
}

/// `text` on one line, at most `max` characters, cut between words with "…" (a single word
/// longer than `max` is cut with "…" too); true when it was shortened.
pub fn shorten(text: &str, max: usize) -> (String, bool) {
    let flat = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if flat.chars().count() <= max {
        return (flat, false);
    }
    let room: String = flat.chars().take(max.saturating_sub(1)).collect();
    let cut = match room.rfind(' ') {
        Some(space) if space > 0 => room[..space].trim_end_matches([',', ';', ':', '.', ' ']),
        _ => room.as_str(),
    };
    (format!("{cut}…"), true)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_ascii_folds_as_any_other_text() {
        let every: String = (0..=127u8).map(char::from).collect();
        assert_eq!(fold(&every), fold_unicode(&every));
        assert_eq!(fold("Renée Côté"), "renee cote");
    }

    #[test]
    fn folding_ignores_case_and_accents_but_keeps_other_scripts() {
        assert_eq!(fold("Renée Côté"), "renee cote");
        assert_eq!(fold("Zoë"), "zoe");
        assert_eq!(fold("李小龙"), "李小龙");
        assert_eq!(fold("🌿 Ivy"), "🌿 ivy");
    }

    #[test]
    fn control_characters_are_detected() {
        assert!(has_control_chars("a\u{0}b"));
        assert!(!has_control_chars("line one\nline two\ttab"));
    }

    #[test]
    fn straight_quotes_become_typographic() {
        assert_eq!(
            typographic_quotes(r#"She said "bone broth, daily" and it's 'easy'."#),
            "She said “bone broth, daily” and it’s ‘easy’."
        );
        assert_eq!(typographic_quotes(r#""Start" here"#), "“Start” here");
        assert_eq!(
            typographic_quotes("the '90s, O'Brien's"),
            "the ’90s, O’Brien’s"
        );
        assert_eq!(
            typographic_quotes(r#"(“nested 'one'”)"#),
            "(“nested ‘one’”)"
        );
        assert_eq!(
            typographic_quotes(r#"5'2" tall, a 3" piece"#),
            r#"5'2" tall, a 3" piece"#
        );
        assert_eq!(
            typographic_quotes("**\"Bold\"** and *'it'*"),
            "**“Bold”** and *‘it’*"
        );
        assert_eq!(
            typographic_quotes("Zoë 李小龙 🌿 “kept”"),
            "Zoë 李小龙 🌿 “kept”"
        );
    }
}
