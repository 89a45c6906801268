//! Line breaking for mixed CJK/Latin text.
//!
//! A paragraph is first cut into units that are never broken unless a unit alone is wider than
//! the line: a Latin word or number with its attached punctuation, a CJK character with the
//! punctuation that may not be separated from it, a number with its magnitude and unit words.
//! Units are then laid out greedily.

use super::class::{is_break_space, is_cjk, is_closing, is_ideograph, is_number_infix, is_opening};
use super::{char_width, sanitize};
use std::ops::Range;

/// How many magnitude words (`万`, `亿`, `多`…) may sit between a number and its unit.
const MAX_NUMBER_INFIXES: usize = 3;

const ZWJ: char = '\u{200D}';

/// Wraps `s` to lines of at most `w` columns; each line is a byte range of `s`, in order.
///
/// Rules:
/// - `\n` ends a line (and is in no range); every paragraph yields at least one, maybe empty, line.
/// - A line may break between two characters when either is CJK or wide (emoji), except before a
///   closing punctuation mark (`，。）」”…` and ASCII `,.;:!?)`) or after an opening one
///   (`（「“【` and `([`), and except inside a number with its unit: an ASCII digit, then up to
///   three of `十百千万亿多余`, then one ideograph stay together (`2443家`, `5.5万个`, `100多家`).
///   Latin words and numbers (`18.02%`, `COVID-19`) break only at spaces.
/// - Runs of break spaces (space, tab, U+3000) between two units are break opportunities; where a
///   line breaks at one, the whole run is dropped: it belongs to no range. Spaces at the start of
///   a paragraph, after an opening mark or before a closing one are not break opportunities and
///   stay as content. Spaces ending a paragraph are kept if they fit and dropped otherwise.
///   Hence the ranges joined equal `s` minus the `\n`s and the dropped whitespace.
/// - A unit wider than `w` is hard-broken between characters, choosing the last position that
///   respects the punctuation rules when the line holds one; combining marks always stay with
///   their base. Whitespace that cannot fit on a line of its own (a tab when `w < 4`) is dropped
///   (a combining mark placed on such whitespace then starts the next line).
/// - For `w >= 2` every line is at most `w` columns wide ([`super::width`] of the range). A `w`
///   of 0 behaves like 1; with `w == 1` a wide character gets a line of its own, 2 columns wide.
pub fn wrap_ranges(s: &str, w: usize) -> Vec<Range<usize>> {
    let w = w.max(1);
    let mut lines = Vec::new();
    let mut start = 0;
    for para in s.split('\n') {
        let end = start + para.len();
        wrap_paragraph(para, start, w, &mut lines);
        start = end + 1;
    }
    lines
}

/// Wraps `s` like [`wrap_ranges`] and returns the lines sanitized, ready to draw.
pub fn wrap(s: &str, w: usize) -> Vec<String> {
    wrap_ranges(s, w)
        .into_iter()
        .map(|r| sanitize(s.get(r).unwrap_or_default()))
        .collect()
}

/// One character of a paragraph: absolute byte offset, the character, its display width.
struct Ch {
    byte: usize,
    c: char,
    w: usize,
}

/// An unbreakable unit or a breakable run of spaces, as a range of indices into the chars.
struct Item {
    chars: Range<usize>,
    width: usize,
    gap: bool,
}

/// The line being filled: a byte range and its width.
struct Line {
    start: usize,
    end: usize,
    width: usize,
    filled: bool,
}

struct Para<'a> {
    chars: &'a [Ch],
    /// Absolute byte offset just past the paragraph.
    end: usize,
    w: usize,
}

impl Para<'_> {
    /// Absolute byte offset of char index `i` (the paragraph end for `i == len`).
    fn byte(&self, i: usize) -> usize {
        self.chars.get(i).map_or(self.end, |c| c.byte)
    }

    fn width(&self, r: Range<usize>) -> usize {
        self.chars
            .get(r)
            .map_or(0, |cs| cs.iter().map(|c| c.w).sum())
    }
}

fn wrap_paragraph(para: &str, offset: usize, w: usize, out: &mut Vec<Range<usize>>) {
    let chars: Vec<Ch> = para
        .char_indices()
        .map(|(b, c)| Ch {
            byte: offset + b,
            c,
            w: char_width(c),
        })
        .collect();
    let p = Para {
        chars: &chars,
        end: offset + para.len(),
        w,
    };
    let mut line = Line {
        start: offset,
        end: offset,
        width: 0,
        filled: false,
    };
    let mut gap: Option<Item> = None;
    for item in segment(&chars) {
        if item.gap {
            gap = Some(item);
            continue;
        }
        let gap_width = gap.take().map_or(0, |g| g.width);
        if line.filled {
            if line.width + gap_width + item.width <= w {
                line.end = p.byte(item.chars.end);
                line.width += gap_width + item.width;
                continue;
            }
            out.push(line.start..line.end);
        }
        line = place(&p, item, out);
    }
    if let Some(g) = gap.filter(|g| line.width + g.width <= w) {
        line.end = p.byte(g.chars.end);
    }
    out.push(line.start..line.end);
}

