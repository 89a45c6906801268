//! Bytes → text: detect UTF-8 (with or without BOM), UTF-16 with BOM and GB18030/GBK.
//!
//! The encoding is detected from the bytes, never guessed from a file name: newspaper pages
//! arrive as UTF-8 exports, Windows "Unicode" saves and GBK files from older tools alike.

use encoding_rs::{Encoding, GB18030, UTF_16BE, UTF_16LE};

/// Magic numbers of binary formats people commonly drop into a text folder by mistake.
const MAGIC: &[(&[u8], &str)] = &[
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"%PDF", "a PDF document"),
    (b"PK\x03\x04", "a zip archive (or a .docx/.xlsx file)"),
    (
        b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1",
        "an old Office document",
    ),
    (b"\x1f\x8b", "a gzip archive"),
    (b"{\\rtf", "an RTF document"),
];

/// Decodes a file's bytes to text with `\n` line ends, or says why it cannot.
///
/// The error is a human reason such as "looks like a PNG image, not text"; the caller adds the
/// file name.
pub fn decode(bytes: &[u8]) -> Result<String, String> {
    if bytes.is_empty() {
        return Ok(String::new());
    }
    for (magic, what) in MAGIC {
        if bytes.starts_with(magic) {
            return Err(format!("looks like {what}, not text"));
        }
    }
    let text = if let Some(rest) = bytes.strip_prefix(b"\xef\xbb\xbf") {
        std::str::from_utf8(rest).map(str::to_owned).map_err(|e| {
            format!(
                "starts with a UTF-8 BOM but is not valid UTF-8 (first bad byte at offset {})",
                e.valid_up_to() + 3
            )
        })?
    } else if let Some(rest) = bytes.strip_prefix(b"\xff\xfe") {
        decode_strict(UTF_16LE, rest)
            .ok_or("starts with a UTF-16 LE BOM but is not valid UTF-16")?
    } else if let Some(rest) = bytes.strip_prefix(b"\xfe\xff") {
        decode_strict(UTF_16BE, rest)
            .ok_or("starts with a UTF-16 BE BOM but is not valid UTF-16")?
    } else if let Some(text) = utf16_without_bom(bytes) {
        text
    } else {
        if let Some(at) = bytes.iter().position(|&b| b == 0) {
            return Err(format!(
                "contains NUL bytes (the first at offset {at}): looks like a binary file, not \
                 text{}",
                if bytes.len().is_multiple_of(2) {
                    " (if it is UTF-16 text, save it with a BOM or as UTF-8)"
                } else {
                    ""
                }
            ));
        }
        match std::str::from_utf8(bytes) {
            Ok(s) => s.to_owned(),
            Err(e) => not_utf8(bytes, e.valid_up_to())?,
        }
    };
    let (text, stray) = remove_terminal_noise(&text);
    // Binary data read as text is full of control bytes outside any escape sequence; a few BELs
    // or backspaces in pasted text are not.
    if stray >= 8 && stray as f64 > 0.02 * text.chars().count().max(1) as f64 {
        return Err("has many control characters: looks like a binary file, not text".to_string());
    }
    Ok(normalize_newlines(text))
}

/// Bytes that are not UTF-8 from `utf8_end` on: GB18030 text, or an error saying where the
/// decoding that got furthest failed.
fn not_utf8(bytes: &[u8], utf8_end: usize) -> Result<String, String> {
    let (gb_end, gb_text) = decode_prefix(GB18030, bytes);
    match gb_text {
        Some(s) if looks_like_text(&s) => Ok(s),
        Some(_) => Err(format!(
            "not valid UTF-8 (first bad byte at offset {utf8_end}) and does not read as \
             GB18030 text either"
        )),
        // The file reads as GBK text up to a bad byte well past where UTF-8 failed: it is a
        // GBK file with a damaged byte, so say where that is.
        None if gb_end > utf8_end && prefix_looks_like_gb(bytes, gb_end) => Err(format!(
            "reads as GB18030/GBK text but has a bad byte at offset {gb_end}"
        )),
        None => Err(format!(
            "not valid UTF-8 and not GB18030 either (first bad byte at offset {utf8_end})"
        )),
    }
}

/// Whether the GB18030 reading of `bytes[..end]` looks like text.
fn prefix_looks_like_gb(bytes: &[u8], end: usize) -> bool {
    bytes
        .get(..end)
        .and_then(|b| decode_strict(GB18030, b))
        .is_some_and(|s| looks_like_text(&s))
}

