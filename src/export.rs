//! Tables to files that spreadsheets open correctly: CSV with a UTF-8 byte order mark (without
//! it, Excel on Chinese Windows reads the file as GBK), Excel workbooks with columns as wide as
//! their text shows, and JSON. The format follows the file's extension; files are written to
//! a temp file beside the target and renamed into place, so a failed export leaves no half file.

use std::io::Write;
use std::path::{Path, PathBuf};

use serde_json::{Map, Value};

use crate::text;

/// The UTF-8 byte order mark.
pub const BOM: &str = "\u{feff}";

/// Widest a spreadsheet column is made, in display columns (sentences would be far wider).
const MAX_WIDTH: usize = 60;

/// A table to write: column names and one value per column per row.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Sheet {
    /// Column names.
    pub columns: Vec<String>,
    /// Rows of numbers, strings, booleans and nulls (empty cells).
    pub rows: Vec<Vec<Value>>,
}

/// A file format chosen by extension.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileFormat {
    /// `.csv`: RFC 4180 with a UTF-8 byte order mark.
    Csv,
    /// `.xlsx`: an Excel workbook.
    Xlsx,
    /// `.json`: an array of objects.
    Json,
}

/// Why an export could not be written.
#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    /// The file name does not say which format to write.
    #[error("{0}: unknown file type; name the file .csv, .xlsx or .json")]
    Extension(PathBuf),
    /// The workbook could not be built.
    #[error("{path}: {reason}")]
    Xlsx {
        /// The target file.
        path: PathBuf,
        /// What the workbook writer said.
        reason: String,
    },
    /// Writing failed.
    #[error(transparent)]
    Io(#[from] crate::Error),
}

impl FileFormat {
    /// The format `path`'s extension names (case-insensitive).
    pub fn from_path(path: &Path) -> Result<FileFormat, ExportError> {
        let ext = path
            .extension()
            .and_then(|e| e.to_str())
            .map(str::to_ascii_lowercase);
        match ext.as_deref() {
            Some("csv") => Ok(FileFormat::Csv),
            Some("xlsx") => Ok(FileFormat::Xlsx),
            Some("json") => Ok(FileFormat::Json),
            _ => Err(ExportError::Extension(path.to_path_buf())),
        }
    }
}

impl Sheet {
    /// A sheet with these columns and no rows.
    pub fn new(columns: &[&str]) -> Sheet {
        Sheet {
            columns: columns.iter().map(|c| c.to_string()).collect(),
            rows: Vec::new(),
        }
    }

    /// CSV: a header line and one line per row, CRLF line ends, `bom` in front when asked.
    pub fn csv(&self, bom: bool) -> String {
        let mut out = Vec::new();
        // Writing to memory cannot fail.
        let _ = write_csv(&mut out, &self.columns, self.rows.iter().cloned(), bom);
        String::from_utf8(out).unwrap_or_default()
    }

    /// JSON: an array with one object per row, keys in column order, pretty-printed.
    pub fn json(&self) -> String {
        let mut out = Vec::new();
        // Writing to memory cannot fail.
        let _ = write_json(&mut out, &self.columns, self.rows.iter().cloned());
        String::from_utf8(out).unwrap_or_default()
    }

    /// Each column's width in display columns (CJK counts two), header included, capped.
    pub fn widths(&self) -> Vec<usize> {
        self.columns
            .iter()
            .enumerate()
            .map(|(i, c)| {
                self.rows
                    .iter()
                    .filter_map(|r| r.get(i))
                    .map(|v| text::width(&cell_text(v)))
                    .chain([text::width(c)])
                    .max()
                    .unwrap_or(0)
                    .min(MAX_WIDTH)
            })
            .collect()
    }

