//! The handout fonts: where their files are, which face draws which character, and shaping
//! with rustybuzz. Each file is read once, when a handout first needs it, and shared by every
//! render after.
//!
//! The files are not built into the program: the app names the folders they are in when it
//! starts (`use_fonts_from`: the fonts installed with it, and on Linux the system's font
//! packages its .deb depends on), and the fonts of the source tree (core/fonts) come last, for
//! tests, benches and builds run from the tree.

use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use super::memo::{self, Remembered};
use super::PdfError;

/// One vendored font file.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Debug, Hash)]
pub(crate) enum Face {
    SerifRegular,
    SerifItalic,
    SerifBold,
    SerifBoldItalic,
    SansRegular,
    SansBold,
    /// Droid Sans Fallback: Chinese, Japanese and Korean names and words.
    Cjk,
    /// Noto Emoji (monochrome): emoji print in the text's colour, like any other letter.
    Emoji,
}

const FACE_COUNT: usize = 8;

const ALL: [Face; FACE_COUNT] = [
    Face::SerifRegular,
    Face::SerifItalic,
    Face::SerifBold,
    Face::SerifBoldItalic,
    Face::SansRegular,
    Face::SansBold,
    Face::Cjk,
    Face::Emoji,
];

/// A font file larger than this is not one of ours (the largest, the CJK face, is 4 MB).
const MAX_FONT_BYTES: u64 = 32 << 20;

/// The folders named by the app at start; see `use_fonts_from`.
static FOLDERS: OnceLock<Vec<PathBuf>> = OnceLock::new();

/// Where the app finds the handout fonts, in order, before the source tree's core/fonts:
/// called once at start, before any handout is made (later calls change nothing).
pub fn use_fonts_from(folders: Vec<PathBuf>) {
    let _ = FOLDERS.set(folders);
}

/// The font folders in the order they are searched.
fn font_folders() -> impl Iterator<Item = PathBuf> {
    FOLDERS
        .get()
        .into_iter()
        .flatten()
        .cloned()
        .chain(std::iter::once(
            Path::new(env!("CARGO_MANIFEST_DIR")).join("fonts"),
        ))
}

/// Each font file and where it is found (`None`: in none of the font folders), for
/// `coachdesk --check-fonts` and the packaging test.
pub fn font_files() -> Vec<(&'static str, Option<PathBuf>)> {
    ALL.iter().map(|f| (f.file_name(), f.file())).collect()
}

/// Characters below this (Latin, Greek, Cyrillic, punctuation, arrows: what she writes) are
/// looked up in a bitmap made once per face.
const MAPPED_BELOW: u32 = 0x2400;

/// The order in which faces are tried for a character the preferred face lacks.
const FALLBACKS: [Face; 4] = [
    Face::SerifRegular,
    Face::SansRegular,
    Face::Cjk,
    Face::Emoji,
];

impl Face {
    fn index(self) -> usize {
        self as usize
    }

    /// The font file, read once (the first folder that has it).
    pub(crate) fn bytes(self) -> Result<&'static [u8], PdfError> {
        static BYTES: [OnceLock<Option<&'static [u8]>>; FACE_COUNT] =
            [const { OnceLock::new() }; FACE_COUNT];
        BYTES[self.index()]
            .get_or_init(|| {
                let bytes = crate::files::read_at_most(&self.file()?, MAX_FONT_BYTES).ok()??;
                Some(Box::leak(bytes.into_boxed_slice()))
            })
            .ok_or(PdfError::Font(self.file_name()))
    }

    /// Where this face's file is: in the first of the font folders that has it.
    fn file(self) -> Option<PathBuf> {
        font_folders()
            .map(|folder| folder.join(self.file_name()))
            .find(|path| path.is_file())
    }

    /// The rustybuzz face used to map, shape and measure text.
    pub(crate) fn shaper(self) -> Result<&'static rustybuzz::Face<'static>, PdfError> {
        static SHAPERS: [OnceLock<Option<rustybuzz::Face<'static>>>; FACE_COUNT] =
            [const { OnceLock::new() }; FACE_COUNT];
        SHAPERS[self.index()]
            .get_or_init(|| rustybuzz::Face::from_slice(self.bytes().ok()?, 0))
            .as_ref()
            .ok_or(PdfError::Font(self.file_name()))
    }

    pub(crate) fn file_name(self) -> &'static str {
        match self {
            Face::SerifRegular => "NotoSerif-Regular.ttf",
            Face::SerifItalic => "NotoSerif-Italic.ttf",
            Face::SerifBold => "NotoSerif-Bold.ttf",
            Face::SerifBoldItalic => "NotoSerif-BoldItalic.ttf",
            Face::SansRegular => "Lato-Regular.ttf",
            Face::SansBold => "Lato-Bold.ttf",
            Face::Cjk => "DroidSansFallbackFull.ttf",
            Face::Emoji => "NotoEmoji-Regular.ttf",
        }
    }