/// Decodes as much as `encoding` can: where the first malformed sequence starts (the length
/// when there is none) and the whole text if there was none.
fn decode_prefix(encoding: &'static Encoding, bytes: &[u8]) -> (usize, Option<String>) {
    use encoding_rs::DecoderResult;
    let mut decoder = encoding.new_decoder_without_bom_handling();
    let mut out = String::with_capacity(
        decoder
            .max_utf8_buffer_length_without_replacement(bytes.len())
            .unwrap_or(bytes.len() * 3),
    );
    let (result, read) = decoder.decode_to_string_without_replacement(bytes, &mut out, true);
    match result {
        DecoderResult::InputEmpty => (bytes.len(), Some(out)),
        DecoderResult::Malformed(bad, after) => {
            let end = read.saturating_sub(usize::from(bad) + usize::from(after));
            (end, None)
        }
        // The buffer was sized for the worst case; treat a shortfall as undecodable here.
        DecoderResult::OutputFull => (read, None),
    }
}

/// UTF-16 without a byte order mark, recognised by what UTF-16 text looks like: an even length
/// and, for Latin text, a NUL in every other byte; for Chinese text, a decoding that reads as
/// prose where UTF-8 and GB18030 do not.
fn utf16_without_bom(bytes: &[u8]) -> Option<String> {
    if bytes.len() < 4 || !bytes.len().is_multiple_of(2) {
        return None;
    }
    // Standard-library searches only on the common path (valid UTF-8, no NUL): inputs can be
    // tens of megabytes.
    let candidates: &[&'static Encoding] = if !bytes.contains(&0) {
        if std::str::from_utf8(bytes).is_ok()
            || decode_strict(GB18030, bytes).is_some_and(|s| looks_like_text(&s))
        {
            return None;
        }
        &[UTF_16LE, UTF_16BE]
    } else {
        // The NUL pattern of a sample tells the byte order.
        let sample = &bytes[..bytes.len().min(1 << 16)];
        let pairs = sample.len() / 2;
        let zero_at = |parity: usize| {
            sample
                .iter()
                .skip(parity)
                .step_by(2)
                .filter(|&&b| b == 0)
                .count()
        };
        let (even, odd) = (zero_at(0), zero_at(1));
        if odd * 4 >= pairs && even * 20 < pairs {
            &[UTF_16LE]
        } else if even * 4 >= pairs && odd * 20 < pairs {
            &[UTF_16BE]
        } else {
            return None;
        }
    };
    candidates.iter().find_map(|&enc| {
        decode_strict(enc, bytes).filter(|s| looks_like_text(s) && !s.contains('\0'))
    })
}

/// Removes what a terminal would have interpreted rather than shown: escape sequences (CSI such
/// as colours, OSC such as titles, and the rest) and other control characters but tab, line
/// ends and form feed. Text pasted from a terminal or saved from `grep --color` carries them,
/// and a colour code glued to a number would hide the number. The result is the article text
/// stored in the dataset, so every span is true to it.
///
/// Also gives how many control characters stood outside any escape sequence.
fn remove_terminal_noise(text: &str) -> (String, usize) {
    if !has_control(text.as_bytes()) {
        return (text.to_string(), 0);
    }
    let mut stray = 0;
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\u{1b}' => match chars.peek() {
                Some('[') => {
                    chars.next();
                    skip_csi(&mut chars);
                }
                Some(']' | 'P' | 'X' | '^' | '_') => {
                    chars.next();
                    skip_string(&mut chars);
                }
                // Two-character sequences (ESC 7, ESC =, ESC ( B …): the next one goes too,
                // unless it is text a reader should keep.
                Some(&n) if n.is_ascii() && !n.is_ascii_whitespace() && !n.is_ascii_control() => {
                    chars.next();
                    if matches!(n, '(' | ')' | '*' | '+' | '#' | '%') {
                        chars.next_if(|c| c.is_ascii_graphic());
                    }
                }
                _ => {}
            },
            '\u{9b}' => skip_csi(&mut chars),
            '\u{9d}' | '\u{90}' | '\u{98}' | '\u{9e}' | '\u{9f}' => skip_string(&mut chars),
            c if c.is_control() && !matches!(c, '\t' | '\n' | '\r' | '\u{c}') => stray += 1,
            c => out.push(c),
        }
    }
    (out, stray)
}

