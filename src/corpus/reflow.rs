//! Joining hard-wrapped lines back into paragraphs.
//!
//! Lines are joined with nothing in between: Chinese has no spaces between words, and a figure
//! broken by the wrap ("近 10" / "万人") must come back contiguous. Spaces inside a line are
//! kept exactly; only the wrap itself disappears.

use super::lines::{em_width, ends_sentence};

/// One printed line of an article body.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub(crate) struct BodyLine {
    /// The line without leading/trailing whitespace.
    pub text: String,
    /// The line started with whitespace (a stray space after a page break in hard-wrapped
    /// pages): it continues the previous line.
    pub lead_space: bool,
    /// Something printed between this line and the previous one (an image, a big gap) ends the
    /// previous paragraph.
    pub break_before: bool,
    /// A subheading, kept as a paragraph of its own.
    pub heading: bool,
}

/// Half-em units a line may fall short of the column and still count as full (justified
/// columns vary a little with digits and Latin letters).
const SLACK: usize = 3;

/// Width of a lost first-line indent (two characters), in half-em units.
const INDENT: usize = 4;

/// Lines either side of a line that set its column width.
const WINDOW: usize = 6;

/// How a page's columns are set.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub(crate) struct Layout {
    /// Lines were wrapped at a column width: a paragraph ends only where a sentence ends on a
    /// line markedly shorter than the column. Otherwise every line is a paragraph unless it
    /// stops mid-sentence.
    pub hard_wrapped: bool,
    /// Paragraphs lost a first-line indent: a line an indent short of the column opens one.
    pub indented: bool,
}

/// Joins body lines into paragraphs separated by a single `\n`.
pub(crate) fn reflow(lines: &[BodyLine], layout: Layout) -> String {
    let breaks = paragraph_ends(lines, layout);
    let mut out = String::new();
    let mut open = false;
    for (i, line) in lines.iter().enumerate() {
        if line.text.is_empty() {
            continue;
        }
        if (line.heading || line.break_before || !open) && !out.is_empty() {
            out.push('\n');
        }
        out.push_str(&line.text);
        open = !line.heading && !breaks[i];
    }
    out
}

/// How far short of the column the lines opening paragraphs fall, for paragraphs found by
/// their short last lines; a page whose paragraph openings are about an indent short lost its
/// indents.
pub(crate) fn opening_deficits(lines: &[BodyLine]) -> Vec<usize> {
    let (widths, columns) = measure(lines);
    let ends = width_ends(lines, &widths, &columns);
    (0..lines.len().saturating_sub(1))
        .filter(|&i| ends[i] && !lines[i + 1].heading && !ends[i + 1])
        .map(|i| columns[i + 1].saturating_sub(widths[i + 1]))
        .collect()
}

/// Whether the openings measured by [`opening_deficits`] show lost indents.
pub(crate) fn lost_indents(mut deficits: Vec<usize>) -> bool {
    deficits.sort_unstable();
    deficits.len() >= 3 && deficits[deficits.len() / 2] >= INDENT - 1
}

fn measure(lines: &[BodyLine]) -> (Vec<usize>, Vec<usize>) {
    let widths: Vec<usize> = lines.iter().map(|l| em_width(&l.text)).collect();
    let columns = (0..lines.len())
        .map(|i| column_width(lines, &widths, i))
        .collect();
    (widths, columns)
}

fn candidate(lines: &[BodyLine], i: usize) -> bool {
    let continued = lines
        .get(i + 1)
        .is_some_and(|l| l.lead_space && !l.break_before);
    ends_sentence(&lines[i].text) && !continued
}

/// Paragraph ends told by line width alone.
fn width_ends(lines: &[BodyLine], widths: &[usize], columns: &[usize]) -> Vec<bool> {
    let mut ends = vec![false; lines.len()];
    let mut first = true;
    for i in 0..lines.len() {
        let starts = first || lines[i].break_before || lines[i].heading;
        let indent = if starts { INDENT } else { 0 };
        ends[i] =
            lines[i].heading || (candidate(lines, i) && widths[i] + SLACK + indent <= columns[i]);
        first = ends[i];
    }
    ends
}

