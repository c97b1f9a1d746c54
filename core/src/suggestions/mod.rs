//! Her own articles, suggested for a client: the coach's article sections ranked by what is
//! going on with this client now. Everything is computed here, from her record and the
//! article index (SQLite FTS5); nothing leaves the machine.
//!
//! How it ranks, so every suggestion can say why:
//! 1. What is going on becomes a few *signals*, each with a weight: her last consult notes,
//!    her current protocol phase (name, aims and items), each symptom getting worse in her
//!    check-ins, each food she is reintroducing or reacted to, her other conditions, her goals.
//! 2. Each signal's words (see [`terms`]) are one FTS5 query over the sections, ranked with
//!    bm25, the article title and section heading weighing [`TITLE_WEIGHT`] times the body.
//! 3. A section's score is the sum over the signals of the signal's weight times its bm25
//!    score, so a section that fits several signals rises; then it gains [`ARTICLE_SHARE`] of
//!    the scores of the other sections of its article.
//! 4. A section already given to her in a handout counts [`GIVEN_FACTOR`] of its score; an
//!    untitled opening of an article with headed sections is left out, and so is anything
//!    under [`LEAST_SCORE`] of the best. After the three best, each worsening symptom and each
//!    food being reintroduced keeps its own best section in the list.
//!
//! The labelled set in tests/fixtures/suggestions and `make bench` measure it.

mod terms;

use std::collections::HashMap;

use chrono::NaiveDate;
use serde::Serialize;
use ts_rs::TS;

use crate::checkins;
use crate::clients;
use crate::consults;
use crate::db::row;
use crate::db::Db;
use crate::error::Result;
use crate::handouts;
use crate::protocols::{self, ProtocolStatus};
use crate::reintro::{self, FoodStatus};
use terms::Term;

/// How much more a word in the article title or section heading counts than one in the body.
pub const TITLE_WEIGHT: f64 = 1.5;
/// What a section already given to her keeps of its score.
pub const GIVEN_FACTOR: f64 = 0.2;
/// How much of the rest of its article's score a section adds to its own: a section of an
/// article that fits her as a whole is likelier to be the right one.
pub const ARTICLE_SHARE: f64 = 0.5;
/// How many suggestions a client's list shows.
pub const SHOWN: usize = 10;
/// A section scoring under this share of the best one is left out: one common word in
/// common is not a reason.
const LEAST_SCORE: f64 = 0.15;
/// How many sections each signal's query brings back.
const PER_SIGNAL: i64 = 60;
/// At most this many words in one query (a note of a few pages).
const MOST_TERMS: usize = 400;
/// How much worse (on the 0–10 scale) her last rating must be than her average before it, for
/// a symptom to count as getting worse.
const WORSE_BY: f32 = 1.5;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum SuggestionSource {
    Note,
    Protocol,
    Symptom,
    Reintro,
    Conditions,
    Goals,
}

impl SuggestionSource {
    /// How much a signal counts beside her last note. Measured on the labelled set: her
    /// notes carry most of what a coach goes by; the other signals help little there (or a
    /// little less than nothing at higher weights) but are what there is for a client with few
    /// notes, and they give the reasons.
    /// How a reason from this source joins its words: "…, from her last note", "…, as her
    /// fatigue is getting worse".
    fn connective(self) -> &'static str {
        match self {
            Self::Symptom | Self::Reintro => "as",
            Self::Note | Self::Protocol | Self::Conditions | Self::Goals => "from",
        }
    }

    fn weight(self) -> f64 {
        match self {
            Self::Note => 1.0,
            Self::Reintro | Self::Conditions | Self::Goals => 0.25,
            Self::Protocol | Self::Symptom => 0.15,
        }
    }
}

/// One thing going on with her, and the words to look for.
#[derive(Debug, Clone)]
pub struct Signal {
    pub source: SuggestionSource,
    /// What it is: "her last note", "her fatigue is getting worse".
    pub what: String,
    terms: Vec<Term>,
}

impl Signal {
    /// How a reason from it reads after the words: "from her last note", "as her fatigue is
    /// getting worse".
    fn because(&self) -> String {
        format!("{} {}", self.source.connective(), self.what)
    }
}

