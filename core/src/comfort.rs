//! Comfort settings that must work before her practice is open (the lock screen, the first
//! run): the text size and the colours. Kept in `comfort.json` in the data folder, outside the database, as
//! they say nothing about her clients.

use std::path::Path;

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::error::{Error, Result};

/// The file in the data folder.
pub const COMFORT_FILE: &str = "comfort.json";

/// The text sizes offered, in percent of the normal size.
pub const TEXT_SIZES: [u32; 7] = [100, 110, 125, 150, 175, 200, 225];

/// The window's colours.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum Theme {
    /// Dark when the system is dark, high contrast when it asks for more contrast.
    #[default]
    System,
    Light,
    Dark,
    /// Black on white, strong borders, every text at 7:1 or more.
    Contrast,
}

impl Theme {
    /// In the order Settings offers them.
    pub const ALL: [Self; 4] = [Self::System, Self::Light, Self::Dark, Self::Contrast];

    pub fn label(self) -> &'static str {
        match self {
            Self::System => "Follow the system",
            Self::Light => "Light",
            Self::Dark => "Dark",
            Self::Contrast => "High contrast",
        }
    }
}

/// The comfort settings.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Comfort {
    /// The whole window's size, in percent (one of `TEXT_SIZES`).
    pub text_size: u32,
    /// Settings written before themes existed have none: they follow the system.
    #[serde(default)]
    pub theme: Theme,
}

impl Default for Comfort {
    fn default() -> Self {
        Self {
            text_size: 100,
            theme: Theme::System,
        }
    }
}

/// The settings as the window shows them: the size in force and the sizes offered.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ComfortView {
    pub text_size: u32,
    pub text_sizes: Vec<u32>,
    pub theme: Theme,
}

impl From<Comfort> for ComfortView {
    fn from(c: Comfort) -> Self {
        Self {
            text_size: c.text_size,
            text_sizes: TEXT_SIZES.to_vec(),
            theme: c.theme,
        }
    }
}

/// One size up (`steps` = 1), down (-1), or back to normal (0), kept for the next runs:
/// Ctrl/Cmd + `=`, `-` and `0`.
pub fn step_text_size(data_dir: &Path, steps: i32) -> Result<Comfort> {
    let percent = if steps == 0 {
        100
    } else {
        step(read(data_dir).text_size, steps)
    };
    set_text_size(data_dir, percent)
}

/// The settings in `data_dir`; the defaults when there are none or the file cannot be read
/// (a comfort setting is never a reason not to start).
pub fn read(data_dir: &Path) -> Comfort {
    std::fs::read(data_dir.join(COMFORT_FILE))
        .ok()
        .and_then(|bytes| serde_json::from_slice::<Comfort>(&bytes).ok())
        .filter(|c| TEXT_SIZES.contains(&c.text_size))
        .unwrap_or_default()
}

/// Sets the text size (one of `TEXT_SIZES`) and keeps it for the next runs.
pub fn set_text_size(data_dir: &Path, percent: u32) -> Result<Comfort> {
    if !TEXT_SIZES.contains(&percent) {
        return Err(Error::invalid(
            "textSize",
            format!(
                "Choose one of the sizes offered ({}).",
                TEXT_SIZES.map(|p| format!("{p} %")).join(", ")
            ),
        ));
    }
    write(
        data_dir,
        Comfort {
            text_size: percent,
            ..read(data_dir)
        },
    )
}

/// Sets the window's colours and keeps them for the next runs.
pub fn set_theme(data_dir: &Path, theme: Theme) -> Result<Comfort> {
    write(
        data_dir,
        Comfort {
            theme,
            ..read(data_dir)
        },
    )
}

fn write(data_dir: &Path, comfort: Comfort) -> Result<Comfort> {
    let bytes = serde_json::to_vec_pretty(&comfort).map_err(|e| {
        Error::io(
            "The comfort settings could not be written",
            std::io::Error::other(e),
        )
    })?;
    std::fs::create_dir_all(data_dir)
        .map_err(|e| Error::io(format!("Could not create {}", data_dir.display()), e))?;
    crate::files::write_atomic(&data_dir.join(COMFORT_FILE), &bytes)?;
    Ok(comfort)
}

/// The next size up (`steps` = 1) or down (-1) from `percent`, staying within the sizes
/// offered.
fn step(percent: u32, steps: i32) -> u32 {
    let last = TEXT_SIZES.len() as i32 - 1;
    // The first size at or above `percent`; a value between two sizes counts as half-way.
    let above = TEXT_SIZES
        .iter()
        .position(|p| *p >= percent)
        .map_or(last + 1, |i| i as i32);
    let exact = TEXT_SIZES.get(above as usize) == Some(&percent);
    // Between two sizes, the one above is already one step up.
    let at = if !exact && steps > 0 {
        above + steps - 1
    } else {
        above + steps
    };
    TEXT_SIZES[at.clamp(0, last) as usize]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes_step_within_the_ones_offered() {
        assert_eq!(step(100, 1), 110);
        assert_eq!(step(200, 1), 225);
        assert_eq!(step(225, 1), 225);
        assert_eq!(step(100, -1), 100);
        assert_eq!(step(150, -1), 125);
        assert_eq!(step(130, -1), 125);
        assert_eq!(step(130, 1), 150);
        assert_eq!(step(500, -1), 225);
    }

    #[test]
    fn the_size_is_kept_and_a_bad_file_falls_back_to_normal() {
        let dir = tempfile::tempdir().unwrap();
        assert_eq!(read(dir.path()).text_size, 100);
        assert_eq!(read(dir.path()).theme, Theme::System);
        set_theme(dir.path(), Theme::Dark).unwrap();
        set_text_size(dir.path(), 200).unwrap();
        assert_eq!(
            read(dir.path()).theme,
            Theme::Dark,
            "the size keeps the theme"
        );
        assert_eq!(read(dir.path()).text_size, 200);
        assert_eq!(step_text_size(dir.path(), -1).unwrap().text_size, 175);
        assert_eq!(step_text_size(dir.path(), 0).unwrap().text_size, 100);
        assert_eq!(read(dir.path()).text_size, 100);
        set_text_size(dir.path(), 200).unwrap();
        assert!(set_text_size(dir.path(), 300).is_err());
        assert!(set_text_size(dir.path(), 0).is_err());
        assert_eq!(read(dir.path()).text_size, 200);
        std::fs::write(dir.path().join(COMFORT_FILE), b"{\"textSize\": 999}").unwrap();
        assert_eq!(read(dir.path()).text_size, 100);
        std::fs::write(dir.path().join(COMFORT_FILE), b"\xff\xfe garbage").unwrap();
        assert_eq!(read(dir.path()).text_size, 100);
    }

    #[test]
    fn settings_from_before_themes_follow_the_system() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join(COMFORT_FILE), br#"{ "textSize": 150 }"#).unwrap();
        let c = read(dir.path());
        assert_eq!((c.text_size, c.theme), (150, Theme::System));
        set_theme(dir.path(), Theme::Contrast).unwrap();
        assert_eq!(read(dir.path()).text_size, 150, "the theme keeps the size");
    }
}
