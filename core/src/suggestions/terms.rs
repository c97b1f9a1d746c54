//! Words to look for: a client's texts (notes, protocol items, goals) turned into the terms an
//! FTS5 query over the article sections uses, and the check of which terms a section
//! mentions, for the "why" of a suggestion.
//!
//! Everything is folded (lower case, no accents) as the article index is. A text's content
//! words (not the [`STOPWORDS`]) are searched whole. Two neighbouring content words are kept as
//! a phrase ("bone broth") for the "why" only: searching them as well counted the same words
//! twice and ranked worse on the labelled set, as did cutting word endings into prefixes, a
//! table of her words for the articles' ("tummy" for digestion) and titles weighing double
//! (see the note in `make bench`).

use crate::text::fold;
pub use crate::text::words;

/// One thing to look for: a word, or two neighbouring words.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Term {
    /// The folded words, as shown in the "why": "bone broth".
    pub words: Vec<String>,
    /// False for a pair of a text's neighbouring words: shown in the "why", not searched.
    pub searched: bool,
}

impl Term {
    fn of(words: &[&str]) -> Self {
        Self {
            words: words.iter().map(|w| (*w).to_owned()).collect(),
            searched: true,
        }
    }

    pub fn shown(&self) -> String {
        self.words.join(" ")
    }

    /// The term as FTS5 query syntax: quoted, so nothing in it is FTS syntax.
    pub fn fts(&self) -> String {
        format!("\"{}\"", self.shown().replace('"', ""))
    }

    /// True when the folded words of a text (in order) contain this term.
    pub fn found_in(&self, words: &[String]) -> bool {
        words
            .windows(self.words.len())
            .any(|w| w == self.words.as_slice())
    }
}

/// Words too common to say anything about a client.
const STOPWORDS: &[&str] = &[
    "a",
    "about",
    "after",
    "again",
    "all",
    "also",
    "am",
    "an",
    "and",
    "any",
    "are",
    "as",
    "at",
    "back",
    "be",
    "because",
    "been",
    "before",
    "being",
    "bit",
    "both",
    "but",
    "by",
    "came",
    "can",
    "cant",
    "could",
    "day",
    "days",
    "did",
    "didnt",
    "do",
    "does",
    "doesnt",
    "doing",
    "done",
    "dont",
    "down",
    "each",
    "even",
    "ever",
    "every",
    "feel",
    "feels",
    "felt",
    "few",
    "for",
    "from",
    "get",
    "gets",
    "getting",
    "go",
    "goes",
    "going",
    "good",
    "got",
    "had",
    "has",
    "have",
    "having",
    "her",
    "here",
    "hers",
    "herself",
    "him",
    "his",
    "how",
    "i",
    "if",
    "im",
    "in",
    "into",
    "is",
    "isnt",
    "it",
    "its",
    "ive",
    "just",
    "keep",
    "know",
    "last",
    "least",
    "less",
    "let",
    "like",
    "little",
    "lot",
    "lots",
    "made",
    "make",
    "many",
    "may",
    "maybe",
    "me",
    "more",
    "most",
    "much",
    "must",
    "my",
    "need",
    "needs",
    "new",
    "next",
    "no",
    "not",
    "now",
    "of",
    "off",
    "ok",
    "okay",
    "on",
    "once",
    "one",
    "only",
    "or",
    "other",
    "our",
    "out",
    "over",
    "per",
    "pretty",
    "quite",
    "rather",
    "really",
    "right",
    "said",
    "same",
    "say",
    "says",
    "see",
    "she",
    "should",
    "since",
    "so",
    "some",
    "still",
    "such",
    "take",
    "than",
    "that",
    "the",
    "their",
    "them",
    "then",
    "there",
    "these",
    "they",
    "thing",
    "things",
    "think",
    "this",
    "those",
    "though",
    "through",
    "time",
    "times",
    "to",
    "today",
    "too",
    "try",
    "two",
    "up",
    "us",
    "very",
    "want",
    "wants",
    "was",
    "wasnt",
    "way",
    "we",
    "week",
    "weeks",
    "well",
    "went",
    "were",
    "what",
    "when",
    "where",
    "which",
    "while",
    "who",
    "why",
    "will",
    "with",
    "without",
    "won",
    "would",
    "yes",
    "yet",
    "you",
    "your",
    "client",
    "clients",
    "discussed",
    "mentioned",
    "session",
    "call",
    "agreed",
    "since",
    "three",
    "four",
    "five",
    "first",
    "second",
    "around",
    "already",
    "always",
    "never",
    "sometimes",
    "usually",
    "often",
    "using",
    "use",
    "used",
    "start",
    "started",
    "starting",
    "tried",
    "trying",
    "asked",
    "told",
    "seems",
    "find",
    "found",
    "plenty",
    "minutes",
    "hours",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "half",
];