/// Puts a unit at the start of a fresh line, hard-breaking it if it is too wide; pushes all
/// complete lines and returns the last, still open one.
fn place(p: &Para, unit: Item, out: &mut Vec<Range<usize>>) -> Line {
    let Range { mut start, end } = unit.chars;
    if unit.width <= p.w {
        return Line {
            start: p.byte(start),
            end: p.byte(end),
            width: unit.width,
            filled: true,
        };
    }
    loop {
        while start < end && p.chars[start].w > p.w && is_break_space(p.chars[start].c) {
            start += 1;
        }
        let mut cut = start;
        let mut used = 0;
        while cut < end && (cut == start || used + p.chars[cut].w <= p.w) {
            used += p.chars[cut].w;
            cut += 1;
        }
        if cut >= end {
            return Line {
                start: p.byte(start),
                end: p.byte(end),
                width: p.width(start..end),
                filled: start < end,
            };
        }
        let cut = best_cut(p.chars, start, cut);
        out.push(p.byte(start)..p.byte(cut));
        start = cut;
    }
}

/// The last position in `(start, limit]` a line may end at, or `limit` when none may. Zero-width
/// characters always fit, so `limit` never separates one from its base.
fn best_cut(chars: &[Ch], start: usize, limit: usize) -> usize {
    (start + 1..=limit)
        .rev()
        .find(|&i| punctuation_allows(chars, i))
        .unwrap_or(limit)
}

/// Whether a break before index `i` keeps closing marks off line starts, opening marks off line
/// ends and combining marks with their base. Spaces at a break are dropped, so what counts is the
/// first character after them.
fn punctuation_allows(chars: &[Ch], i: usize) -> bool {
    let next = chars
        .get(i..)
        .and_then(|cs| cs.iter().find(|c| !is_break_space(c.c)));
    !next.is_some_and(|n| n.w == 0 || is_closing(n.c))
        && !base_before(chars, i).is_some_and(is_opening)
}

/// The last visible character before index `i`, skipping zero-width characters and spaces.
fn base_before(chars: &[Ch], i: usize) -> Option<char> {
    chars
        .get(..i)?
        .iter()
        .rev()
        .find(|c| c.w != 0 && !is_break_space(c.c))
        .map(|c| c.c)
}

/// Whether a line may break between two adjacent visible characters, before index `i`.
fn may_break_before(chars: &[Ch], i: usize) -> bool {
    let before = chars.get(..i).unwrap_or_default();
    let (Some(prev), Some(next)) = (before.iter().rev().find(|c| c.w != 0), chars.get(i)) else {
        return false;
    };
    // A zero-width joiner fuses its neighbours into one glyph (emoji sequences).
    if before.last().is_some_and(|c| c.c == ZWJ) {
        return false;
    }
    if !punctuation_allows(chars, i) || is_number_unit(chars, i) {
        return false;
    }
    let breaks_around = |c: &Ch| is_cjk(c.c) || c.w >= 2;
    breaks_around(prev) || breaks_around(next)
}

/// Whether index `i` is a magnitude or unit word attached to the number before it.
fn is_number_unit(chars: &[Ch], i: usize) -> bool {
    if !chars.get(i).is_some_and(|c| is_ideograph(c.c)) {
        return false;
    }
    let before = chars.get(..i).unwrap_or_default();
    for (infixes, c) in before.iter().rev().filter(|c| c.w != 0).enumerate() {
        if c.c.is_ascii_digit() {
            return true;
        }
        if !is_number_infix(c.c) || infixes == MAX_NUMBER_INFIXES {
            return false;
        }
    }
    false
}

