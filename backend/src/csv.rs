//! CSV for spreadsheets: UTF-8 with a byte-order mark (so Excel reads Swedish and Chinese names right), CRLF line
//! ends, every field quoted, and formula-like fields neutralised (a leading `=`, `+`, `-`, `@`, tab or carriage
//! return gets a `'` first, so a spreadsheet shows the text instead of running it; OWASP "CSV injection").

/// A CSV document being written.
pub struct Csv(String);

impl Csv {
    /// A document with its header row.
    pub fn with_header(columns: &[&str]) -> Self {
        let mut csv = Self(String::from('\u{feff}'));
        csv.row(columns.iter().copied());
        csv
    }

    /// Appends a row.
    pub fn row<'a>(&mut self, fields: impl IntoIterator<Item = &'a str>) {
        let fields: Vec<String> = fields.into_iter().map(field).collect();
        self.0.push_str(&fields.join(","));
        self.0.push_str("\r\n");
    }

    /// The document's bytes.
    pub fn into_bytes(self) -> Vec<u8> {
        self.0.into_bytes()
    }
}

/// One field, quoted, with quotes doubled and formula-like text neutralised.
fn field(text: &str) -> String {
    let neutral = if text.starts_with(['=', '+', '-', '@', '\t', '\r']) { format!("'{text}") } else { text.to_owned() };
    format!("\"{}\"", neutral.replace('"', "\"\""))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fields_are_quoted_and_formulas_neutralised() {
        let mut csv = Csv::with_header(&["name", "e-mail"]);
        csv.row(["=HYPERLINK(\"x\")", "a@b"]);
        csv.row(["王芳", "-1+2"]);
        csv.row(["Åsa \"Ö\", AB", "@SUM(A1)"]);
        let text = String::from_utf8(csv.into_bytes()).unwrap();
        assert_eq!(
            text,
            "\u{feff}\"name\",\"e-mail\"\r\n\"'=HYPERLINK(\"\"x\"\")\",\"a@b\"\r\n\"王芳\",\"'-1+2\"\r\n\"Åsa \"\"Ö\"\", AB\",\"'@SUM(A1)\"\r\n"
        );
    }
}