    fn has(self, c: char) -> Result<bool, PdfError> {
        let code = u32::from(c);
        if code < MAPPED_BELOW {
            let map = self.coverage()?;
            return Ok(map[(code / 64) as usize] >> (code % 64) & 1 == 1);
        }
        self.maps(c)
    }

    /// Whether the font file's character map gives `c` a glyph.
    fn maps(self, c: char) -> Result<bool, PdfError> {
        Ok(self.shaper()?.glyph_index(c).is_some_and(|g| g.0 != 0))
    }

    /// One bit for each character below `MAPPED_BELOW`: whether the face has it. Every
    /// character of a handout is looked up (to choose its face, and to find what cannot print);
    /// the font's own character map is several times slower to ask.
    fn coverage(self) -> Result<&'static [u64], PdfError> {
        static MAPS: [OnceLock<Option<Box<[u64]>>>; FACE_COUNT] =
            [const { OnceLock::new() }; FACE_COUNT];
        MAPS[self.index()]
            .get_or_init(|| {
                let mut map = vec![0_u64; (MAPPED_BELOW / 64) as usize];
                for code in 0..MAPPED_BELOW {
                    if let Some(c) = char::from_u32(code) {
                        if self.maps(c).ok()? {
                            map[(code / 64) as usize] |= 1 << (code % 64);
                        }
                    }
                }
                Some(map.into_boxed_slice())
            })
            .as_deref()
            .ok_or(PdfError::Font(self.file_name()))
    }

    /// The glyph's advance exactly as the font's /W array gives it (`embed`; whole
    /// thousandths of an em, truncated), so positioning can correct for the difference.
    pub(crate) fn pdf_width(self, gid: u16) -> Result<f32, PdfError> {
        let face = self.shaper()?;
        let advance = face
            .glyph_hor_advance(rustybuzz::ttf_parser::GlyphId(gid))
            .unwrap_or(0);
        Ok((f32::from(advance) * 1000.0 / face.units_per_em() as f32).trunc())
    }
}

/// Characters that carry no ink and are dropped before setting text: soft hyphens (we
/// hyphenate ourselves), zero-width spaces and joiners, variation selectors, byte-order marks
/// and control characters.
pub(crate) fn is_ignorable(c: char) -> bool {
    matches!(
        c,
        '\u{00AD}' | '\u{200B}'..='\u{200F}' | '\u{2060}' | '\u{FE00}'..='\u{FE0F}' | '\u{FEFF}'
    ) || ('\u{E0100}'..='\u{E01EF}').contains(&c)
        || (c.is_control() && !c.is_whitespace())
}

/// The face that draws `c`: the preferred one if it has the glyph, else the first fallback
/// that does; `None` when no vendored font can print it (rare scripts, the newest emoji).
pub(crate) fn face_for(c: char, preferred: Face) -> Result<Option<Face>, PdfError> {
    if c.is_whitespace() || preferred.has(c)? {
        return Ok(Some(preferred));
    }
    for face in FALLBACKS {
        if face.has(c)? {
            return Ok(Some(face));
        }
    }
    Ok(None)
}

/// One shaped glyph, ready to be placed.
#[derive(Clone, Debug)]
pub(crate) struct Glyph {
    pub face: Face,
    pub gid: u16,
    /// Advance in points at the size it was shaped at.
    pub advance: f32,
    /// Byte range in the source text of the cluster this glyph starts (empty for the
    /// second and later glyphs of one cluster).
    pub start: usize,
    pub end: usize,
}

