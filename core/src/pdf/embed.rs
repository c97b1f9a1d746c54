//! A face's glyphs as an embedded PDF font: the font program subset to those glyphs
//! (allsorts), a Type 0 font with Identity-H codes, the glyph widths
//! (/W), the metrics viewers substitute by, and a ToUnicode map so the text can be copied and
//! searched. A subset is made once per face and glyph set on a thread that remembers
//! (`pdf::remember_rendering`): a bulk export's handouts share theirs.

use std::collections::{BTreeMap, HashMap};
use std::fmt::Write as _;
use std::rc::Rc;

use lopdf::{dictionary, Dictionary, Object, ObjectId, StringFormat};

use super::flate::{compress, flated};
use super::fonts::Face;
use super::memo::{self, Remembered};
use super::PdfError;

/// The glyphs a document prints in one face: each glyph id, and the text it stands for
/// (empty for the second and later glyphs of a cluster, which stand for nothing more).
pub(crate) type Glyphs = BTreeMap<u16, String>;

/// A face subset to some glyphs, ready to be added to any document.
pub(crate) struct Subset {
    /// The font's name in the PDF: six capital letters naming the subset, `+`, its
    /// PostScript name.
    name: String,
    /// The subset's font program, Flate-compressed, and its length before.
    program: Vec<u8>,
    program_length: usize,
    /// The descriptor's metrics (everything but the font program).
    descriptor: Dictionary,
    widths: Vec<Object>,
    /// The ToUnicode CMap, Flate-compressed.
    to_unicode: Vec<u8>,
    /// Each glyph id of the face to its code (its glyph id in the subset).
    codes: HashMap<u16, u16>,
}

thread_local! {
    /// Subsets already made, by face and glyphs (a handout uses up to eight faces).
    static SUBSETS: Remembered<Face, Glyphs, Rc<Subset>> = Remembered::new(32);
}

impl Subset {
    /// `face` subset to `glyphs`; made once per face and glyphs on a thread that remembers.
    pub(crate) fn of(face: Face, glyphs: &Glyphs) -> Result<Rc<Subset>, PdfError> {
        memo::remembered(&SUBSETS, face, glyphs, || {
            Subset::make(face, glyphs).map(Rc::new)
        })
    }

    fn make(face: Face, glyphs: &Glyphs) -> Result<Subset, PdfError> {
        use allsorts::binary::read::ReadScope;
        use allsorts::font_data::FontData;
        use allsorts::subset::{subset, CmapTarget, SubsetProfile};
        let failed = |e: &dyn std::fmt::Display| {
            PdfError::Write(format!(
                "the font {} could not be subset ({e})",
                face.file_name()
            ))
        };
        // allsorts gives each glyph asked for its place in this list as its new id; the first
        // must be .notdef (glyph 0).
        let ids: Vec<u16> = std::iter::once(0)
            .chain(glyphs.keys().copied().filter(|&gid| gid != 0))
            .collect();
        let font = ReadScope::new(face.bytes()?)
            .read::<FontData<'_>>()
            .map_err(|e| failed(&e))?;
        let provider = font.table_provider(0).map_err(|e| failed(&e))?;
        let program = subset(&provider, &ids, &SubsetProfile::Pdf, CmapTarget::Unicode)
            .map_err(|e| failed(&e))?;
        // Our faces are TrueType (glyf outlines): a glyph's code is its id in the subset.
        if program.starts_with(b"OTTO") {
            return Err(failed(&"its outlines are not TrueType"));
        }
        let codes: HashMap<u16, u16> = ids
            .iter()
            .enumerate()
            .filter_map(|(code, &gid)| Some((gid, u16::try_from(code).ok()?)))
            .collect();
        // Every code from 0 up, for the widths and the ToUnicode map.
        let coded: Vec<(u16, u16, &str)> = ids
            .iter()
            .zip(0_u16..)
            .map(|(&gid, code)| (code, gid, glyphs.get(&gid).map_or("", String::as_str)))
            .collect();

        let metrics = face.shaper()?;
        let scale = 1000.0 / metrics.units_per_em() as f32;
        let scaled = |v: i16| Object::Integer((f32::from(v) * scale).round() as i64);
        let ascent = scaled(metrics.ascender());
        let bbox = metrics.global_bounding_box();
        let italic_angle = metrics.italic_angle().round() as i64;
        // PDF 32000-1 Table 123: nonsymbolic (the Latin character set), and italic.
        let flags = (1 << 5) | if italic_angle == 0 { 0 } else { 1 << 6 };
        // No table has the stem width; producers estimate it from the weight class.
        let stem_v = 50
            + (f32::from(metrics.weight().to_number()) / 65.0)
                .powi(2)
                .round() as i64;
        let descriptor = dictionary! {
            "Type" => "FontDescriptor",
            "Ascent" => ascent.clone(),
            "Descent" => scaled(metrics.descender()),
            "CapHeight" => metrics.capital_height().map_or(ascent, scaled),
            "ItalicAngle" => italic_angle,
            "Flags" => flags,
            "StemV" => stem_v,
            "FontBBox" => vec![
                scaled(bbox.x_min),
                scaled(bbox.y_min),
                scaled(bbox.x_max),
                scaled(bbox.y_max),
            ],
        };

        let postscript = metrics
            .names()
            .into_iter()
            .find(|n| n.name_id == rustybuzz::ttf_parser::name_id::POST_SCRIPT_NAME)
            .and_then(|n| n.to_string())
            .unwrap_or_else(|| face.file_name().trim_end_matches(".ttf").to_string());
        Ok(Subset {
            name: format!("{}+{postscript}", tag(face, glyphs)),
            program: compress(&program)?,
            program_length: program.len(),
            descriptor,
            widths: widths(face, &coded)?,
            to_unicode: compress(to_unicode(&coded).as_bytes())?,
            codes,
        })
    }

