//! A small PDF 1.4 writer: A4 pages of text and thin rules. Latin text is in Helvetica (regular and bold, WinAnsi
//! encoding); Chinese text in Adobe's STSong-Light with the `UniGB-UCS2-H` encoding, one of the CJK fonts every
//! conforming reader supplies, so nothing is embedded. Enough for an invoice, with nothing compressed so tests (and
//! people) can read what is in it.

use std::fmt::Write as _;

/// A4 width in points.
pub const PAGE_WIDTH: f32 = 595.0;
/// A4 height in points.
pub const PAGE_HEIGHT: f32 = 842.0;

/// Which face of Helvetica.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Face {
    /// Helvetica.
    Regular,
    /// Helvetica-Bold.
    Bold,
}

/// Which fonts a document's text is set in.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Script {
    /// Helvetica: Latin letters (Windows-1252), enough for English, Swedish and German.
    #[default]
    Latin,
    /// STSong-Light: Simplified Chinese and ASCII.
    Chinese,
}

/// One page being drawn: its content stream.
#[derive(Default)]
pub struct Page {
    script: Script,
    content: String,
}

impl Page {
    /// An empty page whose text is set in `script`'s fonts.
    pub fn new(script: Script) -> Self {
        Self { script, content: String::new() }
    }

    /// Text with its left end at `x`, baseline at `y` (points from the bottom-left corner).
    pub fn text(&mut self, x: f32, y: f32, size: f32, face: Face, text: &str) {
        let font = match face {
            Face::Regular => "F1",
            Face::Bold => "F2",
        };
        let string = match self.script {
            Script::Latin => format!("({})", escape(text)),
            Script::Chinese => format!("<{}>", utf16_hex(text)),
        };
        // STSong-Light has one weight: bold is the glyphs filled and stroked (rendering mode 2, which lasts until
        // the next text sets it again).
        let weight = match (self.script, face) {
            (Script::Latin, _) => "",
            (Script::Chinese, Face::Regular) => "0 Tr ",
            (Script::Chinese, Face::Bold) => "2 Tr 0.3 w ",
        };
        let _ = writeln!(self.content, "BT /{font} {size} Tf {weight}{x:.2} {y:.2} Td {string} Tj ET");
    }

    /// Text with its right end at `x`.
    pub fn text_right(&mut self, x: f32, y: f32, size: f32, face: Face, text: &str) {
        let width = match self.script {
            Script::Latin => width(text, size),
            Script::Chinese => cjk_width(text, size),
        };
        self.text(x - width, y, size, face, text);
    }

    /// A horizontal rule from `x1` to `x2` at `y`.
    pub fn rule(&mut self, x1: f32, x2: f32, y: f32) {
        let _ = writeln!(self.content, "0.5 w {x1:.2} {y:.2} m {x2:.2} {y:.2} l S");
    }
}

/// The width of `text` in Helvetica at `size` points (regular widths; bold digits are as wide).
pub fn width(text: &str, size: f32) -> f32 {
    let units: u32 = text.chars().map(char_width).sum();
    units as f32 * size / 1000.0
}

/// The width of `text` in STSong-Light at `size` points: ASCII half a square, everything else a full square (the
/// widths the font's dictionary declares).
pub fn cjk_width(text: &str, size: f32) -> f32 {
    let units: u32 = text.chars().map(|c| if c.is_ascii() { 500 } else { 1000 }).sum();
    units as f32 * size / 1000.0
}

/// UTF-16BE code units in hexadecimal, as `UniGB-UCS2-H` strings and Unicode text strings (after `FEFF`) take them.
fn utf16_hex(text: &str) -> String {
    text.encode_utf16().fold(String::new(), |mut out, unit| {
        let _ = write!(out, "{unit:04X}");
        out
    })
}

/// Helvetica advance widths (per 1000 units of the font size) of printable ASCII; others count as a digit.
fn char_width(c: char) -> u32 {
    const ASCII: [u16; 95] = [
        278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278, // space to /
        556, 556, 556, 556, 556, 556, 556, 556, 556, 556, // 0 to 9
        278, 278, 584, 584, 584, 556, 1015, // : to @
        667, 667, 722, 722, 667, 611, 778, 722, 278, 500, 667, 556, 833, 722, 778, 667, 778, 722, 667, 611, 722, 667,
        944, 667, 667, 611, // A to Z
        278, 278, 278, 469, 556, 333, // [ to `
        556, 556, 500, 556, 556, 278, 556, 556, 222, 222, 500, 222, 833, 556, 556, 556, 556, 333, 500, 278, 556, 500,
        722, 500, 500, 500, // a to z
        334, 260, 334, 584, // { to ~
    ];
    match c as u32 {
        code @ 32..=126 => u32::from(ASCII[(code - 32) as usize]),
        _ => 556,
    }
}

