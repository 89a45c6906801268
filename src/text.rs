//! Display-width helpers for mixed CJK/Latin text. Every renderer measures, cuts, pads and wraps
//! through here; nothing else in the crate measures text for display.
//!
//! # What is drawn
//!
//! Text from articles and datasets is untrusted, so it is [sanitized](sanitize) before it reaches
//! the terminal. Sanitizing maps each source character to what is drawn for it, one character at a
//! time:
//!
//! - C0 controls (U+0000–U+001F, including `\n` and `\r`) become their Control Pictures glyph
//!   (`␛` for ESC, `␊` for a newline), DEL becomes `␡`; C1 controls (U+0080–U+009F),
//!   bidirectional formatting controls and the Unicode line/paragraph separators become `�`. Each
//!   placeholder is one column wide. Only the control character itself is replaced: the rest of an
//!   escape sequence is ordinary printable text and is shown as such, so `"\x1b[2J"` draws as
//!   `␛[2J` and `"\x1b]0;x\x07"` as `␛]0;x␇`. Nothing is consumed, which keeps the mapping one to
//!   one and shows the reader that the source holds a stray sequence.
//! - A tab becomes [`TAB_WIDTH`] spaces wherever it stands. It does not advance to a tab stop:
//!   widths then add up (`width(a + b) == width(a) + width(b)`), which cutting and wrapping rely on.
//! - Everything else is drawn as itself. Zero-width characters (combining marks, joiners,
//!   variation selectors) are kept, count 0 columns, and stay with the character before them.
//!
//! A character's width is always the width of what is drawn for it ([`char_width`]), as given by
//! `unicode-width`: East Asian wide and fullwidth characters (CJK, including the supplementary
//! planes, and most emoji) are 2, ambiguous ones (`…`, `“`) are 1.
//!
//! # Mapping article offsets to columns
//!
//! Because only tabs change length, a renderer can walk [`display_chars`] over a line (for example
//! a range from [`wrap_ranges`]) and get, for every source character, its byte offset, what to
//! draw and its width; the column of a character is the sum of the widths before it, equal to
//! `width(&line[..byte])`. Dataset spans count characters; [`byte_offset`] turns such an offset
//! into a byte offset.
//!
//! Known limit: widths are per character, so emoji sequences joined with ZWJ or widened by U+FE0F
//! are measured as the sum of their parts, which may differ from what a terminal draws.

mod class;
mod wrap;

pub use class::{is_cjk, is_closing, is_opening};
pub use wrap::{wrap, wrap_ranges};

use std::fmt;
use unicode_width::UnicodeWidthChar;

/// Columns a tab is drawn as, regardless of where it stands.
pub const TAB_WIDTH: usize = 4;

/// Drawn in place of controls that have no Control Pictures glyph.
const REPLACEMENT: char = '\u{FFFD}';

/// What is drawn for one character of the source.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Glyph {
    /// Byte offset of the source character in the string iterated.
    pub byte: usize,
    /// The source character.
    pub source: char,
    /// The character drawn: `source` itself, a placeholder, or a space for a tab.
    pub shown: char,
    /// How many times `shown` is drawn: [`TAB_WIDTH`] for a tab, otherwise 1.
    pub repeat: usize,
    /// Columns taken: `repeat` times the width of `shown`.
    pub width: usize,
}

impl fmt::Display for Glyph {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for _ in 0..self.repeat {
            fmt::Write::write_char(f, self.shown)?;
        }
        Ok(())
    }
}

/// What is drawn for `c` and how many times (see the module docs).
fn shown(c: char) -> (char, usize) {
    match c {
        '\t' => (' ', TAB_WIDTH),
        '\u{0}'..='\u{1F}' => (
            char::from_u32(0x2400 + u32::from(c)).unwrap_or(REPLACEMENT),
            1,
        ),
        '\u{7F}' => ('\u{2421}', 1),
        _ if c.is_control() || class::is_invisible_control(c) => (REPLACEMENT, 1),
        _ => (c, 1),
    }
}

