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
    } else {
        if bytes.contains(&0) {
            return Err("contains NUL bytes: looks like a binary file, not text".to_string());
        }
        match std::str::from_utf8(bytes) {
            Ok(s) => s.to_owned(),
            Err(e) => {
                let offset = e.valid_up_to();
                match decode_strict(GB18030, bytes) {
                    Some(s) if looks_like_text(&s) => s,
                    Some(_) => {
                        return Err(format!(
                            "not valid UTF-8 (first bad byte at offset {offset}) and does not read as GB18030 text either"
                        ));
                    }
                    None => {
                        return Err(format!(
                            "not valid UTF-8 and not GB18030 either (first bad byte at offset {offset})"
                        ));
                    }
                }
            }
        }
    };
    if control_share(&text) > 0.02 {
        return Err("has many control characters: looks like a binary file, not text".to_string());
    }
    Ok(normalize_newlines(&text))
}

fn decode_strict(encoding: &'static Encoding, bytes: &[u8]) -> Option<String> {
    encoding
        .decode_without_bom_handling_and_without_replacement(bytes)
        .map(|s| s.into_owned())
}

/// Share of characters that are control characters other than tab and line ends.
fn control_share(text: &str) -> f64 {
    let mut total = 0usize;
    let mut control = 0usize;
    for c in text.chars() {
        total += 1;
        if c.is_control() && !matches!(c, '\t' | '\n' | '\r' | '\u{c}') {
            control += 1;
        }
    }
    if total == 0 {
        0.0
    } else {
        control as f64 / total as f64
    }
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

fn normalize_newlines(text: &str) -> String {
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