/// Why a section was suggested: the words it shares with one signal.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Reason {
    pub source: SuggestionSource,
    pub because: String,
    pub words: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Suggestion {
    pub section_id: i64,
    pub article_id: i64,
    pub article_title: String,
    /// The section's heading (empty for an article's untitled opening).
    pub heading: String,
    /// The start of the section's text.
    pub excerpt: String,
    /// "Mentions bone broth and leaky gut, from her last note; fatigue, as her fatigue is
    /// getting worse".
    pub why: String,
    pub reasons: Vec<Reason>,
    /// When a handout with this section was given to her (the date), if one was.
    pub given_on: Option<String>,
    /// Relative to the best suggestion (1.0).
    pub score: f64,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Suggestions {
    pub client_id: i64,
    pub suggestions: Vec<Suggestion>,
    /// How many articles the library holds (0: the screen explains how to import them).
    pub articles: i64,
    /// What was looked at, for "Based on …": "her last note", "her fatigue is getting worse".
    pub looked_at: Vec<String>,
}

/// Suggestions for a client, best first.
pub fn for_client(db: &Db, client_id: i64) -> Result<Suggestions> {
    let signals = signals(db, client_id)?;
    let given = handouts::given_sections(db, client_id)?;
    let suggestions = rank(db, &signals, &given, SHOWN)?;
    let articles = db
        .conn()
        .query_row("SELECT count(*) FROM articles", [], |r| r.get(0))?;
    Ok(Suggestions {
        client_id,
        suggestions,
        articles,
        looked_at: signals.into_iter().map(|s| s.what).collect(),
    })
}

/// What is going on with her, as signals.
pub fn signals(db: &Db, client_id: i64) -> Result<Vec<Signal>> {
    let client = clients::get(db, client_id)?;
    let mut out = Vec::new();
    let mut add = |source: SuggestionSource, what: String, text: &str, extra: Vec<Term>| {
        let mut t = extra;
        for term in terms::terms(text) {
            if !t.iter().any(|o| o.words == term.words) {
                t.push(term);
            }
        }
        if !t.is_empty() {
            out.push(Signal {
                source,
                what,
                terms: t,
            });
        }
    };

    if let Some(consult) = consults::last_with_notes(db, client_id)? {
        let text: Vec<&str> = consult.sections.iter().map(|s| s.body.as_str()).collect();
        add(
            SuggestionSource::Note,
            "her last note".into(),
            &text.join("\n"),
            Vec::new(),
        );
    }
    if let Some(p) = protocols::for_client(db, client_id)?
        .into_iter()
        .find(|p| p.status != ProtocolStatus::Completed)
    {
        if let Some(phase) = p.phases.get(p.current_phase as usize) {
            let mut text = vec![phase.name.clone(), phase.aims.clone()];
            text.extend(phase.items.iter().map(|i| i.text.clone()));
            add(
                SuggestionSource::Protocol,
                format!("her {} phase", phase.name.trim()),
                &text.join("\n"),
                Vec::new(),
            );
        }
    }
    for (name, rising) in worse_symptoms(db, client_id)? {
        let said = name.to_lowercase();
        let what = if rising {
            format!("her {said} is getting worse")
        } else {
            format!("her {said} is dropping")
        };
        add(
            SuggestionSource::Symptom,
            what,
            &name,
            terms::symptom_terms(&name),
        );
    }
    let board = reintro::for_client(db, client_id)?;
    for food in &board.foods {
        let (what, extra) = match food.status {
            FoodStatus::Testing => (
                format!("she reintroduces {}", food.name.to_lowercase()),
                terms::terms("reintroduction"),
            ),
            FoodStatus::Reacted => (
                format!("she reacted to {}", food.name.to_lowercase()),
                terms::terms("reaction"),
            ),
            _ => continue,
        };
        add(SuggestionSource::Reintro, what, &food.name, extra);
    }
    add(
        SuggestionSource::Conditions,
        "her other conditions".into(),
        &client.other_conditions,
        Vec::new(),
    );
    add(
        SuggestionSource::Goals,
        "her goals".into(),
        &client.goals,
        Vec::new(),
    );
    Ok(out)
}

/// Each symptom whose last rating is [`WORSE_BY`] worse than her average over the 30 days
/// before it, with true when worse means higher (false for energy, mood and sleep quality,
/// where 10 is best).
fn worse_symptoms(db: &Db, client_id: i64) -> Result<Vec<(String, bool)>> {
    let mut list = checkins::for_client(db, client_id)?;
    list.sort_by(|a, b| a.on_date.cmp(&b.on_date));
    let day = |s: &str| NaiveDate::parse_from_str(s.get(..10).unwrap_or(s), "%Y-%m-%d").ok();
    let mut out = Vec::new();
    for symptom in checkins::symptoms(db, true)? {
        let rated: Vec<(NaiveDate, f32)> = list
            .iter()
            .filter_map(|c| {
                let r = c.ratings.iter().find(|r| r.symptom_id == symptom.id)?;
                Some((day(&c.on_date)?, f32::from(r.value)))
            })
            .collect();
        let Some((&(last_day, last), before)) = rated.split_last() else {
            continue;
        };
        let month: Vec<f32> = before
            .iter()
            .filter(|(d, _)| (last_day - *d).num_days() <= 30)
            .map(|&(_, v)| v)
            .collect();
        if month.is_empty() {
            continue;
        }
        let average = month.iter().sum::<f32>() / month.len() as f32;
        let higher_is_worse = !checkins::higher_is_better(&symptom.name);
        let worse = if higher_is_worse {
            last - average
        } else {
            average - last
        };
        if worse >= WORSE_BY {
            out.push((symptom.name, higher_is_worse));
        }
    }
    Ok(out)
}

/// The sections that best fit the signals, best first, at most `limit`.
pub fn rank(
    db: &Db,
    signals: &[Signal],
    given: &[handouts::GivenSection],
    limit: usize,
) -> Result<Vec<Suggestion>> {
    // Section id → (score, each signal's share).
    let mut scores: HashMap<i64, (f64, Vec<(usize, f64)>)> = HashMap::new();
    {
        let conn = db.conn();
        let mut stmt = conn.prepare_cached(
            "SELECT rowid, -bm25(article_index, ?2, 1.0) AS s FROM article_index
             WHERE article_index MATCH ?1 ORDER BY s DESC LIMIT ?3",
        )?;
        for (i, signal) in signals.iter().enumerate() {
            let query: Vec<String> = signal
                .terms
                .iter()
                .filter(|t| t.searched)
                .take(MOST_TERMS)
                .map(Term::fts)
                .collect();
            if query.is_empty() {
                continue;
            }
            let hits: Vec<(i64, f64)> = stmt
                .query_map(
                    rusqlite::params![query.join(" OR "), TITLE_WEIGHT, PER_SIGNAL],
                    |r| Ok((r.get(0)?, r.get(1)?)),
                )?
                .collect::<rusqlite::Result<_>>()?;
            for (id, s) in hits {
                let share = signal.source.weight() * s;
                let entry = scores.entry(id).or_default();
                entry.0 += share;
                entry.1.push((i, share));
            }
        }
    }
    let conn = db.conn();
    let mut stmt = conn.prepare_cached(
        "SELECT s.article_id, a.title, s.heading, s.paragraphs FROM article_sections s
         JOIN articles a ON a.id = s.article_id WHERE s.id = ?1",
    )?;
    let mut has_headings = conn.prepare_cached(
        "SELECT EXISTS (SELECT 1 FROM article_sections WHERE article_id = ?1 AND heading <> '')",
    )?;
    let mut candidates = Vec::new();
    for (section_id, (score, shares)) in scores {
        let (article_id, article_title, heading, paragraphs): (i64, String, String, String) = stmt
            .query_row([section_id], |r| {
                Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?))
            })?;
        // An article's untitled opening is not a section to hand out when it has others.
        if heading.is_empty() && has_headings.query_row([article_id], |r| r.get(0))? {
            continue;
        }
        let paragraphs: Vec<String> = serde_json::from_str(&paragraphs).unwrap_or_default();
        let first = paragraphs
            .first()
            .map_or("", |p| p.trim_start_matches("• "));
        let shown_heading = if heading.is_empty() {
            &article_title
        } else {
            &heading
        };
        let given_on = handouts::given_on(given, shown_heading, first);
        candidates.push(Candidate {
            score: if given_on.is_some() {
                score * GIVEN_FACTOR
            } else {
                score
            },
            section_id,
            article_id,
            article_title,
            heading,
            paragraphs,
            shares,
            given_on,
        });
    }
    let mut per_article: HashMap<i64, f64> = HashMap::new();
    for c in &candidates {
        *per_article.entry(c.article_id).or_default() += c.score;
    }
    for c in &mut candidates {
        c.score += ARTICLE_SHARE * (per_article[&c.article_id] - c.score);
    }
    let best_first = |a: &Candidate, b: &Candidate| {
        b.score
            .total_cmp(&a.score)
            .then(a.section_id.cmp(&b.section_id))
    };
    candidates.sort_by(best_first);
    let top = candidates.first().map_or(1.0, |c| c.score);
    // A symptom getting worse and a food being reintroduced each keep their best section in
    // the list, after the three best overall: what is changing now is always answered.
    let mut best_of: HashMap<usize, (f64, i64)> = HashMap::new();
    for c in &candidates {
        for &(signal, share) in &c.shares {
            if !matches!(
                signals[signal].source,
                SuggestionSource::Symptom | SuggestionSource::Reintro
            ) {
                continue;
            }
            let best = best_of.entry(signal).or_insert((share, c.section_id));
            if share > best.0 {
                *best = (share, c.section_id);
            }
        }
    }
    let kept: Vec<i64> = best_of.values().map(|&(_, id)| id).collect();
    let mut chosen = Vec::new();
    let mut rest = Vec::new();
    for (i, c) in candidates.into_iter().enumerate() {
        if i < 3 || kept.contains(&c.section_id) {
            chosen.push(c);
        } else if c.score >= top * LEAST_SCORE {
            rest.push(c);
        }
    }
    chosen.truncate(limit);
    chosen.extend(rest.into_iter().take(limit.saturating_sub(chosen.len())));
    chosen.sort_by(best_first);
    Ok(chosen
        .into_iter()
        .map(|c| c.into_suggestion(signals, top))
        .collect())
}

