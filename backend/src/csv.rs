//! CSV for spreadsheets: UTF-8 with a byte-order mark (so Excel reads Swedish and Chinese names right), CRLF line
//! ends, every field quoted, and formula-like fields neutralised (a leading `=`, `+`, `-`, `@`, tab or carriage
//! return gets a `'` first, so a spreadsheet shows the text instead of running it; OWASP "CSV injection").

/// A CSV document being written.
pub struct Csv {
    text: String,
    separator: char,
}

impl Csv {
    /// A document with its header row, its fields separated by `separator` (`,`, or `;` for spreadsheets whose
    /// decimal separator is a comma).
    pub fn with_header(columns: &[&str], separator: char) -> Self {
        let mut csv = Self { text: String::from('\u{feff}'), separator };
        csv.row(columns.iter().copied());
        csv
    }

    /// Appends a row.
    pub fn row<'a>(&mut self, fields: impl IntoIterator<Item = &'a str>) {
        let fields: Vec<String> = fields.into_iter().map(field).collect();
        self.text.push_str(&fields.join(&self.separator.to_string()));
        self.text.push_str("\r\n");
    }

    /// The document's bytes.
    pub fn into_bytes(self) -> Vec<u8> {
        self.text.into_bytes()
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
        let mut csv = Csv::with_header(&["name", "e-mail"], ',');
        csv.row(["=HYPERLINK(\"x\")", "a@b"]);
        csv.row(["王芳", "-1+2"]);
        csv.row(["Åsa \"Ö\", AB", "@SUM(A1)"]);
        let text = String::from_utf8(csv.into_bytes()).unwrap();
        assert_eq!(
            text,
            "\u{feff}\"name\",\"e-mail\"\r\n\"'=HYPERLINK(\"\"x\"\")\",\"a@b\"\r\n\"王芳\",\"'-1+2\"\r\n\"Åsa \"\"Ö\"\", AB\",\"'@SUM(A1)\"\r\n"
        );
        let mut semicolons = Csv::with_header(&["Namn", "Pris"], ';');
        semicolons.row(["A; B", "12,50"]);
        assert_eq!(
            String::from_utf8(semicolons.into_bytes()).unwrap(),
            "\u{feff}\"Namn\";\"Pris\"\r\n\"A; B\";\"12,50\"\r\n"
        );
    }
}