/// A PDF string literal's content: the text in WinAnsi (Windows-1252), `(`, `)` and `\` escaped, characters the
/// encoding lacks as `?`.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '(' | ')' | '\\' => {
                out.push('\\');
                out.push(c);
            }
            ' '..='~' => out.push(c),
            _ => match win_ansi(c) {
                Some(byte) => {
                    let _ = write!(out, "\\{byte:03o}");
                }
                None => out.push('?'),
            },
        }
    }
    out
}

/// The characters of Windows-1252's bytes 0x80 to 0x9F that it defines.
const WIN_ANSI_HIGH: [(char, u8); 19] = [
    ('€', 0x80),
    ('‚', 0x82),
    ('„', 0x84),
    ('…', 0x85),
    ('‘', 0x91),
    ('’', 0x92),
    ('“', 0x93),
    ('”', 0x94),
    ('•', 0x95),
    ('–', 0x96),
    ('—', 0x97),
    ('™', 0x99),
    ('Š', 0x8A),
    ('š', 0x9A),
    ('Œ', 0x8C),
    ('œ', 0x9C),
    ('Ž', 0x8E),
    ('ž', 0x9E),
    ('Ÿ', 0x9F),
];

/// The Windows-1252 byte of a non-ASCII character, if it has one.
fn win_ansi(c: char) -> Option<u8> {
    match u8::try_from(u32::from(c)) {
        Ok(byte) if byte >= 0xA0 => Some(byte),
        _ => WIN_ANSI_HIGH.iter().find(|(high, _)| *high == c).map(|(_, byte)| *byte),
    }
}

/// The character of a Windows-1252 byte.
fn from_win_ansi(byte: u8) -> char {
    WIN_ANSI_HIGH.iter().find(|(_, high)| *high == byte).map_or(char::from(byte), |(c, _)| *c)
}

/// The strings a PDF written here shows, in order and decoded (Windows-1252 literals and UTF-16 hex strings), for
/// tests that read what a reader would see.
pub fn shown_text(pdf: &[u8]) -> Vec<String> {
    let text: String = pdf.iter().map(|&byte| char::from(byte)).collect();
    let mut shown = Vec::new();
    for line in text.lines().filter(|line| line.ends_with(" Tj ET")) {
        let operand = line.trim_end_matches(" Tj ET");
        if let Some(start) = operand.rfind(" <").filter(|_| operand.ends_with('>')) {
            let hex = &operand[start + 2..operand.len() - 1];
            let units: Vec<u16> =
                (0..hex.len() / 4).filter_map(|i| u16::from_str_radix(&hex[4 * i..4 * i + 4], 16).ok()).collect();
            shown.push(String::from_utf16_lossy(&units));
        } else if let Some(start) = operand.find(" Td (") {
            shown.push(unescape(&operand[start + 5..operand.len() - 1]));
        }
    }
    shown
}

/// A literal string's content read back: escapes undone, Windows-1252 bytes as characters.
fn unescape(literal: &str) -> String {
    let mut out = String::new();
    let mut chars = literal.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        let Some(next) = chars.next() else { break };
        if next.is_digit(8) {
            let digits: String = std::iter::once(next).chain(chars.clone().take(2)).collect();
            chars.nth(1);
            let byte = u8::from_str_radix(&digits, 8).unwrap_or(b'?');
            out.push(from_win_ansi(byte));
        } else {
            out.push(next);
        }
    }
    out
}