/// The glyph drawn for each character of `s`, in order, with its byte offset in `s`.
pub fn display_chars(s: &str) -> impl Iterator<Item = Glyph> + '_ {
    s.char_indices().map(|(byte, source)| {
        let (shown, repeat) = shown(source);
        Glyph {
            byte,
            source,
            shown,
            repeat,
            width: repeat * shown.width().unwrap_or(0),
        }
    })
}

/// Columns one character occupies once sanitized for display: 1 for a control (its placeholder),
/// [`TAB_WIDTH`] for a tab, 0 for combining marks and other zero-width characters, 2 for wide ones.
pub fn char_width(c: char) -> usize {
    let (shown, repeat) = shown(c);
    repeat * shown.width().unwrap_or(0)
}

/// Columns a string occupies once sanitized for display; the sum of its [`char_width`]s.
pub fn width(s: &str) -> usize {
    s.chars().map(char_width).sum()
}

/// Replaces what must never reach the terminal (controls, and thereby escape sequences) with a
/// visible placeholder and expands tabs; see the module docs for the exact mapping.
/// `width(&sanitize(s)) == width(s)` and the result holds no control character.
pub fn sanitize(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        let (shown, repeat) = shown(c);
        out.extend(std::iter::repeat_n(shown, repeat));
    }
    out
}

/// The byte offset of the character at index `char_idx` of `s`, or `s.len()` past the end.
/// Dataset spans count characters; slicing needs bytes.
pub fn byte_offset(s: &str, char_idx: usize) -> usize {
    s.char_indices().nth(char_idx).map_or(s.len(), |(b, _)| b)
}

/// Cuts `s` to at most `max` columns and sanitizes it.
///
/// When `s` fits it is returned whole. Otherwise the longest prefix fitting in `max - 1` columns is
/// kept (a character with its trailing zero-width marks is kept or dropped as a whole; a wide
/// character is never split), followed by `…`, followed by spaces when the cut fell inside a
/// glyph wider than the room left, so that a cut result is always exactly `max` columns:
/// `truncate("ab中文", 4) == "ab… "`. `max == 0` gives `""`; `max == 1` with a cut gives `"…"`.
pub fn truncate(s: &str, max: usize) -> String {
    if width(s) <= max {
        return sanitize(s);
    }
    let Some(budget) = max.checked_sub(1) else {
        return String::new();
    };
    let mut out = String::new();
    let mut used = 0;
    for g in display_chars(s) {
        if used + g.width > budget {
            break;
        }
        out.push_str(&g.to_string());
        used += g.width;
    }
    out.push('…');
    out.extend(std::iter::repeat_n(' ', budget - used));
    out
}

/// Truncates (see [`truncate`]) or pads `s` with spaces on the right to exactly `w` columns.
pub fn pad(s: &str, w: usize) -> String {
    let mut out = truncate(s, w);
    let n = width(&out);
    out.extend(std::iter::repeat_n(' ', w.saturating_sub(n)));
    out
}

