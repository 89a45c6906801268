//! Reading a dataset file in pieces, so a large file is never in memory twice (once as text,
//! once parsed): the document's top level is walked here, and each record of `articles`,
//! `regions`, `metrics` and `figures` is handed to serde as soon as it has been read.
//!
//! Only a document of exactly the shape `gaoxin build` writes is read this way. Anything else
//! (an unknown or repeated field, a key with an escape, a NUL byte, a syntax or type error)
//! gives up, and the caller reads the file whole, where serde finds and reports the problem
//! with its usual line, column or record.

use std::io::Read;

use serde::de::DeserializeOwned;

use super::Dataset;

/// The piecewise read gave up; reading the file whole decides.
#[derive(Debug)]
pub(super) struct GiveUp;

type Result<T> = std::result::Result<T, GiveUp>;

/// How much is read at a time, at least.
const CHUNK: usize = 4 << 20;

/// A reader with the unread part of the document in a buffer.
struct Pieces<R> {
    src: R,
    buf: Vec<u8>,
    /// Where the unread part starts in `buf`.
    pos: usize,
    /// Bytes read so far, and the most allowed.
    read: u64,
    limit: u64,
}

impl<R: Read> Pieces<R> {
    /// Reads more: at least [`CHUNK`], and at least as much as is unread, so that a record
    /// far longer than a chunk is read in a few steps rather than rescanned after each one.
    /// `false` at the end of the file.
    fn more(&mut self) -> Result<bool> {
        self.buf.drain(..self.pos);
        self.pos = 0;
        let old = self.buf.len();
        let want = CHUNK.max(old) as u64;
        let n = (&mut self.src)
            .take(want)
            .read_to_end(&mut self.buf)
            .map_err(|_| GiveUp)?;
        self.read += n as u64;
        // A NUL byte or a file over the cap: the whole read reports it.
        if self.read > self.limit || self.buf[old..].contains(&0) {
            return Err(GiveUp);
        }
        Ok(n > 0)
    }

    /// The next byte that is not JSON whitespace, left unread; `None` at the end.
    fn peek(&mut self) -> Result<Option<u8>> {
        loop {
            while let Some(&b) = self.buf.get(self.pos) {
                if !matches!(b, b' ' | b'\n' | b'\t' | b'\r') {
                    return Ok(Some(b));
                }
                self.pos += 1;
            }
            if !self.more()? {
                return Ok(None);
            }
        }
    }

    /// Takes the byte `want` after any whitespace.
    fn expect(&mut self, want: u8) -> Result<()> {
        if self.peek()? != Some(want) {
            return Err(GiveUp);
        }
        self.pos += 1;
        Ok(())
    }

    /// Takes a key: a string without escapes.
    fn key(&mut self) -> Result<String> {
        self.expect(b'"')?;
        loop {
            let rest = &self.buf[self.pos..];
            if let Some(end) = memchr::memchr2(b'"', b'\\', rest) {
                if rest[end] == b'\\' {
                    return Err(GiveUp);
                }
                let key = std::str::from_utf8(&rest[..end]).map_err(|_| GiveUp)?;
                let key = key.to_string();
                self.pos += end + 1;
                return Ok(key);
            }
            if !self.more()? {
                return Err(GiveUp);
            }
        }
    }

    /// Takes one value that ends at the next `,`, `}`, `]` or whitespace (a number), parsed.
    fn scalar<T: DeserializeOwned>(&mut self) -> Result<T> {
        self.peek()?;
        loop {
            let rest = &self.buf[self.pos..];
            let end = rest
                .iter()
                .position(|b| matches!(b, b',' | b'}' | b']' | b' ' | b'\n' | b'\t' | b'\r'));
            if let Some(end) = end {
                let v = serde_json::from_slice(&rest[..end]).map_err(|_| GiveUp)?;
                self.pos += end;
                return Ok(v);
            }
            if !self.more()? {
                return Err(GiveUp);
            }
        }
    }

    /// Takes an array of objects, each parsed as soon as it has been read.
    fn records<T: DeserializeOwned>(&mut self) -> Result<Vec<T>> {
        self.expect(b'[')?;
        let mut out = Vec::new();
        if self.peek()? == Some(b']') {
            self.pos += 1;
            return Ok(out);
        }
        loop {
            if self.peek()? != Some(b'{') {
                return Err(GiveUp);
            }
            let len = loop {
                if let Some(len) = object_len(&self.buf[self.pos..]) {
                    break len;
                }
                if !self.more()? {
                    return Err(GiveUp);
                }
            };
            let record = &self.buf[self.pos..self.pos + len];
            out.push(serde_json::from_slice(record).map_err(|_| GiveUp)?);
            self.pos += len;
            match self.peek()? {
                Some(b',') => self.pos += 1,
                Some(b']') => {
                    self.pos += 1;
                    return Ok(out);
                }
                _ => return Err(GiveUp),
            }
        }
    }
}