/// Whether a paragraph ends after each line.
fn paragraph_ends(lines: &[BodyLine], layout: Layout) -> Vec<bool> {
    if !layout.hard_wrapped {
        return (0..lines.len()).map(|i| candidate(lines, i)).collect();
    }
    let (widths, columns) = measure(lines);
    let mut ends = width_ends(lines, &widths, &columns);
    if layout.indented {
        for i in 0..lines.len().saturating_sub(1) {
            let next_short = widths[i + 1] + INDENT - 1 <= columns[i + 1];
            if candidate(lines, i) && !lines[i + 1].heading && next_short {
                ends[i] = true;
            }
        }
    }
    ends
}

/// The column width around line `i`: a high percentile of its neighbours' widths, so that the
/// short last lines of paragraphs and headings do not drag it down.
fn column_width(lines: &[BodyLine], widths: &[usize], i: usize) -> usize {
    let lo = i.saturating_sub(WINDOW);
    let hi = (i + WINDOW + 1).min(lines.len());
    // On the stack: this runs for every line of every page.
    let mut buf = [0usize; 2 * WINDOW];
    let mut n = 0;
    for j in (lo..hi).filter(|&j| j != i && !lines[j].heading) {
        buf[n] = widths[j];
        n += 1;
    }
    let near = &mut buf[..n];
    if near.is_empty() {
        return widths[i];
    }
    // The upper quartile: the value a full sort would put there.
    let k = (near.len() * 3 / 4).min(near.len() - 1);
    *near.select_nth_unstable(k).1
}

#[cfg(test)]
mod tests {
    use super::*;

    const HARD: Layout = Layout {
        hard_wrapped: true,
        indented: false,
    };

    fn body(texts: &[&str]) -> Vec<BodyLine> {
        texts
            .iter()
            .map(|t| BodyLine {
                text: t.trim().to_string(),
                lead_space: t.starts_with(' '),
                ..Default::default()
            })
            .collect()
    }

    #[test]
    fn hard_wraps_join_and_short_sentence_end_breaks() {
        let lines = body(&[
            "园区今年累计引进人才近 10",
            "万人，其中领军人才三百余人，继续",
            "保持全省第一的位置不变动。",
            "新的段落从这里开始并且一直写到",
            "这一行的末尾结束了为止的地方。",
        ]);
        let text = reflow(&lines, HARD);
        assert_eq!(
            text,
            "园区今年累计引进人才近 10万人，其中领军人才三百余人，继续保持全省第一的位置不变动。\n\
             新的段落从这里开始并且一直写到这一行的末尾结束了为止的地方。"
        );
    }

    #[test]
    fn full_width_sentence_end_does_not_break() {
        let lines = body(&[
            "第一行写满了整整一行的文字内容。",
            "第二行继续同一个段落的文字内容",
            "完。",
        ]);
        assert_eq!(reflow(&lines, HARD).lines().count(), 1);
    }

    #[test]
    fn lead_space_continues() {
        let lines = body(&[
            "这一行比较短。",
            " 其中续行",
            "后面的文字也属于同一个段落。",
        ]);
        assert_eq!(
            reflow(&lines, HARD),
            "这一行比较短。其中续行后面的文字也属于同一个段落。"
        );
    }

    #[test]
    fn paragraph_mode_joins_only_broken_sentences() {
        let lines = body(&["第一段。", "第二段没有写完，在", "这里接上。", "第三段。"]);
        assert_eq!(
            reflow(&lines, Layout::default()),
            "第一段。\n第二段没有写完，在这里接上。\n第三段。"
        );
    }

    #[test]
    fn headings_stand_alone() {
        let mut lines = body(&["正文一段。", "小标题", "正文二段。"]);
        lines[1].heading = true;
        assert_eq!(
            reflow(&lines, Layout::default()),
            "正文一段。\n小标题\n正文二段。"
        );
        let mut broken = body(&["句子没有写完", "小标题", "下文。"]);
        broken[1].heading = true;
        assert_eq!(
            reflow(&broken, Layout::default()),
            "句子没有写完\n小标题\n下文。"
        );
    }
}
