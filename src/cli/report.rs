//! A command's answer and its three printed forms: an aligned table for people (CJK widths
//! measured with `crate::text`, every cell sanitized), RFC 4180 CSV and JSON for scripts.
//!
//! The table and the records may differ in shape: `compare` shows one column per region but
//! exports one record per region and metric, which is what scripts want.

use std::io::{self, Write};

use serde_json::Value;

use crate::export::Sheet;

use crate::text;

/// How an answer is printed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// An aligned table.
    Table,
    /// Comma-separated values (RFC 4180).
    Csv,
    /// A JSON array of objects.
    Json,
}

/// Columns wider than this are cut with `…` in tables (sentences, titles).
const MAX_COLUMN: usize = 48;

/// A table for people.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Table {
    /// Column titles.
    pub headers: Vec<String>,
    /// Which columns hold numbers (right-aligned).
    pub right: Vec<bool>,
    /// The rows, one string per column.
    pub rows: Vec<Vec<String>>,
}

impl Table {
    /// A table with these column titles; a title starting with `>` is right-aligned.
    pub fn new(headers: &[&str]) -> Table {
        Table {
            headers: headers
                .iter()
                .map(|h| h.trim_start_matches('>').to_string())
                .collect(),
            right: headers.iter().map(|h| h.starts_with('>')).collect(),
            rows: Vec::new(),
        }
    }

    /// Pads the numbers of column `col` so that their decimal points line up.
    pub fn align_decimals(&mut self, col: usize) {
        let cells: Vec<String> = self
            .rows
            .iter()
            .map(|r| r.get(col).cloned().unwrap_or_default())
            .collect();
        let aligned = crate::query::format::align_decimals(&cells);
        for (row, cell) in self.rows.iter_mut().zip(aligned) {
            if let Some(c) = row.get_mut(col) {
                *c = cell;
            }
        }
    }

    /// Renders the table: columns two spaces apart, a rule under the titles, trailing spaces
    /// trimmed. Widths are display columns, so `成都市` and `天津滨海高新区` line up.
    pub fn render(&self) -> String {
        let n = self.headers.len();
        let mut widths: Vec<usize> = self.headers.iter().map(|h| text::width(h)).collect();
        for row in &self.rows {
            for (i, c) in row.iter().enumerate().take(n) {
                widths[i] = widths[i].max(text::width(c).min(MAX_COLUMN));
            }
        }
        let mut out = String::new();
        let line = |cells: &[String], out: &mut String| {
            let mut l = String::new();
            for (i, w) in widths.iter().enumerate() {
                let c = cells.get(i).map_or("", String::as_str);
                if i > 0 {
                    l.push_str("  ");
                }
                if self.right.get(i).copied().unwrap_or(false) {
                    l.push_str(&text::pad_left(c, *w));
                } else {
                    l.push_str(&text::pad(c, *w));
                }
            }
            out.push_str(l.trim_end());
            out.push('\n');
        };
        line(&self.headers, &mut out);
        let rule: Vec<String> = widths.iter().map(|w| "-".repeat(*w)).collect();
        line(&rule, &mut out);
        for row in &self.rows {
            line(row, &mut out);
        }
        out
    }
}

/// A command's answer.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Report {
    /// Lines printed above the table (table format only).
    pub head: Vec<String>,
    /// The table for people.
    pub table: Table,
    /// Lines printed under the table (table format only): legends, choices made.
    pub notes: Vec<String>,
    /// Record field names, for CSV's header and JSON's keys.
    pub columns: Vec<&'static str>,
    /// One record per row of data, one value per column.
    pub records: Vec<Vec<Value>>,
}

impl Report {
    /// The answer printed in `format`.
    pub fn render(&self, format: Format) -> String {
        match format {
            Format::Table => {
                let mut out = String::new();
                for l in &self.head {
                    out.push_str(&text::sanitize(l));
                    out.push('\n');
                }
                if !self.head.is_empty() {
                    out.push('\n');
                }
                out.push_str(&self.table.render());
                if !self.notes.is_empty() {
                    out.push('\n');
                }
                for l in &self.notes {
                    out.push_str(&text::sanitize(l));
                    out.push('\n');
                }
                out
            }
            Format::Csv => self.sheet().csv(false),
            Format::Json => self.sheet().json(),
        }
    }

    /// The records as a sheet, for files and for CSV and JSON on stdout.
    pub fn sheet(&self) -> Sheet {
        Sheet {
            columns: self.columns.iter().map(|c| c.to_string()).collect(),
            rows: self.records.clone(),
        }
    }
}

pub use crate::export::csv_line;

/// Writes to stdout. A reader that went away (`gaoxin export | head`) is not an error: the
/// rest is dropped quietly.
pub fn write_stdout(bytes: &[u8]) -> io::Result<()> {
    let mut out = io::stdout().lock();
    match out.write_all(bytes).and_then(|()| out.flush()) {
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => Ok(()),
        other => other,
    }
}

/// Writes to stdout through a buffer with `write`, as it goes. A reader that went away
/// (`gaoxin export | head`) is not an error: the rest is dropped quietly.
pub fn stream_stdout(
    write: impl FnOnce(&mut io::BufWriter<io::StdoutLock<'static>>) -> io::Result<()>,
) -> io::Result<()> {
    let mut out = io::BufWriter::with_capacity(1 << 16, io::stdout().lock());
    match write(&mut out).and_then(|()| out.flush()) {
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => Ok(()),
        other => other,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tables_align_by_display_width_and_sanitize() {
        let mut t = Table::new(&["地区", ">数值"]);
        t.rows.push(vec!["成都市".into(), "5".into()]);
        t.rows.push(vec!["天津滨海高新区".into(), "1,234".into()]);
        t.rows.push(vec!["a\u{1b}[31mb\tc".into(), "x\ny".into()]);
        let out = t.render();
        let lines: Vec<&str> = out.lines().collect();
        assert_eq!(lines[0], "地区             数值");
        assert_eq!(lines[2], "成都市              5");
        assert_eq!(lines[3], "天津滨海高新区  1,234");
        assert_eq!(text::width(lines[2]), text::width(lines[3]));
        assert!(!out.bytes().any(|b| b < 0x20 && b != b'\n'), "{out:?}");
    }

    #[test]
    fn csv_quotes_what_needs_quoting() {
        let l = csv_line(["a".into(), "b,c".into(), "say \"hi\"".into(), "x\ny".into()]);
        assert_eq!(l, "a,\"b,c\",\"say \"\"hi\"\"\",\"x\ny\"\r\n");
    }

    #[test]
    fn json_is_an_array_of_objects() {
        let r = Report {
            columns: vec!["name", "value", "year"],
            records: vec![vec!["成都市".into(), 1.5.into(), Value::Null]],
            ..Report::default()
        };
        let v: Value = serde_json::from_str(&r.render(Format::Json)).unwrap();
        assert_eq!(v[0]["name"], "成都市");
        assert_eq!(v[0]["value"], 1.5);
        assert!(v[0]["year"].is_null());
        assert_eq!(r.render(Format::Csv), "name,value,year\r\n成都市,1.5,\r\n");
    }
}