/// The length of the JSON object at the start of `b` (which starts with `{`), counting
/// brackets outside strings; `None` when `b` ends first. Whether it is valid JSON is left to
/// serde.
fn object_len(b: &[u8]) -> Option<usize> {
    let mut depth = 0usize;
    let mut i = 0;
    while let Some(&c) = b.get(i) {
        match c {
            b'"' => {
                // To the closing quote, stepping over escaped characters.
                i += 1;
                loop {
                    i += memchr::memchr2(b'"', b'\\', b.get(i..)?)?;
                    if b[i] == b'"' {
                        break;
                    }
                    i += 2;
                }
            }
            b'{' | b'[' => depth += 1,
            b'}' | b']' => {
                depth = depth.saturating_sub(1);
                if depth == 0 {
                    return Some(i + 1);
                }
            }
            _ => {}
        }
        i += 1;
    }
    None
}

/// Reads a dataset document from `src` in pieces; at most `limit` bytes.
pub(super) fn read(src: impl Read, limit: u64) -> Result<Dataset> {
    let mut p = Pieces {
        src,
        buf: Vec::with_capacity(CHUNK),
        pos: 0,
        read: 0,
        limit,
    };
    p.more()?;
    // A byte order mark is no part of the document.
    if p.buf.starts_with("\u{feff}".as_bytes()) {
        p.pos = 3;
    }
    p.expect(b'{')?;
    let (mut version, mut articles, mut regions, mut metrics, mut figures) =
        (None, None, None, None, None);
    loop {
        let key = p.key()?;
        p.expect(b':')?;
        let fresh = match key.as_str() {
            "schema_version" => version.replace(p.scalar()?).is_none(),
            "articles" => articles.replace(p.records()?).is_none(),
            "regions" => regions.replace(p.records()?).is_none(),
            "metrics" => metrics.replace(p.records()?).is_none(),
            "figures" => figures.replace(p.records()?).is_none(),
            _ => false,
        };
        if !fresh {
            return Err(GiveUp);
        }
        match p.peek()? {
            Some(b',') => p.pos += 1,
            Some(b'}') => {
                p.pos += 1;
                break;
            }
            _ => return Err(GiveUp),
        }
    }
    if p.peek()?.is_some() {
        return Err(GiveUp);
    }
    Ok(Dataset {
        schema_version: version.ok_or(GiveUp)?,
        articles: articles.ok_or(GiveUp)?,
        regions: regions.ok_or(GiveUp)?,
        metrics: metrics.ok_or(GiveUp)?,
        figures: figures.ok_or(GiveUp)?,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(json: &str) -> Option<Dataset> {
        read(json.as_bytes(), u64::MAX).ok()
    }

    #[test]
    fn reads_what_serde_reads_in_one_piece() {
        let bundled = crate::dataset::BUNDLED_JSON;
        let whole: Dataset = serde_json::from_str(bundled).unwrap();
        assert_eq!(parse(bundled), Some(whole.clone()));
        let compact = serde_json::to_string(&whole).unwrap();
        assert_eq!(parse(&format!("\u{feff}{compact}")), Some(whole));
        let empty = r#"{"schema_version":2,"articles":[],"regions":[],"metrics":[],"figures":[]}"#;
        assert!(parse(empty).is_some());
    }

    #[test]
    fn a_record_longer_than_a_chunk_is_read_whole() {
        let text = "“引号”\\\\ \\\"{[".repeat(CHUNK / 4);
        let json = format!(
            r#"{{"schema_version":2,"articles":[{{"id":"a","source":"a.txt","title":"","text":"{text}"}}],"regions":[],"metrics":[],"figures":[]}}"#
        );
        let ds = parse(&json).unwrap();
        assert_eq!(ds.articles[0].text.len(), text.len() - 2 * (CHUNK / 4));
    }

    #[test]
    fn anything_else_gives_up() {
        let ok = r#"{"schema_version":2,"articles":[],"regions":[],"metrics":[],"figures":[]}"#;
        for bad in [
            ok.replace(r#","figures":[]"#, ""),
            ok.replace(r#""metrics""#, r#""metrics":[],"metrics""#),
            ok.replace(r#""articles""#, r#""extra":1,"articles""#),
            ok.replace(r#""articles""#, r#""\u0061rticles""#),
            ok.replace("[]}", "[],}"),
            ok.replace("[]}", "[]} x"),
            ok.replace(r#""articles":[]"#, r#""articles":[{"id":1}]"#),
            ok.replace(r#""articles":[]"#, r#""articles":[1]"#),
            ok.replace(r#":2"#, r#":"2""#),
            ok.replace(r#":2"#, ":2\0"),
            ok[..40].to_string(),
        ] {
            assert!(parse(&bad).is_none(), "{bad}");
        }
        assert!(read(ok.as_bytes(), 10).is_err(), "over the cap");
    }
}
