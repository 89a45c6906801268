//! An article wrapped for the reader a block at a time: only the blocks the reader shows are
//! ever wrapped, so opening and scrolling a megabytes-long article costs what one screen costs.

use std::ops::Range;

use crate::tui::layout;

/// Paragraphs longer than this many bytes are wrapped in pieces of about this size, so that a
/// single-line article of many megabytes is not wrapped whole. A piece ends after a sentence end
/// when one lies in its last quarter; its last line may then be short.
const PIECE: usize = 16 * 1024;

/// A position in the wrapped text: a line of a block.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord)]
pub struct Pos {
    /// The block.
    pub block: usize,
    /// The line within the block.
    pub line: usize,
}

/// A paragraph, or a piece of a long one.
#[derive(Debug, Clone)]
struct Block {
    /// Byte range in the text.
    bytes: Range<usize>,
    /// Char offset of its first character.
    chars: usize,
    /// Whether a paragraph break (a blank line) comes before it.
    breaks: bool,
}

/// The text's blocks and the lines of those wrapped so far.
#[derive(Debug, Clone)]
pub struct Wrapped {
    blocks: Vec<Block>,
    lines: Vec<Option<Vec<Range<usize>>>>,
    width: usize,
}

impl Wrapped {
    /// Cuts `text` into blocks to be wrapped to `width` columns on demand.
    pub fn new(text: &str, width: usize) -> Self {
        let mut blocks = Vec::new();
        let mut byte = 0;
        let mut chars = 0;
        for (n, para) in text.split('\n').enumerate() {
            let mut breaks = n > 0;
            let mut rest = para;
            loop {
                let cut = piece_end(rest);
                let piece = &rest[..cut];
                blocks.push(Block {
                    bytes: byte..byte + cut,
                    chars,
                    breaks,
                });
                breaks = false;
                byte += cut;
                chars += piece.chars().count();
                rest = &rest[cut..];
                if rest.is_empty() {
                    break;
                }
            }
            byte += 1;
            chars += 1;
        }
        let lines = blocks.iter().map(|_| None).collect();
        Wrapped {
            blocks,
            lines,
            width: width.max(1),
        }
    }

    /// The width the text is wrapped to.
    pub fn width(&self) -> usize {
        self.width
    }

    /// Block `b`'s lines, wrapping it on first use.
    fn block(&mut self, text: &str, b: usize) -> &[Range<usize>] {
        let width = self.width;
        let (Some(block), Some(slot)) = (self.blocks.get(b), self.lines.get_mut(b)) else {
            return &[];
        };
        slot.get_or_insert_with(|| {
            let s = text.get(block.bytes.clone()).unwrap_or_default();
            let mut lines = Vec::new();
            if block.breaks {
                lines.push(block.chars..block.chars);
            }
            lines.extend(
                layout::wrap_chars(s, width)
                    .into_iter()
                    .map(|l| l.start + block.chars..l.end + block.chars),
            );
            lines
        })
    }

    /// The first line.
    pub fn start(&self) -> Pos {
        Pos::default()
    }

    /// The last line.
    pub fn end(&mut self, text: &str) -> Pos {
        let mut p = Pos {
            block: self.blocks.len(),
            line: 0,
        };
        // Blocks of an empty paragraph's tail may hold no line; step back to one that does.
        while p.block > 0 {
            p.block -= 1;
            let n = self.block(text, p.block).len();
            if n > 0 {
                p.line = n - 1;
                return p;
            }
        }
        Pos::default()
    }

    /// The line holding char offset `at` (the last line for offsets past the end).
    pub fn pos_of(&mut self, text: &str, at: usize) -> Pos {
        let b = self
            .blocks
            .partition_point(|k| k.chars <= at)
            .saturating_sub(1);
        let lines = self.block(text, b);
        if lines.is_empty() {
            return self.forward(text, Pos { block: b, line: 0 }, 0);
        }
        let line = layout::line_of(lines, at);
        Pos { block: b, line }
    }

    /// The line `n` lines below `p`, or the last line.
    pub fn forward(&mut self, text: &str, mut p: Pos, mut n: usize) -> Pos {
        let last = self.end(text);
        loop {
            let len = self.block(text, p.block).len();
            if p.line + n < len {
                p.line += n;
                return p.min(last);
            }
            if p.block + 1 >= self.blocks.len() {
                return last;
            }
            n -= len.saturating_sub(p.line);
            p = Pos {
                block: p.block + 1,
                line: 0,
            };
        }
    }

    /// The line `n` lines above `p`, or the first line.
    pub fn back(&mut self, text: &str, mut p: Pos, mut n: usize) -> Pos {
        loop {
            if n <= p.line {
                p.line -= n;
                return p;
            }
            n -= p.line;
            // Step to the last line of the nearest block above that has one.
            loop {
                if p.block == 0 {
                    return Pos::default();
                }
                p.block -= 1;
                let len = self.block(text, p.block).len();
                if len > 0 {
                    p.line = len - 1;
                    n -= 1;
                    break;
                }
            }
        }
    }