/// Shapes `text[range]` in one face at `size` points and appends the glyphs, with cluster
/// positions relative to the whole `text`. On a thread that remembers (`pdf::remember_rendering`),
/// a piece shaped before in the same face and size is copied, not shaped again.
pub(crate) fn shape_into(
    text: &str,
    range: std::ops::Range<usize>,
    face: Face,
    size: f32,
    out: &mut Vec<Glyph>,
) -> Result<(), PdfError> {
    let piece = &text[range.clone()];
    if !memo::remembering() {
        return shape_piece(piece, range.start, face, size, out);
    }
    let key = (face, size.to_bits());
    let remembered = SHAPED.with(|shaped| {
        shaped.with(&key, piece, |glyphs| {
            out.extend(glyphs.iter().map(|g| Glyph {
                start: g.start + range.start,
                end: g.end + range.start,
                ..g.clone()
            }));
        })
    });
    if remembered.is_some() {
        return Ok(());
    }
    let from = out.len();
    shape_piece(piece, range.start, face, size, out)?;
    let glyphs = out[from..]
        .iter()
        .map(|g| Glyph {
            start: g.start - range.start,
            end: g.end - range.start,
            ..g.clone()
        })
        .collect();
    SHAPED.with(|shaped| shaped.keep(key, piece.to_owned(), glyphs));
    Ok(())
}

thread_local! {
    /// How pieces of text were shaped, by face, size and text (a handout has a few hundred).
    static SHAPED: Remembered<(Face, u32), String, Vec<Glyph>> = Remembered::new(4096);
}

/// Shapes `piece` (which starts at byte `offset` of its text) with rustybuzz.
fn shape_piece(
    piece: &str,
    offset: usize,
    face: Face,
    size: f32,
    out: &mut Vec<Glyph>,
) -> Result<(), PdfError> {
    let shaper = face.shaper()?;
    let mut buffer = rustybuzz::UnicodeBuffer::new();
    buffer.push_str(piece);
    buffer.guess_segment_properties();
    // Left-to-right only: the coach writes in English and French; CJK names are LTR too.
    buffer.set_direction(rustybuzz::Direction::LeftToRight);
    let shaped = rustybuzz::shape(shaper, &[], buffer);
    let scale = size / shaper.units_per_em() as f32;
    let infos = shaped.glyph_infos();
    let positions = shaped.glyph_positions();
    for (i, (info, pos)) in infos.iter().zip(positions).enumerate() {
        let cluster = info.cluster as usize;
        let first_of_cluster = i == 0 || infos[i - 1].cluster != info.cluster;
        let next_cluster = infos[i + 1..]
            .iter()
            .map(|g| g.cluster as usize)
            .find(|&c| c != cluster)
            .unwrap_or(piece.len());
        let (start, end) = if first_of_cluster {
            (offset + cluster, offset + next_cluster)
        } else {
            (offset + cluster, offset + cluster)
        };
        out.push(Glyph {
            face,
            gid: u16::try_from(info.glyph_id).unwrap_or(0),
            advance: pos.x_advance as f32 * scale,
            start,
            end,
        });
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_coverage_bitmap_agrees_with_each_fonts_character_map() {
        for face in ALL {
            let mut held = 0;
            for c in (0..MAPPED_BELOW + 64).filter_map(char::from_u32) {
                assert_eq!(face.has(c), face.maps(c), "{face:?} {c:?}");
                held += usize::from(face.maps(c).unwrap());
            }
            assert!(held > 40, "{face:?} maps characters of this range: {held}");
        }
        assert!(Face::SerifRegular.has('é').unwrap());
        assert!(!Face::SerifRegular.has('李').unwrap());
        assert!(Face::Cjk.has('李').unwrap());
    }

    #[test]
    fn remembered_shaping_is_the_same_as_shaping_again() {
        let text = "Renée, bone broth — “first” steps; ffi office 李小龙 🌿 Zoë.";
        let shape_all = |out: &mut Vec<Glyph>| {
            for (start, end) in [(0, 7), (7, text.len())] {
                shape_into(text, start..end, Face::SerifRegular, 11.5, out).unwrap();
            }
        };
        let mut fresh = Vec::new();
        shape_all(&mut fresh);
        let _memo = memo::remember_rendering();
        let (mut first, mut again) = (Vec::new(), Vec::new());
        shape_all(&mut first);
        shape_all(&mut again);
        let key = |g: &Glyph| (g.face, g.gid, g.advance.to_bits(), g.start, g.end);
        let keys = |gs: &[Glyph]| gs.iter().map(key).collect::<Vec<_>>();
        assert_eq!(keys(&first), keys(&fresh));
        assert_eq!(keys(&again), keys(&fresh));
        assert_eq!(SHAPED.with(Remembered::len), 2);
        // Another size is shaped anew.
        let mut bigger = Vec::new();
        shape_into(text, 0..7, Face::SerifRegular, 23.0, &mut bigger).unwrap();
        assert!(bigger[0].advance > fresh[0].advance);
    }
}