    /// An Excel workbook: bold header row, frozen; numbers as numbers; widths from
    /// [`Sheet::widths`] (the writer's own autofit counts a CJK character as one Latin one).
    pub fn xlsx(&self) -> Result<Vec<u8>, rust_xlsxwriter::XlsxError> {
        use rust_xlsxwriter::{Format, Workbook};
        let mut book = Workbook::new();
        let sheet = book.add_worksheet();
        let bold = Format::new().set_bold();
        for (c, name) in self.columns.iter().enumerate() {
            let col = u16::try_from(c).unwrap_or(u16::MAX);
            sheet.write_string_with_format(0, col, name, &bold)?;
        }
        for (r, row) in self.rows.iter().enumerate() {
            let r = u32::try_from(r + 1).unwrap_or(u32::MAX);
            for (c, v) in row.iter().enumerate() {
                let c = u16::try_from(c).unwrap_or(u16::MAX);
                match v {
                    Value::Null => {}
                    Value::Number(n) => match n.as_f64() {
                        Some(x) => {
                            sheet.write_number(r, c, x)?;
                        }
                        None => {
                            sheet.write_string(r, c, n.to_string())?;
                        }
                    },
                    Value::Bool(b) => {
                        sheet.write_boolean(r, c, *b)?;
                    }
                    other => {
                        sheet.write_string(r, c, cell_text(other))?;
                    }
                }
            }
        }
        for (c, w) in self.widths().into_iter().enumerate() {
            let c = u16::try_from(c).unwrap_or(u16::MAX);
            // A little room beside the text, as Excel's own autofit leaves.
            sheet.set_column_width(c, w as f64 + 2.0)?;
        }
        sheet.set_freeze_panes(1, 0)?;
        book.save_to_buffer()
    }

    /// Writes the sheet to `path` in the format its extension names.
    pub fn write(&self, path: &Path) -> Result<FileFormat, ExportError> {
        let format = FileFormat::from_path(path)?;
        match format {
            FileFormat::Csv | FileFormat::Json => {
                stream_to(path, &self.columns, self.rows.iter().cloned())?;
            }
            FileFormat::Xlsx => {
                let bytes = self.xlsx().map_err(|e| ExportError::Xlsx {
                    path: path.to_path_buf(),
                    reason: e.to_string(),
                })?;
                write_atomic(path, |f| f.write_all(&bytes))?;
            }
        }
        Ok(format)
    }
}

/// Writes `rows` to `path` as they come, in the format its extension names (`.csv` or
/// `.json`; a workbook is built whole, use [`Sheet::write`]), through a temp file renamed into
/// place. Memory stays that of one row, whatever the number of rows. Returns the number of rows.
pub fn stream_to(
    path: &Path,
    columns: &[String],
    rows: impl Iterator<Item = Vec<Value>>,
) -> Result<usize, ExportError> {
    let mut count = 0;
    let counted = rows.inspect(|_| count += 1);
    match FileFormat::from_path(path)? {
        FileFormat::Csv => write_atomic(path, |f| write_csv(f, columns, counted, true))?,
        FileFormat::Json => write_atomic(path, |f| write_json(f, columns, counted))?,
        FileFormat::Xlsx => {
            return Err(ExportError::Xlsx {
                path: path.to_path_buf(),
                reason: "a workbook is not written row by row".into(),
            });
        }
    }
    Ok(count)
}

/// Writes CSV as rows come: a header line and one line per row, CRLF line ends, a byte order
/// mark in front when `bom`.
pub fn write_csv(
    out: &mut impl Write,
    columns: &[String],
    rows: impl Iterator<Item = Vec<Value>>,
    bom: bool,
) -> std::io::Result<()> {
    if bom {
        out.write_all(BOM.as_bytes())?;
    }
    out.write_all(csv_line(columns.iter().cloned()).as_bytes())?;
    for r in rows {
        out.write_all(csv_line(r.iter().map(cell_text)).as_bytes())?;
    }
    Ok(())
}

/// Writes JSON as rows come: an array with one object per row, pretty-printed, a final newline.
pub fn write_json(
    out: &mut impl Write,
    columns: &[String],
    rows: impl Iterator<Item = Vec<Value>>,
) -> std::io::Result<()> {
    use serde::ser::{SerializeSeq, Serializer};
    let mut ser = serde_json::Serializer::pretty(&mut *out);
    let mut seq = ser.serialize_seq(None)?;
    for r in rows {
        let obj: Map<String, Value> = columns.iter().cloned().zip(r).collect();
        seq.serialize_element(&Value::Object(obj))?;
    }
    seq.end()?;
    out.write_all(b"\n")
}