/// Truncates (see [`truncate`]) or pads `s` with spaces on the left to exactly `w` columns.
pub fn pad_left(s: &str, w: usize) -> String {
    let t = truncate(s, w);
    let n = width(&t);
    let mut out: String = std::iter::repeat_n(' ', w.saturating_sub(n)).collect();
    out.push_str(&t);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn widths_of_cjk_latin_emoji_and_marks() {
        assert_eq!(width("abc"), 3);
        assert_eq!(width("中文"), 4);
        assert_eq!(width("高新区2443家"), 12);
        assert_eq!(width("，。"), 4);
        assert_eq!(width("𠀀"), 2);
        assert_eq!(width("😀"), 2);
        assert_eq!(width("e\u{301}"), 1);
        assert_eq!(width("a\u{200B}b\u{200D}c"), 3);
        assert_eq!(width("…“”"), 3);
        assert_eq!(char_width('\u{301}'), 0);
        assert_eq!(char_width('中'), 2);
    }

    #[test]
    fn controls_count_as_their_placeholder() {
        assert_eq!(char_width('\x1b'), 1);
        assert_eq!(char_width('\n'), 1);
        assert_eq!(char_width('\u{7f}'), 1);
        assert_eq!(char_width('\u{9b}'), 1);
        assert_eq!(char_width('\u{202E}'), 1);
        assert_eq!(char_width('\t'), TAB_WIDTH);
        assert_eq!(width("\x1b[2J"), 4);
    }

    #[test]
    fn sanitize_makes_escape_sequences_inert() {
        assert_eq!(sanitize("\x1b[2J"), "␛[2J");
        assert_eq!(sanitize("\x1b]0;x\x07"), "␛]0;x␇");
        assert_eq!(sanitize("a\u{9b}31mb"), "a\u{FFFD}31mb");
        assert_eq!(sanitize("x\u{7f}\r\n\0"), "x␡␍␊␀");
        assert_eq!(sanitize("\u{202E}abc\u{2066}"), "\u{FFFD}abc\u{FFFD}");
        assert_eq!(sanitize("a\tb"), "a    b");
        assert_eq!(sanitize("中文e\u{301}😀"), "中文e\u{301}😀");
        for s in ["\x1b[2J", "\x1b]0;x\x07", "\u{9b}1m", "\u{85}"] {
            assert!(!sanitize(s).chars().any(char::is_control), "{s:?}");
            assert_eq!(width(&sanitize(s)), width(s));
        }
    }

    #[test]
    fn display_chars_map_bytes_to_glyphs() {
        let g: Vec<Glyph> = display_chars("a\t中\x1b").collect();
        let got: Vec<(usize, String, usize)> =
            g.iter().map(|g| (g.byte, g.to_string(), g.width)).collect();
        assert_eq!(
            got,
            vec![
                (0, "a".to_string(), 1),
                (1, "    ".to_string(), 4),
                (2, "中".to_string(), 2),
                (5, "␛".to_string(), 1),
            ]
        );
        assert_eq!(g[3].source, '\x1b');
    }

    #[test]
    fn byte_offset_counts_chars() {
        assert_eq!(byte_offset("中a文", 0), 0);
        assert_eq!(byte_offset("中a文", 1), 3);
        assert_eq!(byte_offset("中a文", 2), 4);
        assert_eq!(byte_offset("中a文", 3), 7);
        assert_eq!(byte_offset("中a文", 9), 7);
    }

    #[test]
    fn truncate_exact_outputs() {
        assert_eq!(truncate("hello", 10), "hello");
        assert_eq!(truncate("hello", 5), "hello");
        assert_eq!(truncate("hello", 4), "hel…");
        assert_eq!(truncate("中文字符", 8), "中文字符");
        assert_eq!(truncate("中文字符", 7), "中文字…");
        // The cut falls inside 字: the gap is filled after the ellipsis.
        assert_eq!(truncate("中文字符", 6), "中文… ");
        assert_eq!(truncate("ab中文", 4), "ab… ");
        assert_eq!(truncate("中文", 2), "… ");
        assert_eq!(truncate("中文", 3), "中…");
        assert_eq!(truncate("中文", 1), "…");
        assert_eq!(truncate("中文", 0), "");
        assert_eq!(truncate("", 0), "");
        assert_eq!(truncate("abc", 1), "…");
        // Combining marks stay with their base; escapes are sanitized.
        assert_eq!(truncate("e\u{301}e\u{301}e\u{301}", 2), "e\u{301}…");
        assert_eq!(truncate("\x1b[2Jabc", 3), "␛[…");
        assert_eq!(truncate("😀😀", 3), "😀…");
        assert_eq!(truncate("a\tb", 4), "a…  ");
    }

    #[test]
    fn pad_exact_outputs() {
        assert_eq!(pad("ab", 4), "ab  ");
        assert_eq!(pad_left("ab", 4), "  ab");
        assert_eq!(pad("中", 3), "中 ");
        assert_eq!(pad_left("中", 3), " 中");
        assert_eq!(pad("中文字", 5), "中文…");
        assert_eq!(pad_left("中文字", 5), "中文…");
        assert_eq!(pad("中文字", 4), "中… ");
        assert_eq!(pad("abc", 0), "");
        assert_eq!(pad("", 2), "  ");
        assert_eq!(pad("e\u{301}", 2), "e\u{301} ");
    }
}
