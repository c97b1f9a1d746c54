//! The practice profile: who the coach is and how her handouts look (name, credentials,
//! contact, booking link, brand colour, paper size, disclaimer, logo).

pub mod logo;

use std::path::Path;

use base64::Engine as _;
use rusqlite::{params, OptionalExtension};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::db::row::{self, from_row};
use crate::db::Db;
use crate::error::{Error, FieldProblem, Result};
use crate::text::{has_control_chars, valid_email};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum PaperSize {
    Letter,
    A4,
}

impl PaperSize {
    fn as_str(self) -> &'static str {
        match self {
            Self::Letter => "letter",
            Self::A4 => "a4",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Practice {
    pub practice_name: String,
    pub coach_name: String,
    pub credentials: String,
    pub tagline: String,
    pub email: String,
    pub phone: String,
    pub website: String,
    pub booking_url: String,
    pub brand_color: String,
    pub paper_size: PaperSize,
    pub disclaimer: String,
    /// Straight quotes and apostrophes print as typographic ones (" → “ ”, ' → ’) in handouts.
    pub typographic_quotes: bool,
    pub has_logo: bool,
    pub updated_at: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct PracticeInput {
    pub practice_name: String,
    pub coach_name: String,
    pub credentials: String,
    pub tagline: String,
    pub email: String,
    pub phone: String,
    pub website: String,
    pub booking_url: String,
    pub brand_color: String,
    pub paper_size: PaperSize,
    pub disclaimer: String,
    pub typographic_quotes: bool,
}

/// The two things the first run asks for.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct FirstRunInput {
    pub practice_name: String,
    pub coach_name: String,
}

/// The disclaimer every new practice starts with; the coach can reword it in Settings.
pub const DEFAULT_DISCLAIMER: &str = "This handout is for education and coaching support. It is \
    not medical advice and does not replace the care of your doctor. Please talk with your \
    doctor before changing your diet, supplements or medication.";

const MAX_LOGO_BYTES: u64 = 5 * 1024 * 1024;

fn check_name(p: &mut Vec<FieldProblem>, field: &str, label: &str, value: &str) {
    if value.is_empty() {
        p.push(FieldProblem::new(field, format!("Please enter {label}.")));
    } else if value.chars().count() > 120 {
        p.push(FieldProblem::new(
            field,
            format!("{label} can be at most 120 characters."),
        ));
    } else if has_control_chars(value) || value.contains('\n') {
        p.push(FieldProblem::new(field, "Please keep this on one line."));
    } else if let Some(c) = crate::text::hidden_char(value) {
        p.push(crate::check::hidden(field, label, c));
    }
}

/// Cleans a web address: adds https:// when the coach typed just "www.example.com".
fn clean_url(p: &mut Vec<FieldProblem>, field: &str, value: &str) -> String {
    let value = value.trim();
    if value.is_empty() {
        return String::new();
    }
    let url = if value.contains("://") {
        value.to_owned()
    } else {
        format!("https://{value}")
    };
    let rest = url
        .strip_prefix("https://")
        .or_else(|| url.strip_prefix("http://"));
    match rest {
        Some(host)
            if host.contains('.') && !url.chars().any(char::is_whitespace) && url.len() <= 500 =>
        {
            url
        }
        _ => {
            p.push(FieldProblem::new(
                field,
                "That web address doesn't look right (for example: https://example.com/book).",
            ));
            url
        }
    }
}

fn is_hex_colour(s: &str) -> bool {
    s.len() == 7 && s.starts_with('#') && s[1..].chars().all(|c| c.is_ascii_hexdigit())
}

fn validate(input: &PracticeInput) -> Result<PracticeInput> {
    let mut p = Vec::new();
    let practice_name = input.practice_name.trim().to_owned();
    let coach_name = input.coach_name.trim().to_owned();
    check_name(&mut p, "practiceName", "the practice name", &practice_name);
    check_name(&mut p, "coachName", "your name", &coach_name);
    let bounded = [
        ("credentials", &input.credentials, 200),
        ("tagline", &input.tagline, 300),
        ("phone", &input.phone, 40),
        ("disclaimer", &input.disclaimer, 2_000),
    ];
    for (field, value, max) in bounded {
        if value.trim().chars().count() > max {
            p.push(FieldProblem::new(
                field,
                format!("This can be at most {max} characters."),
            ));
        }
    }
    let email = input.email.trim().to_owned();
    if !email.is_empty() && !valid_email(&email) {
        p.push(FieldProblem::new(
            "email",
            "That email address doesn't look right (for example: name@example.com).",
        ));
    }
    let website = clean_url(&mut p, "website", &input.website);
    let booking_url = clean_url(&mut p, "bookingUrl", &input.booking_url);
    let brand_color = input.brand_color.trim().to_uppercase();
    if !is_hex_colour(&brand_color) {
        p.push(FieldProblem::new(
            "brandColor",
            "Pick a colour, or type one like #2F6F62.",
        ));
    }
    if !p.is_empty() {
        return Err(Error::Invalid(p));
    }
    Ok(PracticeInput {
        practice_name,
        coach_name,
        credentials: input.credentials.trim().to_owned(),
        tagline: input.tagline.trim().to_owned(),
        email,
        phone: input.phone.trim().to_owned(),
        website,
        booking_url,
        brand_color,
        paper_size: input.paper_size,
        disclaimer: input.disclaimer.trim().to_owned(),
        typographic_quotes: input.typographic_quotes,
    })
}

/// The practice profile, or None before the first run has been completed.
pub fn get(db: &Db) -> Result<Option<Practice>> {
    let conn = db.conn();
    let practice = conn
        .query_row(
            "SELECT practice_name, coach_name, credentials, tagline, email, phone, website,
                booking_url, brand_color, paper_size, disclaimer, logo IS NOT NULL AS has_logo,
                updated_at, typographic_quotes
             FROM practice WHERE id = 1",
            [],
            |row| {
                Ok(from_row!(row => Practice {
                    practice_name,
                    coach_name,
                    credentials,
                    tagline,
                    email,
                    phone,
                    website,
                    booking_url,
                    brand_color,
                    paper_size: if row.get::<_, String>("paper_size")? == "a4" {
                        PaperSize::A4
                    } else {
                        PaperSize::Letter
                    },
                    disclaimer,
                    typographic_quotes,
                    has_logo,
                    updated_at,
                }))
            },
        )
        .optional()?;
    Ok(practice)
}

fn require(db: &Db) -> Result<Practice> {
    get(db)?.ok_or(Error::NotFound {
        what: "The practice profile",
    })
}

/// For tests: the store in `dir`, with a practice made as the first run makes one.
#[cfg(test)]
pub(crate) fn made_in(dir: &Path) -> Db {
    let db = Db::open(&dir.join(crate::db::DATABASE_FILE)).unwrap();
    let input = FirstRunInput {
        practice_name: "P".into(),
        coach_name: "C".into(),
    };
    create(&db, &input).unwrap();
    db
}

/// Completes the first run: creates the practice with the default disclaimer.
pub fn create(db: &Db, input: &FirstRunInput) -> Result<Practice> {
    let full = PracticeInput {
        practice_name: input.practice_name.clone(),
        coach_name: input.coach_name.clone(),
        credentials: String::new(),
        tagline: String::new(),
        email: String::new(),
        phone: String::new(),
        website: String::new(),
        booking_url: String::new(),
        brand_color: "#2F6F62".to_owned(),
        paper_size: PaperSize::Letter,
        disclaimer: DEFAULT_DISCLAIMER.to_owned(),
        typographic_quotes: true,
    };
    let v = validate(&full)?;
    {
        let conn = db.conn();
        let now = crate::now();
        let inserted = conn.execute(
            "INSERT INTO practice (id, practice_name, coach_name, brand_color, paper_size,
                disclaimer, created_at, updated_at)
             VALUES (1, ?1, ?2, ?3, ?4, ?5, ?6, ?6) ON CONFLICT (id) DO NOTHING",
            params![
                v.practice_name,
                v.coach_name,
                v.brand_color,
                v.paper_size.as_str(),
                v.disclaimer,
                now
            ],
        )?;
        if inserted == 0 {
            return Err(Error::Conflict(
                "The practice profile already exists; change it in Settings.".to_owned(),
            ));
        }
    }
    require(db)
}

/// Saves the Settings form.
pub fn update(db: &Db, input: &PracticeInput) -> Result<Practice> {
    let v = validate(input)?;
    row::change_one(
        &db.conn(),
        "The practice profile",
        "UPDATE practice SET practice_name = ?1, coach_name = ?2, credentials = ?3, tagline = ?4,
            email = ?5, phone = ?6, website = ?7, booking_url = ?8, brand_color = ?9,
            paper_size = ?10, disclaimer = ?11, updated_at = ?12, typographic_quotes = ?13
         WHERE id = 1",
        params![
            v.practice_name,
            v.coach_name,
            v.credentials,
            v.tagline,
            v.email,
            v.phone,
            v.website,
            v.booking_url,
            v.brand_color,
            v.paper_size.as_str(),
            v.disclaimer,
            crate::now(),
            v.typographic_quotes
        ],
    )?;
    require(db)
}

/// Keeps a copy of the chosen logo inside the database (so it survives the original being
/// moved, and is backed up with everything else), scaled down to print size when it is larger
/// (`logo::fit_for_print`). Anything but a readable PNG or JPEG under 5 MB is refused, and the
/// old logo kept.
pub fn set_logo(db: &Db, source: &Path) -> Result<Practice> {
    require(db)?;
    let shown = source
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let meta = std::fs::metadata(source)
        .map_err(|e| Error::io(format!("Could not read the logo “{shown}”"), e))?;
    if meta.len() > MAX_LOGO_BYTES {
        return Err(Error::invalid(
            "logo",
            format!("“{shown}” is larger than 5 MB. Please choose a smaller image."),
        ));
    }
    let bytes = std::fs::read(source)
        .map_err(|e| Error::io(format!("Could not read the logo “{shown}”"), e))?;
    if logo::Kind::of(&bytes).is_none() {
        return Err(Error::invalid(
            "logo",
            format!("“{shown}” is not a PNG or JPEG image. Please choose a PNG or JPEG logo."),
        ));
    }
    let bytes = logo::fit_for_print(bytes).map_err(|e| {
        Error::invalid(
            "logo",
            format!("“{shown}” could not be read as an image ({e}). Please choose another logo."),
        )
    })?;
    db.conn().execute(
        "UPDATE practice SET logo = ?1, logo_file = NULL, updated_at = ?2 WHERE id = 1",
        params![bytes, crate::now()],
    )?;
    require(db)
}

/// Forgets the logo.
pub fn remove_logo(db: &Db) -> Result<Practice> {
    db.conn().execute(
        "UPDATE practice SET logo = NULL, logo_file = NULL, updated_at = ?1 WHERE id = 1",
        [crate::now()],
    )?;
    require(db)
}

/// The saved logo's bytes, if there is one.
pub fn logo_bytes(db: &Db) -> Result<Option<Vec<u8>>> {
    Ok(db
        .conn()
        .query_row("SELECT logo FROM practice WHERE id = 1", [], |r| r.get(0))
        .optional()?
        .flatten())
}

/// The logo as a `data:` URL for the window (the strict CSP allows no file access).
pub fn logo_data_url(db: &Db) -> Result<Option<String>> {
    let Some(bytes) = logo_bytes(db)? else {
        return Ok(None);
    };
    let mime = logo::Kind::of(&bytes).unwrap_or(logo::Kind::Jpeg).mime();
    let encoded = base64::engine::general_purpose::STANDARD.encode(bytes);
    Ok(Some(format!("data:{mime};base64,{encoded}")))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn input() -> PracticeInput {
        PracticeInput {
            practice_name: "Gut & Glow Coaching".into(),
            coach_name: "Renée Côté".into(),
            credentials: "FNTP".into(),
            tagline: "Healing MS from the inside out".into(),
            email: "hello@example.com".into(),
            phone: "+1 555 0100".into(),
            website: "www.example.com".into(),
            booking_url: "https://example.com/book".into(),
            brand_color: "#2f6f62".into(),
            paper_size: PaperSize::A4,
            disclaimer: DEFAULT_DISCLAIMER.into(),
            typographic_quotes: true,
        }
    }

    #[test]
    fn first_run_then_settings_round_trip() {
        let db = Db::open_in_memory().unwrap();
        assert!(get(&db).unwrap().is_none());
        let first = FirstRunInput {
            practice_name: " Gut & Glow ".into(),
            coach_name: "Zoë".into(),
        };
        let p = create(&db, &first).unwrap();
        assert_eq!(p.practice_name, "Gut & Glow");
        assert_eq!(p.disclaimer, DEFAULT_DISCLAIMER);
        assert!(matches!(create(&db, &first), Err(Error::Conflict(_))));
        let p = update(&db, &input()).unwrap();
        assert_eq!(p.website, "https://www.example.com");
        assert_eq!(p.brand_color, "#2F6F62");
        assert_eq!(p.paper_size, PaperSize::A4);
    }

    #[test]
    fn bad_settings_are_refused_field_by_field() {
        let db = Db::open_in_memory().unwrap();
        create(
            &db,
            &FirstRunInput {
                practice_name: "P".into(),
                coach_name: "C".into(),
            },
        )
        .unwrap();
        let mut bad = input();
        bad.practice_name = " ".into();
        bad.email = "hello".into();
        bad.booking_url = "not a link".into();
        bad.brand_color = "teal".into();
        let Err(Error::Invalid(p)) = update(&db, &bad) else {
            panic!("should be refused")
        };
        let fields: Vec<_> = p.iter().map(|p| p.field.as_str()).collect();
        assert_eq!(
            fields,
            ["practiceName", "email", "bookingUrl", "brandColor"]
        );
        assert_eq!(get(&db).unwrap().unwrap().practice_name, "P");
    }

    #[test]
    fn only_png_or_jpeg_logos_are_kept() {
        let dir = tempfile::tempdir().unwrap();
        let db = Db::open_in_memory().unwrap();
        create(
            &db,
            &FirstRunInput {
                practice_name: "P".into(),
                coach_name: "C".into(),
            },
        )
        .unwrap();
        let png = dir.path().join("logo source.png");
        std::fs::write(&png, crate::pdf::sample::LOGO_PNG).unwrap();
        let text = dir.path().join("notes.png");
        std::fs::write(&text, "just text").unwrap();
        let broken = dir.path().join("broken.png");
        std::fs::write(&broken, b"\x89PNG\r\n\x1a\nrest-of-image").unwrap();

        assert!(set_logo(&db, &png).unwrap().has_logo);
        let url = logo_data_url(&db).unwrap().unwrap();
        assert!(url.starts_with("data:image/png;base64,"));
        assert_eq!(
            logo_bytes(&db).unwrap().unwrap(),
            crate::pdf::sample::LOGO_PNG,
            "kept inside the database as it was (it is small enough)"
        );

        let err = set_logo(&db, &text).unwrap_err();
        assert!(err.to_string().contains("not a PNG or JPEG"), "{err}");
        let err = set_logo(&db, &broken).unwrap_err();
        assert!(
            err.to_string().contains("could not be read as an image"),
            "{err}"
        );
        assert_eq!(
            logo_bytes(&db).unwrap().unwrap(),
            crate::pdf::sample::LOGO_PNG,
            "the old logo is kept"
        );

        // A 2 MB photo is kept at print size: small, and still a picture the window shows.
        let photo = dir.path().join("portrait.png");
        image::DynamicImage::ImageRgb8(crate::pdf::sample::photo_like(1400, 1050))
            .save(&photo)
            .unwrap();
        assert!(std::fs::metadata(&photo).unwrap().len() > 1_000_000);
        set_logo(&db, &photo).unwrap();
        let kept = logo_bytes(&db).unwrap().unwrap();
        assert!(kept.len() < 100 * 1024, "{} bytes", kept.len());
        assert!(logo_data_url(&db)
            .unwrap()
            .unwrap()
            .starts_with("data:image/jpeg;base64,"));

        assert!(!remove_logo(&db).unwrap().has_logo);
        assert_eq!(logo_data_url(&db).unwrap(), None);
    }
}
