//! Text folding for search and sorting: "Renée Côté" is found by "renee cote" and sorts by it.

use unicode_normalization::{char::is_combining_mark, UnicodeNormalization};

/// Lower-cases `s` and strips accents, so comparisons ignore case and diacritics.
pub fn fold(s: &str) -> String {
    s.nfkd()
        .filter(|c| !is_combining_mark(*c))
        .flat_map(char::to_lowercase)
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

#[cfg(test)]
mod tests {
    use super::*;

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
}
