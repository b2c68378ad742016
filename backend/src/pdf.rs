//! A small PDF 1.4 writer: A4 pages of text in Helvetica (regular and bold, WinAnsi encoding) and thin rules.
//! Enough for an invoice, with nothing compressed so tests (and people) can read what is in it.

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

/// One page being drawn: its content stream.
#[derive(Default)]
pub struct Page {
    content: String,
}

impl Page {
    /// Text with its left end at `x`, baseline at `y` (points from the bottom-left corner).
    pub fn text(&mut self, x: f32, y: f32, size: f32, face: Face, text: &str) {
        let font = match face {
            Face::Regular => "F1",
            Face::Bold => "F2",
        };
        let _ = writeln!(self.content, "BT /{font} {size} Tf {x:.2} {y:.2} Td ({}) Tj ET", escape(text));
    }

    /// Text with its right end at `x`.
    pub fn text_right(&mut self, x: f32, y: f32, size: f32, face: Face, text: &str) {
        self.text(x - width(text, size), y, size, face, text);
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

/// The Windows-1252 byte of a non-ASCII character, if it has one.
fn win_ansi(c: char) -> Option<u8> {
    let code = c as u32;
    if (0xA0..=0xFF).contains(&code) {
        return u8::try_from(code).ok();
    }
    Some(match c {
        '€' => 0x80,
        '‚' => 0x82,
        '„' => 0x84,
        '…' => 0x85,
        '‘' => 0x91,
        '’' => 0x92,
        '“' => 0x93,
        '”' => 0x94,
        '•' => 0x95,
        '–' => 0x96,
        '—' => 0x97,
        '™' => 0x99,
        'Š' => 0x8A,
        'š' => 0x9A,
        'Œ' => 0x8C,
        'œ' => 0x9C,
        'Ž' => 0x8E,
        'ž' => 0x9E,
        'Ÿ' => 0x9F,
        _ => return None,
    })
}

/// Assembles pages into a PDF file with a document title.
pub fn document(title: &str, pages: &[Page]) -> Vec<u8> {
    // Objects: 1 catalog, 2 page tree, 3 and 4 fonts, 5 info, then a page and its content per page.
    let mut objects: Vec<String> = Vec::new();
    let page_ids: Vec<usize> = (0..pages.len()).map(|i| 6 + 2 * i).collect();
    let kids: Vec<String> = page_ids.iter().map(|id| format!("{id} 0 R")).collect();
    objects.push("<< /Type /Catalog /Pages 2 0 R >>".into());
    objects.push(format!("<< /Type /Pages /Kids [{}] /Count {} >>", kids.join(" "), pages.len()));
    objects.push("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>".into());
    objects.push("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>".into());
    objects.push(format!("<< /Title ({}) /Producer (Self-service purchases reference backend) >>", escape(title)));
    for (page, id) in pages.iter().zip(&page_ids) {
        objects.push(format!(
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 {PAGE_WIDTH} {PAGE_HEIGHT}] \
             /Resources << /Font << /F1 3 0 R /F2 4 0 R >> >> /Contents {} 0 R >>",
            id + 1
        ));
        objects.push(format!("<< /Length {} >>\nstream\n{}endstream", page.content.len(), page.content));
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