/// Cuts a paragraph into units and breakable space runs.
fn segment(chars: &[Ch]) -> Vec<Item> {
    let mut items = Vec::new();
    let mut unit: Option<usize> = None;
    let close = |items: &mut Vec<Item>, r: Range<usize>| {
        let width = chars[r.clone()].iter().map(|c| c.w).sum();
        items.push(Item {
            chars: r,
            width,
            gap: false,
        });
    };
    let mut i = 0;
    while i < chars.len() {
        if is_break_space(chars[i].c) {
            let run_end = (i..chars.len())
                .find(|&j| !is_break_space(chars[j].c))
                .unwrap_or(chars.len());
            let breakable = match (unit, chars.get(run_end)) {
                (None, _) => false,
                (Some(_), None) => true,
                (Some(_), Some(_)) => punctuation_allows(chars, run_end),
            };
            if let (true, Some(st)) = (breakable, unit) {
                close(&mut items, st..i);
                unit = None;
                let width = chars[i..run_end].iter().map(|c| c.w).sum();
                items.push(Item {
                    chars: i..run_end,
                    width,
                    gap: true,
                });
            } else {
                unit.get_or_insert(i);
            }
            i = run_end;
            continue;
        }
        match unit {
            Some(st) if !is_break_space(chars[i - 1].c) && may_break_before(chars, i) => {
                close(&mut items, st..i);
                unit = Some(i);
            }
            Some(_) => {}
            None => unit = Some(i),
        }
        i += 1;
    }
    if let Some(st) = unit {
        close(&mut items, st..chars.len());
    }
    items
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(s: &str, w: usize) -> Vec<&str> {
        wrap_ranges(s, w).into_iter().map(|r| &s[r]).collect()
    }

    #[test]
    fn cjk_breaks_between_any_two_characters() {
        assert_eq!(lines("高新技术企业", 4), ["高新", "技术", "企业"]);
        assert_eq!(lines("高新技术企业", 5), ["高新", "技术", "企业"]);
        assert_eq!(lines("高新技术企业", 12), ["高新技术企业"]);
        assert_eq!(lines("𠀀𠀁𠀂", 4), ["𠀀𠀁", "𠀂"]);
    }

    #[test]
    fn latin_words_break_at_spaces_and_drop_them() {
        assert_eq!(lines("hello big world", 9), ["hello big", "world"]);
        assert_eq!(lines("hello   world", 8), ["hello", "world"]);
        assert_eq!(lines("ab cd", 5), ["ab cd"]);
        assert_eq!(lines("ab cd  ", 7), ["ab cd  "]);
        assert_eq!(lines("ab cd  ", 6), ["ab cd"]);
        assert_eq!(lines("  indented text", 10), ["  indented", "text"]);
    }

    #[test]
    fn numbers_keep_their_units() {
        assert_eq!(lines("共有2443家企业", 6), ["共有", "2443家", "企业"]);
        assert_eq!(lines("增长18.02%以上", 8), ["增长", "18.02%以", "上"]);
        assert_eq!(lines("达5.5万个", 7), ["达", "5.5万个"]);
        assert_eq!(lines("超100多家", 7), ["超", "100多家"]);
        assert_eq!(lines("2023年12月", 8), ["2023年", "12月"]);
        assert_eq!(lines("使用AI技术", 4), ["使用", "AI技", "术"]);
    }

    #[test]
    fn punctuation_rules() {
        // No closing mark at a line start: the character before it comes along.
        assert_eq!(lines("中文，测试。", 4), ["中", "文，", "测", "试。"]);
        assert_eq!(lines("他说“你好”。", 6), ["他说", "“你", "好”。"]);
        assert_eq!(lines("他说“你好”。", 8), ["他说“你", "好”。"]);
        assert_eq!(lines("见（附件）说明", 8), ["见（附", "件）说明"]);
        assert_eq!(lines("hello, world!", 6), ["hello,", "world!"]);
        assert_eq!(lines("a ( b", 3), ["a", "( b"]);
        assert_eq!(lines("a ，b", 4), ["a ，", "b"]);
        assert_eq!(lines("好……好", 5), ["好……", "好"]);
        assert_eq!(lines("好……好", 6), ["好……好"]);
    }

    #[test]
    fn newlines_force_breaks() {
        assert_eq!(lines("一\n二", 10), ["一", "二"]);
        assert_eq!(lines("a\n\nb\n", 10), ["a", "", "b", ""]);
        assert_eq!(lines("", 10), [""]);
        assert_eq!(wrap_ranges("a\nb", 5), [0..1, 2..3]);
    }

    #[test]
    fn long_words_are_hard_broken() {
        assert_eq!(lines("abcdefgh", 3), ["abc", "def", "gh"]);
        assert_eq!(lines("abcdef，", 3), ["abc", "de", "f，"]);
        assert_eq!(lines("x abcdefg", 4), ["x", "abcd", "efg"]);
        assert_eq!(lines("（（（（", 4), ["（（", "（（"]);
    }

    #[test]
    fn zero_width_characters_stay_with_their_base() {
        assert_eq!(
            lines("e\u{301}e\u{301}e\u{301}", 2),
            ["e\u{301}e\u{301}", "e\u{301}"]
        );
        assert_eq!(
            lines("中\u{200B}文\u{200D}字", 4),
            ["中\u{200B}", "文\u{200D}字"]
        );
        assert_eq!(lines("中\u{200B}文字", 4), ["中\u{200B}文", "字"]);
    }

    #[test]
    fn narrow_widths_do_not_hang() {
        assert_eq!(lines("中文", 1), ["中", "文"]);
        assert_eq!(lines("中文", 0), ["中", "文"]);
        assert_eq!(lines("a\tb", 2), ["a", "b"]);
        assert_eq!(lines("\tab", 3), ["ab"]);
        assert_eq!(lines("\u{3000}\u{3000}", 1), [""]);
    }

    #[test]
    fn controls_and_emoji() {
        assert_eq!(lines("\x1b[2J清屏", 5), ["\x1b[2J", "清屏"]);
        assert_eq!(lines("😀😀😀", 4), ["😀😀", "😀"]);
        assert_eq!(wrap("\x1b]0;x\x07标题", 6), ["␛]0;x␇", "标题"]);
    }
}