/// A section in the running, with its score and each signal's share of it.
struct Candidate {
    score: f64,
    section_id: i64,
    article_id: i64,
    article_title: String,
    heading: String,
    paragraphs: Vec<String>,
    /// (signal, share of the score).
    shares: Vec<(usize, f64)>,
    given_on: Option<String>,
}

impl Candidate {
    /// The suggestion as shown, its score relative to the best (`top`), and each signal's
    /// reason, strongest first.
    fn into_suggestion(mut self, signals: &[Signal], top: f64) -> Suggestion {
        let text = format!(
            "{} {} {}",
            self.article_title,
            self.heading,
            self.paragraphs.join(" ")
        );
        let words = terms::words(&text);
        self.shares.sort_by(|a, b| b.1.total_cmp(&a.1));
        let reasons: Vec<Reason> = self
            .shares
            .iter()
            .filter_map(|&(i, _)| {
                let signal = &signals[i];
                let found = mentioned(&signal.terms, &words);
                (!found.is_empty()).then(|| Reason {
                    source: signal.source,
                    because: signal.because(),
                    words: found,
                })
            })
            .collect();
        Suggestion {
            section_id: self.section_id,
            article_id: self.article_id,
            why: why(&reasons),
            reasons,
            excerpt: crate::text::shorten(&self.paragraphs.join(" "), 200).0,
            article_title: self.article_title,
            heading: self.heading,
            given_on: self.given_on,
            score: self.score / top,
        }
    }
}