    /// The code `gid` is written with in a content stream.
    pub(crate) fn code(&self, gid: u16) -> u16 {
        self.codes.get(&gid).copied().unwrap_or(0)
    }

    /// Adds the font to `doc`; the returned object is what a page's /Font resources name.
    pub(crate) fn add_to(&self, doc: &mut lopdf::Document) -> ObjectId {
        let program = flated(
            dictionary! { "Length1" => self.program_length as i64 },
            self.program.clone(),
        );
        let mut descriptor = self.descriptor.clone();
        descriptor.set("FontName", Object::Name(self.name.clone().into_bytes()));
        descriptor.set("FontFile2", doc.add_object(program));
        let descriptor = doc.add_object(descriptor);
        let to_unicode = doc.add_object(flated(Dictionary::new(), self.to_unicode.clone()));
        let descendant = dictionary! {
            "Type" => "Font",
            "Subtype" => "CIDFontType2",
            "BaseFont" => Object::Name(self.name.clone().into_bytes()),
            "CIDSystemInfo" => dictionary! {
                "Registry" => Object::string_literal("Adobe"),
                "Ordering" => Object::string_literal("Identity"),
                "Supplement" => 0,
            },
            "FontDescriptor" => descriptor,
            "W" => self.widths.clone(),
            "CIDToGIDMap" => "Identity",
        };
        doc.add_object(dictionary! {
            "Type" => "Font",
            "Subtype" => "Type0",
            "BaseFont" => Object::Name(self.name.clone().into_bytes()),
            "Encoding" => "Identity-H",
            "DescendantFonts" => vec![Object::Dictionary(descendant)],
            "ToUnicode" => to_unicode,
        })
    }
}

/// Six capital letters naming a subset of `face` with these glyphs (ISO 32000-1, 9.6.4): the
/// same glyphs, the same name.
fn tag(face: Face, glyphs: &Glyphs) -> String {
    let mut n = fingerprint(&(face, glyphs));
    (0..6)
        .map(|_| {
            let letter = char::from(b'A' + (n % 26) as u8);
            n /= 26;
            letter
        })
        .collect()
}

/// A number standing for `value`: the same value, the same number (in one build of CoachDesk).
pub(crate) fn fingerprint(value: &impl std::hash::Hash) -> u64 {
    use std::hash::Hasher;
    let mut hasher = std::hash::DefaultHasher::new();
    value.hash(&mut hasher);
    hasher.finish()
}

/// The /W array: the codes run from 0 in the subset's order, each with its glyph's width in
/// the whole thousandths of an em positioning counts with (`Face::pdf_width`).
fn widths(face: Face, coded: &[(u16, u16, &str)]) -> Result<Vec<Object>, PdfError> {
    let run = coded
        .iter()
        .map(|&(_, gid, _)| Ok(Object::Integer(face.pdf_width(gid)? as i64)))
        .collect::<Result<Vec<_>, PdfError>>()?;
    Ok(vec![Object::Integer(0), Object::Array(run)])
}

/// The ToUnicode CMap: each code that stands for some text, to that text in UTF-16.
fn to_unicode(coded: &[(u16, u16, &str)]) -> String {
    let mapped: Vec<(u16, &str)> = coded
        .iter()
        .filter(|(_, _, text)| !text.is_empty())
        .map(|&(code, _, text)| (code, text))
        .collect();
    let mut cmap = String::from(
        "/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n\
         /CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n\
         /CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n\
         1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n",
    );
    // At most 100 entries a block (PDF 32000-1, 9.10.3).
    for block in mapped.chunks(100) {
        let _ = writeln!(cmap, "{} beginbfchar", block.len());
        for (code, text) in block {
            let _ = write!(cmap, "<{code:04X}> <");
            for unit in text.encode_utf16() {
                let _ = write!(cmap, "{unit:04X}");
            }
            cmap.push_str(">\n");
        }
        cmap.push_str("endbfchar\n");
    }
    cmap.push_str("endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n");
    cmap
}

/// A text string of the document's information (title, author): PDFDocEncoding is not
/// UTF-8, so anything beyond ASCII is written in UTF-16 with its byte order mark.
pub(crate) fn text_string(text: &str) -> Object {
    if text.is_ascii() {
        return Object::String(text.as_bytes().to_vec(), StringFormat::Literal);
    }
    let mut bytes = vec![0xFE, 0xFF];
    bytes.extend(text.encode_utf16().flat_map(u16::to_be_bytes));
    Object::String(bytes, StringFormat::Hexadecimal)
}