/// A cell as CSV text: nulls empty, strings as they are, numbers and booleans as JSON writes them.
fn cell_text(v: &Value) -> String {
    match v {
        Value::Null => String::new(),
        Value::String(s) => s.clone(),
        other => other.to_string(),
    }
}

/// One CSV record, RFC 4180: fields with a comma, quote, CR or LF are quoted, quotes doubled,
/// lines end in CRLF.
pub fn csv_line(fields: impl IntoIterator<Item = String>) -> String {
    let mut out = String::new();
    for (i, f) in fields.into_iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        if f.contains([',', '"', '\r', '\n']) {
            out.push('"');
            out.push_str(&f.replace('"', "\"\""));
            out.push('"');
        } else {
            out.push_str(&f);
        }
    }
    out.push_str("\r\n");
    out
}

/// Writes a temp file beside `path` with `write`, then renames it into place; on failure the
/// temp file is removed and `path` left as it was.
fn write_atomic(
    path: &Path,
    write: impl FnOnce(&mut std::io::BufWriter<std::fs::File>) -> std::io::Result<()>,
) -> Result<(), crate::Error> {
    // The same rules as a dataset's output: a regular writable file or a new path, through a
    // symlink to its target, with the replaced file's permissions kept.
    let target = crate::pipeline::output_target(path)?;
    let dir = match target.path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let name = target
        .path
        .file_name()
        .map_or_else(|| "export".into(), |n| n.to_string_lossy().into_owned());
    let tmp = dir.join(format!(".{name}.gaoxin-tmp-{}", std::process::id()));
    let result = (|| {
        let mut f = std::io::BufWriter::with_capacity(1 << 16, std::fs::File::create(&tmp)?);
        write(&mut f)?;
        let f = f
            .into_inner()
            .map_err(std::io::IntoInnerError::into_error)?;
        if let Some(meta) = &target.existing {
            f.set_permissions(meta.permissions())?;
        }
        f.sync_all()?;
        std::fs::rename(&tmp, &target.path)
    })();
    result.map_err(|e| {
        let _ = std::fs::remove_file(&tmp);
        crate::Error::io(path, e)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sheet() -> Sheet {
        let mut s = Sheet::new(&["region", "value", "note"]);
        s.rows
            .push(vec!["天津滨海高新区".into(), 2443.into(), Value::Null]);
        s.rows
            .push(vec!["a,b".into(), 1.5.into(), "say \"hi\"".into()]);
        s
    }

    #[test]
    fn formats_follow_the_extension() {
        assert_eq!(
            FileFormat::from_path(Path::new("x.CSV")).unwrap(),
            FileFormat::Csv
        );
        assert_eq!(
            FileFormat::from_path(Path::new("d/x.xlsx")).unwrap(),
            FileFormat::Xlsx
        );
        let err = FileFormat::from_path(Path::new("x.txt")).unwrap_err();
        assert!(err.to_string().contains(".csv, .xlsx or .json"), "{err}");
    }

    #[test]
    fn csv_has_a_bom_only_when_asked_and_quotes_what_needs_it() {
        let s = sheet();
        let with = s.csv(true);
        assert!(with.as_bytes().starts_with(&[0xEF, 0xBB, 0xBF]));
        let without = s.csv(false);
        assert_eq!(
            without,
            "region,value,note\r\n天津滨海高新区,2443,\r\n\"a,b\",1.5,\"say \"\"hi\"\"\"\r\n"
        );
    }

    #[test]
    fn widths_count_display_columns() {
        assert_eq!(sheet().widths(), [14, 5, 8]);
        let xlsx = sheet().xlsx().unwrap();
        assert!(xlsx.starts_with(b"PK"), "a zip container");
    }

    #[test]
    fn writes_atomically_and_refuses_unknown_types() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("out.json");
        assert_eq!(sheet().write(&p).unwrap(), FileFormat::Json);
        let v: Value = serde_json::from_slice(&std::fs::read(&p).unwrap()).unwrap();
        assert_eq!(v[0]["region"], "天津滨海高新区");
        assert!(sheet().write(&dir.path().join("out.doc")).is_err());
        let names: Vec<_> = std::fs::read_dir(dir.path()).unwrap().collect();
        assert_eq!(names.len(), 1, "no temp file left behind");
    }
}