/// Assembles pages into a PDF file with a document title; the first page's script decides the fonts.
pub fn document(title: &str, pages: &[Page]) -> Vec<u8> {
    let script = pages.first().map(|page| page.script).unwrap_or_default();
    // Objects: 1 catalog, 2 page tree, 3 and 4 fonts, 5 info, then a page and its content per page, then (Chinese)
    // the CIDFont and its descriptor.
    let mut objects: Vec<String> = Vec::new();
    let page_ids: Vec<usize> = (0..pages.len()).map(|i| 6 + 2 * i).collect();
    let kids: Vec<String> = page_ids.iter().map(|id| format!("{id} 0 R")).collect();
    objects.push("<< /Type /Catalog /Pages 2 0 R >>".into());
    objects.push(format!("<< /Type /Pages /Kids [{}] /Count {} >>", kids.join(" "), pages.len()));
    match script {
        Script::Latin => {
            objects.push("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>".into());
            objects
                .push("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>".into());
        }
        Script::Chinese => {
            // Both faces are the same font (the page draws bold); its CIDFont and descriptor follow the pages.
            let song = format!(
                "<< /Type /Font /Subtype /Type0 /BaseFont /STSong-Light /Encoding /UniGB-UCS2-H \
                 /DescendantFonts [{} 0 R] >>",
                6 + 2 * pages.len()
            );
            objects.push(song.clone());
            objects.push(song);
        }
    }
    objects
        .push(format!("<< /Title <FEFF{}> /Producer (Self-service purchases reference backend) >>", utf16_hex(title)));
    for (page, id) in pages.iter().zip(&page_ids) {
        objects.push(format!(
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 {PAGE_WIDTH} {PAGE_HEIGHT}] \
             /Resources << /Font << /F1 3 0 R /F2 4 0 R >> >> /Contents {} 0 R >>",
            id + 1
        ));
        objects.push(format!("<< /Length {} >>\nstream\n{}endstream", page.content.len(), page.content));
    }
    if script == Script::Chinese {
        objects.push(format!(
            "<< /Type /Font /Subtype /CIDFontType0 /BaseFont /STSong-Light \
             /CIDSystemInfo << /Registry (Adobe) /Ordering (GB1) /Supplement 2 >> \
             /FontDescriptor {} 0 R /DW 1000 /W [1 95 500 814 939 500] >>",
            objects.len() + 2
        ));
        objects.push(
            "<< /Type /FontDescriptor /FontName /STSong-Light /Flags 6 /FontBBox [-25 -254 1000 880] \
             /ItalicAngle 0 /Ascent 880 /Descent -120 /CapHeight 880 /StemV 93 >>"
                .into(),
        );
    }

    let mut out = b"%PDF-1.4\n%\xE2\xE3\xCF\xD3\n".to_vec();
    let mut offsets = Vec::with_capacity(objects.len());
    for (i, object) in objects.iter().enumerate() {
        offsets.push(out.len());
        out.extend_from_slice(format!("{} 0 obj\n{object}\nendobj\n", i + 1).as_bytes());
    }
    let xref = out.len();
    let mut table = format!("xref\n0 {}\n0000000000 65535 f \n", objects.len() + 1);
    for offset in offsets {
        let _ = writeln!(table, "{offset:010} 00000 n ");
    }
    let _ =
        write!(table, "trailer\n<< /Size {} /Root 1 0 R /Info 5 0 R >>\nstartxref\n{xref}\n%%EOF\n", objects.len() + 1);
    out.extend_from_slice(table.as_bytes());
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strings_are_escaped_and_encoded() {
        assert_eq!(escape("a(b)\\c"), "a\\(b\\)\\\\c");
        assert_eq!(escape("Öst – 5 €"), "\\326st \\226 5 \\200");
        assert_eq!(escape("王"), "?");
    }

    #[test]
    fn shown_text_reads_back_both_scripts() {
        let mut latin = Page::new(Script::Latin);
        latin.text(50.0, 800.0, 10.0, Face::Regular, "Förfallodatum (€ 5)");
        let mut chinese = Page::new(Script::Chinese);
        chinese.text(50.0, 800.0, 10.0, Face::Bold, "到期日 2026");
        assert_eq!(shown_text(&document("T", &[latin])), ["Förfallodatum (€ 5)"]);
        let pdf = document("发票", &[chinese]);
        assert_eq!(shown_text(&pdf), ["到期日 2026"]);
        let text = String::from_utf8_lossy(&pdf);
        assert!(text.contains("/Encoding /UniGB-UCS2-H"));
        assert!(text.contains("<5230671F65E500200032003000320036> Tj"));
        assert!(text.contains("/Title <FEFF53D17968>"));
    }

    #[test]
    fn the_cross_reference_table_points_at_every_object() {
        let mut page = Page::default();
        page.text(50.0, 800.0, 12.0, Face::Bold, "Hello");
        let pdf = document("T", &[page, Page::default()]);
        let text = String::from_utf8_lossy(&pdf).into_owned();
        assert!(pdf.starts_with(b"%PDF-1.4\n"));
        assert!(text.ends_with("%%EOF\n"));
        let start: usize = text.rsplit("startxref\n").next().unwrap().lines().next().unwrap().parse().unwrap();
        assert!(pdf[start..].starts_with(b"xref\n"));
        let entries: Vec<usize> = String::from_utf8_lossy(&pdf[start..])
            .lines()
            .skip(3)
            .take_while(|l| l.ends_with(" n "))
            .map(|l| l[..10].parse().unwrap())
            .collect();
        assert_eq!(entries.len(), 9);
        for (i, offset) in entries.iter().enumerate() {
            assert!(pdf[*offset..].starts_with(format!("{} 0 obj", i + 1).as_bytes()));
        }
        assert!(text.contains("/Count 2"));
        assert!(text.contains("(Hello) Tj"));
    }

    #[test]
    fn widths_follow_helvetica() {
        assert_eq!(width("00", 10.0), 11.12);
        assert!(width("W", 10.0) > width("i", 10.0));
    }
}