/// Whether UTF-8 `b` holds a control character other than tab, line ends and form feed: a C0
/// byte, DEL, or a C1 character (U+0080–U+009F, encoded C2 80–C2 9F). A plain byte loop: this
/// runs over every input, which can be tens of megabytes.
fn has_control(b: &[u8]) -> bool {
    let mut i = 0;
    while i < b.len() {
        let x = b[i];
        if (x < 0x20 && !matches!(x, b'\t' | b'\n' | b'\r' | 0x0c))
            || x == 0x7f
            || (x == 0xc2 && b.get(i + 1).is_some_and(|&n| n < 0xa0))
        {
            return true;
        }
        i += 1;
    }
    false
}

/// Skips a CSI sequence's parameters and intermediates up to and including its final byte.
fn skip_csi(chars: &mut std::iter::Peekable<std::str::Chars<'_>>) {
    while let Some(&c) = chars.peek() {
        match c {
            '\u{20}'..='\u{3f}' => {
                chars.next();
            }
            '\u{40}'..='\u{7e}' => {
                chars.next();
                return;
            }
            // Malformed: stop here and keep the rest as text.
            _ => return,
        }
    }
}

/// Skips an OSC/DCS-like string up to BEL, ST (ESC \\ or U+009C) or a line end.
fn skip_string(chars: &mut std::iter::Peekable<std::str::Chars<'_>>) {
    while let Some(&c) = chars.peek() {
        match c {
            '\u{7}' | '\u{9c}' => {
                chars.next();
                return;
            }
            '\u{1b}' => {
                chars.next();
                chars.next_if_eq(&'\\');
                return;
            }
            '\n' | '\r' => return,
            _ => {
                chars.next();
            }
        }
    }
}

fn decode_strict(encoding: &'static Encoding, bytes: &[u8]) -> Option<String> {
    encoding
        .decode_without_bom_handling_and_without_replacement(bytes)
        .map(|s| s.into_owned())
}

/// Whether a GB18030 decoding reads as Chinese or Latin prose rather than byte soup.
///
/// GB18030 maps almost every byte pair to some character, so "decodes" alone proves little;
/// real text is overwhelmingly ASCII, common CJK ideographs and CJK punctuation.
fn looks_like_text(text: &str) -> bool {
    let mut total = 0usize;
    let mut plain = 0usize;
    for c in text.chars() {
        total += 1;
        let u = c as u32;
        let ok = (c.is_ascii() && (!c.is_ascii_control() || c.is_ascii_whitespace()))
            || (0x4e00..=0x9fff).contains(&u)
            || (0x3000..=0x303f).contains(&u)
            || (0xff00..=0xffef).contains(&u)
            || (0x2000..=0x206f).contains(&u)
            || (0x00a0..=0x00ff).contains(&u)
            || (0x2460..=0x24ff).contains(&u)
            || (0x25a0..=0x25ff).contains(&u);
        if ok {
            plain += 1;
        }
    }
    total > 0 && plain as f64 / total as f64 >= 0.9
}

