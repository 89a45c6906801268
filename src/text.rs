//! Display-width helpers for mixed CJK/Latin text. Every renderer measures, cuts, pads and wraps
//! through here; nothing else in the crate measures text for display.

use std::ops::Range;
use unicode_width::UnicodeWidthChar;

/// Columns one character occupies once sanitized for display.
pub fn char_width(c: char) -> usize {
    if c.is_control() {
        1
    } else {
        c.width().unwrap_or(0)
    }
}

/// Columns a string occupies once sanitized for display.
pub fn width(s: &str) -> usize {
    s.chars().map(char_width).sum()
}

/// Replaces what must never reach the terminal (control characters, escape sequences) with a
/// visible placeholder.
pub fn sanitize(s: &str) -> String {
    s.chars()
        .map(|c| if c.is_control() { '\u{FFFD}' } else { c })
        .collect()
}

/// Cuts `s` to at most `max` columns, ending with `…` when anything was cut.
pub fn truncate(s: &str, max: usize) -> String {
    if width(s) <= max {
        return sanitize(s);
    }
    let mut out = String::new();
    let mut used = 0;
    for c in sanitize(s).chars() {
        let w = char_width(c);
        if used + w + 1 > max {
            break;
        }
        out.push(c);
        used += w;
    }
    if max > 0 {
        out.push('…');
    }
    out
}

/// Truncates or pads `s` with spaces on the right to exactly `w` columns.
pub fn pad(s: &str, w: usize) -> String {
    let mut out = truncate(s, w);
    let n = width(&out);
    out.extend(std::iter::repeat_n(' ', w.saturating_sub(n)));
    out
}

/// Truncates or pads `s` with spaces on the left to exactly `w` columns.
pub fn pad_left(s: &str, w: usize) -> String {
    let t = truncate(s, w);
    let n = width(&t);
    let mut out: String = std::iter::repeat_n(' ', w.saturating_sub(n)).collect();
    out.push_str(&t);
    out
}

/// Wraps `s` to lines of at most `w` columns; each line is a byte range of `s`.
pub fn wrap_ranges(s: &str, w: usize) -> Vec<Range<usize>> {
    let mut lines = Vec::new();
    let mut start = 0;
    let mut used = 0;
    for (i, c) in s.char_indices() {
        if c == '\n' {
            lines.push(start..i);
            start = i + 1;
            used = 0;
            continue;
        }
        let cw = char_width(c);
        if used + cw > w.max(1) && i > start {
            lines.push(start..i);
            start = i;
            used = 0;
        }
        used += cw;
    }
    lines.push(start..s.len());
    lines
}

/// Wraps `s` to lines of at most `w` columns.
pub fn wrap(s: &str, w: usize) -> Vec<String> {
    wrap_ranges(s, w)
        .into_iter()
        .map(|r| s[r].to_string())
        .collect()
}