    /// The top line of the last full screen of `height` lines: scrolling never goes past it.
    pub fn last_top(&mut self, text: &str, height: usize) -> Pos {
        let end = self.end(text);
        self.back(text, end, height.max(1) - 1)
    }

    /// Up to `n` lines from `p` on, as char ranges.
    pub fn take(&mut self, text: &str, mut p: Pos, n: usize) -> Vec<Range<usize>> {
        let mut out = Vec::with_capacity(n.min(256));
        while out.len() < n && p.block < self.blocks.len() {
            let lines = self.block(text, p.block);
            let want = n - out.len();
            out.extend(lines.iter().skip(p.line).take(want).cloned());
            p = Pos {
                block: p.block + 1,
                line: 0,
            };
        }
        out
    }

    /// The byte offset of char offset `at`, counting from the start of its block.
    pub fn byte_of(&self, text: &str, at: usize) -> usize {
        let b = self
            .blocks
            .partition_point(|k| k.chars <= at)
            .saturating_sub(1);
        let Some(block) = self.blocks.get(b) else {
            return 0;
        };
        let from = block.bytes.start;
        text.get(from..)
            .unwrap_or_default()
            .char_indices()
            .nth(at - block.chars)
            .map_or(text.len(), |(i, _)| from + i)
    }
}

/// Where the first piece of `s` ends: all of it when short, else after a sentence end in the
/// last quarter of [`PIECE`] bytes, else at the char boundary at [`PIECE`].
fn piece_end(s: &str) -> usize {
    if s.len() <= PIECE {
        return s.len();
    }
    let mut end = PIECE;
    while !s.is_char_boundary(end) {
        end -= 1;
    }
    let mut from = PIECE * 3 / 4;
    while !s.is_char_boundary(from) {
        from += 1;
    }
    let sentence = s[from..end]
        .char_indices()
        .rev()
        .find(|(_, c)| matches!(c, '。' | '！' | '？' | '；' | '.' | '!' | '?' | ';'))
        .map(|(i, c)| from + i + c.len_utf8());
    sentence.unwrap_or(end).max(1)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn all(w: &mut Wrapped, text: &str) -> Vec<Range<usize>> {
        w.take(text, Pos::default(), usize::MAX >> 1)
    }

    #[test]
    fn short_texts_wrap_as_a_whole_text_wraps() {
        for text in ["", "一二三四五六七八九十\n\nab cd ef\n末", "\n\n", "a\n"] {
            let mut w = Wrapped::new(text, 6);
            assert_eq!(all(&mut w, text), layout::wrap_chars(text, 6), "{text:?}");
        }
    }

    #[test]
    fn a_long_line_is_cut_in_pieces_and_every_char_is_shown_once() {
        let text = "高新区营业收入增长12%。".repeat(5_000);
        let mut w = Wrapped::new(&text, 40);
        assert!(w.blocks.len() > 5, "{} blocks", w.blocks.len());
        let lines = all(&mut w, &text);
        let mut next = 0;
        for l in &lines {
            assert_eq!(l.start, next);
            next = l.end;
        }
        assert_eq!(next, text.chars().count());
    }

    #[test]
    fn only_what_is_looked_at_is_wrapped() {
        let text = "一句话。".repeat(100_000);
        let mut w = Wrapped::new(&text, 40);
        let at = text.chars().count() / 2;
        let p = w.pos_of(&text, at);
        let shown = w.take(&text, p, 10);
        assert!(shown[0].contains(&at));
        let wrapped = w.lines.iter().filter(|l| l.is_some()).count();
        assert!(
            wrapped <= 3,
            "{wrapped} of {} blocks wrapped",
            w.blocks.len()
        );
    }

    #[test]
    fn moving_by_lines_crosses_blocks_both_ways_and_stops_at_the_ends() {
        let text = "第一段文字很长很长。\n第二段。\n\n第三段也很长很长很长。".repeat(3);
        let mut w = Wrapped::new(&text, 8);
        let total = all(&mut w, &text).len();
        let start = w.start();
        for n in 0..total + 3 {
            let p = w.forward(&text, start, n);
            let line = w.take(&text, p, 1);
            assert_eq!(line, all(&mut w, &text)[n.min(total - 1)..][..1], "{n}");
            assert_eq!(w.back(&text, p, n.min(total - 1)), start, "{n}");
        }
        let last = w.last_top(&text, 5);
        assert_eq!(w.take(&text, last, 99).len(), 5);
    }

    #[test]
    fn byte_offsets_of_chars_match_a_plain_walk() {
        let text = "a中𠀀b。".repeat(20_000);
        let w = Wrapped::new(&text, 30);
        for at in [0, 1, 2, 5, 4_099, 40_000, 99_999] {
            let want = text.char_indices().nth(at).map_or(text.len(), |(b, _)| b);
            assert_eq!(w.byte_of(&text, at), want, "{at}");
        }
    }
}