/// The words articles use for each of the usual symptoms (a symptom the coach added is looked
/// for by its own words).
const SYMPTOM_WORDS: &[(&str, &[&str])] = &[
    ("fatigue", &["fatigue", "energy", "tired"]),
    ("brain fog", &["brain fog", "focus", "memory"]),
    ("pain", &["pain"]),
    ("numbness/tingling", &["numbness", "tingling", "nerves"]),
    ("digestion/bloating", &["digestion", "bloating", "gut"]),
    ("mood", &["mood", "low mood", "anxiety"]),
    ("sleep quality", &["sleep"]),
    ("energy", &["energy", "fatigue"]),
];

fn is_content(word: &str) -> bool {
    word.chars().count() >= 3
        && !word.chars().all(|c| c.is_ascii_digit())
        && !STOPWORDS.contains(&word)
}

/// The terms of a text: its content words, and neighbouring pairs of them as phrases. Each
/// term once.
pub fn terms(text: &str) -> Vec<Term> {
    let all = words(text);
    let mut out: Vec<Term> = Vec::new();
    let mut push = |t: Term| {
        if !out.contains(&t) {
            out.push(t);
        }
    };
    for (i, w) in all.iter().enumerate() {
        if !is_content(w) {
            continue;
        }
        push(Term::of(&[w]));
        if let Some(n) = all.get(i + 1).filter(|n| is_content(n)) {
            push(Term {
                searched: false,
                ..Term::of(&[w, n])
            });
        }
    }
    out
}

/// The terms for a symptom getting worse.
pub fn symptom_terms(name: &str) -> Vec<Term> {
    let key = fold(name.trim());
    match SYMPTOM_WORDS.iter().find(|(n, _)| *n == key) {
        Some((_, same)) => same
            .iter()
            .map(|s| Term::of(&s.split(' ').collect::<Vec<_>>()))
            .collect(),
        None => terms(name),
    }
}

/// The words of a text as a baseline searches them: its content words, each once.
pub fn plain_words(text: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for w in words(text).into_iter().filter(|w| is_content(w)) {
        if !out.contains(&w) {
            out.push(w);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn shown(text: &str) -> Vec<String> {
        terms(text).iter().map(Term::shown).collect()
    }

    #[test]
    fn content_words_and_their_pairs_are_terms() {
        assert_eq!(
            shown("Bone broth every morning, bone broth"),
            ["bone", "bone broth", "broth", "morning", "morning bone"]
        );
        assert_eq!(
            plain_words("Bone broth every morning, bone broth"),
            ["bone", "broth", "morning"]
        );
    }

    #[test]
    fn a_symptom_brings_the_words_articles_use_for_it() {
        let t: Vec<String> = symptom_terms("Brain fog").iter().map(Term::shown).collect();
        assert_eq!(t, ["brain fog", "focus", "memory"]);
        let own: Vec<String> = symptom_terms("Hot flushes")
            .iter()
            .map(Term::shown)
            .collect();
        assert_eq!(own, ["hot", "hot flushes", "flushes"]);
    }

    #[test]
    fn terms_are_found_as_whole_words_in_order() {
        let phrase = Term::of(&["bone", "broth"]);
        assert_eq!(phrase.fts(), "\"bone broth\"");
        assert!(phrase.found_in(&words("Sip Bone Broth daily")));
        assert!(!phrase.found_in(&words("broth from bone")));
        assert!(!Term::of(&["egg"]).found_in(&words("eggplant")));
    }

    #[test]
    fn quotes_and_query_syntax_stay_plain_text() {
        let all = terms("\"NEAR\" OR (x* AND y) - Zoë's 李小龙 🙂");
        assert!(!all.is_empty());
        for t in all {
            assert_eq!(t.fts().matches('"').count(), 2, "{}", t.fts());
            assert!(!t.fts().contains(['(', ')', '-', ':', '*']), "{}", t.fts());
        }
        assert!(shown("Zoë's tummy").contains(&"zoes".to_owned()));
    }
}