fn normalize_newlines(text: String) -> String {
    // The byte search is the standard library's; most files have no CR at all.
    if !text.as_bytes().contains(&b'\r') {
        return text;
    }
    text.replace("\r\n", "\n").replace('\r', "\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    const SAMPLE: &str =
        "国家高新区：2021年营业收入突破5200亿元，同比增长12.5%。\n第二段“引号”（括号）。";

    fn utf16(text: &str, big_endian: bool) -> Vec<u8> {
        let mut out = if big_endian {
            vec![0xfe, 0xff]
        } else {
            vec![0xff, 0xfe]
        };
        for unit in text.encode_utf16() {
            let b = if big_endian {
                unit.to_be_bytes()
            } else {
                unit.to_le_bytes()
            };
            out.extend_from_slice(&b);
        }
        out
    }

    #[test]
    fn same_text_in_every_encoding_decodes_identically() {
        let mut bom = b"\xef\xbb\xbf".to_vec();
        bom.extend_from_slice(SAMPLE.as_bytes());
        let (gbk, _, had_errors) = encoding_rs::GBK.encode(SAMPLE);
        assert!(!had_errors);
        assert!(
            std::str::from_utf8(&gbk).is_err(),
            "GBK bytes must not pass as UTF-8"
        );
        let inputs: Vec<Vec<u8>> = vec![
            SAMPLE.as_bytes().to_vec(),
            bom,
            gbk.into_owned(),
            utf16(SAMPLE, false),
            utf16(SAMPLE, true),
        ];
        for input in inputs {
            assert_eq!(decode(&input).unwrap(), SAMPLE);
        }
    }

    #[test]
    fn crlf_and_lone_cr_become_newlines() {
        assert_eq!(decode(b"a\r\nb\rc\n\r\nd").unwrap(), "a\nb\nc\n\nd");
        let crlf_utf16 = utf16("甲\r\n乙\r丙", false);
        assert_eq!(decode(&crlf_utf16).unwrap(), "甲\n乙\n丙");
    }

    #[test]
    fn png_header_is_rejected_with_reason() {
        let png = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR";
        let err = decode(png).unwrap_err();
        assert_eq!(err, "looks like a PNG image, not text");
        assert!(decode(b"%PDF-1.7\n...").unwrap_err().contains("PDF"));
        assert!(decode(b"PK\x03\x04rest").unwrap_err().contains("zip"));
    }

    #[test]
    fn nul_bytes_and_control_soup_are_binary() {
        assert!(decode(b"abc\x00def").unwrap_err().contains("NUL"));
        assert!(
            decode(b"\x7fELF\x02\x01\x01\x00\x00")
                .unwrap_err()
                .contains("NUL")
        );
        let soup: Vec<u8> = (0..200u8)
            .map(|i| if i % 3 == 0 { 0x01 } else { b'a' })
            .collect();
        assert!(decode(&soup).unwrap_err().contains("control"));
    }

    #[test]
    fn invalid_bytes_report_offset() {
        let err = decode(b"abc\xff\xff\x80def").unwrap_err();
        assert_eq!(
            err,
            "not valid UTF-8 and not GB18030 either (first bad byte at offset 3)"
        );
        // Pseudo-random bytes with an invalid GB18030 lead byte (0xff) somewhere.
        let mut state = 12345u32;
        let mut noise: Vec<u8> = (0..512)
            .map(|_| {
                state = state.wrapping_mul(1_103_515_245).wrapping_add(12345);
                ((state >> 16) as u8) | 0x80
            })
            .collect();
        noise[100] = 0xff;
        assert!(decode(&noise).is_err());
    }

    #[test]
    fn escape_sequences_and_stray_controls_are_noise() {
        assert_eq!(
            decode("突破\x1b[1m3.5万名\x1b[0m。".as_bytes()).unwrap(),
            "突破3.5万名。"
        );
        // grep --color output, a title sequence, a bell, a backspace, C1 CSI.
        let pasted = "\x1b[01;31m\x1b[K成都\x1b[m\x1b[K高新区\x1b]0;title\x07新增\x07企业\x08\u{9b}32m2443家";
        assert_eq!(
            decode(pasted.as_bytes()).unwrap(),
            "成都高新区新增企业2443家"
        );
        // A short article with a few escapes is text, not binary.
        let short = "\x1b[1m标题\x1b[0m\n园区新增企业\x1b[32m12\x1b[0m家。";
        assert_eq!(
            decode(short.as_bytes()).unwrap(),
            "标题\n园区新增企业12家。"
        );
    }

    #[test]
    fn gbk_with_a_bad_byte_reports_where_gbk_failed() {
        let text = "国家高新区营业收入突破5200亿元，同比增长12.5%。".repeat(40);
        let (gbk, _, _) = encoding_rs::GBK.encode(&text);
        let mut bytes = gbk.into_owned();
        // A stray byte between two characters, past offset 1400.
        let prefix: String = text.chars().take(900).collect();
        let at = encoding_rs::GBK.encode(&prefix).0.len();
        assert!(at > 1400);
        bytes.insert(at, 0xff);
        let err = decode(&bytes).unwrap_err();
        assert_eq!(
            err,
            format!("reads as GB18030/GBK text but has a bad byte at offset {at}")
        );
    }

    #[test]
    fn utf16_without_a_bom_is_recognised() {
        for big_endian in [false, true] {
            for text in [SAMPLE, "Hello, world. Plain Latin text in UTF-16."] {
                let bytes = utf16(text, big_endian);
                assert_eq!(decode(&bytes[2..]).unwrap(), text, "{text} be={big_endian}");
            }
        }
    }

    #[test]
    fn empty_input_is_empty_text() {
        assert_eq!(decode(b"").unwrap(), "");
        assert_eq!(decode(b"\xef\xbb\xbf").unwrap(), "");
    }

    #[test]
    fn utf8_bom_with_bad_bytes_is_an_error() {
        assert!(
            decode(b"\xef\xbb\xbfab\xff")
                .unwrap_err()
                .contains("offset 5")
        );
    }
}