/// The terms a section mentions, as shown: phrases first, no word that a phrase shown holds,
/// at most three.
fn mentioned(terms: &[Term], words: &[String]) -> Vec<String> {
    let mut found: Vec<&Term> = terms.iter().filter(|t| t.found_in(words)).collect();
    found.sort_by_key(|t| std::cmp::Reverse(t.words.len()));
    let mut shown: Vec<String> = Vec::new();
    for t in found {
        let inside = shown.iter().any(|s| s.split(' ').any(|w| t.words == [w]));
        if !inside {
            shown.push(t.shown());
        }
        if shown.len() == 3 {
            break;
        }
    }
    shown
}

/// "Mentions bone broth and leaky gut, from her last note; fatigue, as her fatigue is getting
/// worse": the two strongest reasons.
fn why(reasons: &[Reason]) -> String {
    let parts: Vec<String> = reasons
        .iter()
        .take(2)
        .map(|r| format!("{}, {}", and_list(&r.words), r.because))
        .collect();
    if parts.is_empty() {
        return String::new();
    }
    format!("Mentions {}", parts.join("; "))
}

fn and_list(words: &[String]) -> String {
    match words {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} and {last}", init.join(", ")),
    }
}

/// The baseline the benchmark compares with: plain bm25 over the words of one text (her last
/// note), every column weighing the same, no other signal.
pub fn plain(db: &Db, text: &str, limit: usize) -> Result<Vec<i64>> {
    let words = terms::plain_words(text);
    if words.is_empty() {
        return Ok(Vec::new());
    }
    let query: Vec<String> = words.iter().map(|w| format!("\"{w}\"")).collect();
    let conn = db.conn();
    let ids = row::all(
        &conn,
        "SELECT rowid FROM article_index WHERE article_index MATCH ?1
         ORDER BY bm25(article_index) LIMIT ?2",
        rusqlite::params![query.join(" OR "), i64::try_from(limit).unwrap_or(i64::MAX)],
        |r| r.get(0),
    )?;
    Ok(ids)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_why_names_the_words_and_where_they_came_from() {
        let reasons = vec![
            Reason {
                source: SuggestionSource::Note,
                because: "from her last note".into(),
                words: vec!["bone broth".into(), "leaky gut".into()],
            },
            Reason {
                source: SuggestionSource::Symptom,
                because: "as her fatigue is getting worse".into(),
                words: vec!["fatigue".into()],
            },
            Reason {
                source: SuggestionSource::Goals,
                because: "from her goals".into(),
                words: vec!["energy".into()],
            },
        ];
        assert_eq!(
            why(&reasons),
            "Mentions bone broth and leaky gut, from her last note; fatigue, as her fatigue is \
             getting worse"
        );
        assert_eq!(why(&[]), "");
    }

    #[test]
    fn a_phrase_shown_hides_its_own_words() {
        let t = terms::terms("bone broth and leaky gut");
        let w = terms::words("Why bone broth heals a leaky gut lining");
        assert_eq!(mentioned(&t, &w), ["bone broth", "leaky gut"]);
    }
}
