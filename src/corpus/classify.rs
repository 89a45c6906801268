//! Classifying every printed line of a page, using its neighbours: a short unpunctuated line
//! is a heading only where a sentence has just ended; a lone name is a byline only under a
//! title or at the end of a story.

use super::lines::{
    byline, dateline, em_width, ends_sentence, ends_with_punct, heading, is_caption, is_furniture,
    is_name_line, split_end_note,
};
use super::titles::TitleGroup;
use super::{date, web};

/// A classified line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Line {
    /// The first line of heading group `group` (an index into [`Page::groups`]).
    Heading {
        group: usize,
    },
    /// A further line of the heading group above.
    GroupCont,
    Body {
        text: String,
        lead_space: bool,
    },
    Byline(String),
    Dateline {
        byline: Option<String>,
        body: Option<String>,
    },
    /// A bare name line (`高云翠`, `颜士敦 邓玉娟`).
    Name(String),
    /// An author note ending a story (`（供稿：…）`, `（孙 婷）`).
    EndNote(String),
    Caption,
    Furniture,
    /// Several blank lines: an image slot in a page exported one paragraph per line.
    Gap,
    /// A story ended before an image slot and the text after it is another item.
    Close,
}

/// A classified page.
#[derive(Debug, Default)]
pub(crate) struct Page {
    pub lines: Vec<Line>,
    pub groups: Vec<TitleGroup>,
    /// Lines were wrapped at a column width (newspaper columns), not one paragraph per line.
    pub hard_wrapped: bool,
    /// Publication dates printed on furniture lines (datelines, source credits), by index into
    /// [`Page::lines`].
    pub dates: std::collections::BTreeMap<usize, String>,
    /// The sections the page's breadcrumb names.
    pub section: Vec<String>,
}

/// A line before its role among its neighbours is known.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Pre {
    Heading(usize, String),
    Short(String),
    Final(Line),
}

struct Raw {
    pre: Pre,
    text: String,
    lead_space: bool,
    /// Blank lines right before this line.
    blanks_before: usize,
    /// The publication date a furniture line carries.
    date: Option<String>,
}

/// Classifies a page's lines.
pub(crate) fn classify(text: &str) -> Page {
    let mut raws: Vec<Raw> = Vec::new();
    let mut blanks = 0usize;
    let mut markdown = false;
    let all: Vec<&str> = text.lines().collect();
    let story = web::story_lines(&all);
    let section = all[..story.end]
        .iter()
        .map(|l| web::breadcrumb_sections(l))
        .find(|s| !s.is_empty())
        .unwrap_or_default();
    for (n, line) in all.iter().enumerate() {
        if line.trim().is_empty() {
            blanks += 1;
            continue;
        }
        let blanks_before = std::mem::take(&mut blanks);
        if !story.contains(&n) {
            raws.push(Raw {
                pre: Pre::Final(Line::Furniture),
                text: line.trim().to_string(),
                lead_space: false,
                blanks_before,
                date: None,
            });
            continue;
        }
        let line = web::strip_citations(line);
        let line = line.as_ref();
        // Only furniture lines carry a page date; most lines are not, so it is read on demand.
        let mut date: Option<Option<String>> = None;
        for (k, pre) in first_pass(line).into_iter().enumerate() {
            markdown |= matches!(pre, Pre::Heading(..));
            let text = match &pre {
                Pre::Heading(_, t) | Pre::Short(t) => t.clone(),
                Pre::Final(Line::Body { text, .. }) => text.clone(),
                _ => line.trim().to_string(),
            };
            let blanks_before = if k == 0 { blanks_before } else { 0 };
            let lead_space = k == 0 && line.starts_with(char::is_whitespace);
            let date = match pre {
                Pre::Final(Line::Furniture) => date.get_or_insert_with(|| web_date(line)).clone(),
                _ => None,
            };
            raws.push(Raw {
                pre,
                text,
                lead_space,
                blanks_before,
                date,
            });
        }
    }
    let nonblank = raws.len().max(1);
    let double_spaced =
        raws.iter().skip(1).filter(|r| r.blanks_before > 0).count() * 10 >= nonblank * 7;
    // Furniture is not set in the column: it does not tell how the text is wrapped.
    let long: Vec<&Raw> = raws
        .iter()
        .filter(|r| !matches!(r.pre, Pre::Final(Line::Furniture)) && r.text.chars().count() >= 8)
        .collect();
    let unfinished = long.iter().filter(|r| !ends_sentence(&r.text)).count();
    let hard_wrapped = !markdown && !long.is_empty() && unfinished * 2 >= long.len();

    mark_headlines_over_datelines(&mut raws);
    if !markdown {
        mark_opening_headline(&mut raws);
    }
    resolve_shorts(&mut raws, markdown, hard_wrapped, double_spaced);
    mark_captions_before_datelines(&mut raws);
    let top = raws
        .iter()
        .filter_map(|r| {
            if let Pre::Heading(level, _) = r.pre {
                (level > 0).then_some(level)
            } else {
                None
            }
        })
        .min();

    let mut page = Page {
        hard_wrapped,
        section,
        ..Default::default()
    };
    let mut prev_heading = false;
    for (i, raw) in raws.iter().enumerate() {
        if !hard_wrapped && raw.blanks_before >= 2 {
            push_gap(&mut page, &raws, i);
        }
        match &raw.pre {
            Pre::Heading(level, text) => {
                let joins = prev_heading && (markdown || !double_spaced || raw.blanks_before == 0);
                let is_top = top == Some(*level);
                if joins {
                    if let Some(g) = page.groups.last_mut() {
                        g.lines.push(text.clone());
                        g.top_level |= is_top;
                    }
                    page.lines.push(Line::GroupCont);
                } else {
                    page.groups.push(TitleGroup {
                        lines: vec![text.clone()],
                        top_level: is_top,
                    });
                    page.lines.push(Line::Heading {
                        group: page.groups.len() - 1,
                    });
                }
                prev_heading = true;
            }
            Pre::Short(text) => {
                page.lines.push(Line::Body {
                    text: text.clone(),
                    lead_space: false,
                });
                prev_heading = false;
            }
            Pre::Final(line) => {
                if let Some(d) = &raw.date {
                    page.dates.insert(page.lines.len(), d.clone());
                }
                let line = match line {
                    // One paragraph per line, set apart by blank lines: an indent opens a
                    // paragraph (as web pages indent theirs), it does not continue the last.
                    Line::Body { text, lead_space } if *lead_space => Line::Body {
                        text: text.clone(),
                        lead_space: hard_wrapped || raw.blanks_before == 0,
                    },
                    _ => line.clone(),
                };
                page.lines.push(line.clone());
                // Furniture between a kicker and its headline does not split them.
                prev_heading &= matches!(line, Line::Furniture);
            }
        }
    }
    page
}

/// An image slot; when the text before it finished a sentence and body text follows, the
/// slot separates two items (a photo story after an article).
fn push_gap(page: &mut Page, raws: &[Raw], i: usize) {
    let prev_done = raws[..i]
        .iter()
        .rev()
        .find(|r| !matches!(r.pre, Pre::Final(Line::Furniture | Line::Caption)))
        .is_some_and(|r| matches!(r.pre, Pre::Final(Line::Body { .. })) && ends_sentence(&r.text));
    let next_body = raws[i..]
        .iter()
        .find(|r| !matches!(r.pre, Pre::Final(Line::Furniture | Line::Caption)))
        .is_some_and(|r| matches!(r.pre, Pre::Final(Line::Body { .. }) | Pre::Short(_)));
    if prev_done && next_body {
        page.lines.push(Line::Close);
    }
    page.lines.push(Line::Gap);
}

/// The publication date a line gives when it is furniture: a dateline's date, or the date in
/// the address of a source credit (`原文:https://…/202110/….shtml`).
fn web_date(line: &str) -> Option<String> {
    date::dateline(line).or_else(|| {
        web::is_furniture(line)
            .then(|| date::from_url_in(line))
            .flatten()
    })
}

/// What a line is on its own; a line with a trailing author note gives two.
fn first_pass(line: &str) -> Vec<Pre> {
    let text = line.trim();
    let lead_space = line.starts_with(char::is_whitespace);
    if let Some((level, h)) = heading(line) {
        if is_furniture(h) {
            return vec![Pre::Final(Line::Furniture)];
        }
        return vec![Pre::Heading(level, h.to_string())];
    }
    if is_furniture(text) || web::is_furniture(text) || date::dateline(text).is_some() {
        return vec![Pre::Final(Line::Furniture)];
    }
    if let Some((prefix, note)) = split_end_note(text) {
        let mut out = Vec::new();
        if !prefix.is_empty() {
            out.push(Pre::Final(Line::Body {
                text: prefix.to_string(),
                lead_space,
            }));
        }
        out.push(Pre::Final(Line::EndNote(note)));
        return out;
    }
    if let Some(d) = dateline(text) {
        return vec![Pre::Final(Line::Dateline {
            byline: d.byline,
            body: d.body,
        })];
    }
    if let Some(b) = byline(text) {
        return vec![Pre::Final(Line::Byline(b))];
    }
    if is_caption(text) {
        return vec![Pre::Final(Line::Caption)];
    }
    if is_name_line(text) {
        return vec![Pre::Final(Line::Name(
            text.split_whitespace().collect::<Vec<_>>().join(" "),
        ))];
    }
    if !ends_with_punct(text) && text.chars().count() <= 40 {
        return vec![Pre::Short(text.to_string())];
    }
    vec![Pre::Final(Line::Body {
        text: text.to_string(),
        lead_space,
    })]
}

/// Decides, from the neighbours, whether short lines are headings and lone names are bylines.
fn resolve_shorts(raws: &mut [Raw], markdown: bool, hard_wrapped: bool, double_spaced: bool) {
    // Furniture and notes are not set in the column; they do not tell its width.
    let widths: Vec<Option<usize>> = raws
        .iter()
        .map(|r| match r.pre {
            Pre::Final(Line::Furniture | Line::Caption | Line::EndNote(_)) => None,
            _ => Some(em_width(&r.text)),
        })
        .collect();
    for i in 0..raws.len() {
        let after_break = sentence_done_before(raws, i);
        match raws[i].pre.clone() {
            Pre::Final(Line::Name(name)) => {
                let under_title = matches!(prev_significant(raws, i), Some(Pre::Heading(..)));
                let before_title = matches!(
                    next_significant(raws, i),
                    None | Some(Pre::Heading(..) | Pre::Short(_))
                        | Some(Pre::Final(
                            Line::Byline(_) | Line::Dateline { .. } | Line::Name(_)
                        ))
                );
                let gap_after = raws.get(i + 1).is_some_and(|r| r.blanks_before >= 2);
                if !(under_title || (after_break && (before_title || gap_after))) {
                    raws[i].pre = Pre::Short(name);
                    resolve_short(
                        raws,
                        i,
                        &widths,
                        markdown,
                        hard_wrapped,
                        double_spaced,
                        after_break,
                    );
                }
            }
            Pre::Short(_) => resolve_short(
                raws,
                i,
                &widths,
                markdown,
                hard_wrapped,
                double_spaced,
                after_break,
            ),
            _ => {}
        }
    }
}

fn resolve_short(
    raws: &mut [Raw],
    i: usize,
    widths: &[Option<usize>],
    markdown: bool,
    hard_wrapped: bool,
    double_spaced: bool,
    after_break: bool,
) {
    let text = raws[i].text.clone();
    let is_heading = if markdown || !after_break {
        false
    } else if hard_wrapped {
        // Headline lines are set tight while body lines are double-spaced: a short line
        // touching another short line or a label is part of a headline.
        // (Column breaks also join lines, but those are full-width body lines.)
        // Paragraphs may have lost a two-character first-line indent, so only a line well
        // short of the column (or wider than it: headlines span columns) looks like a heading;
        // one with a comma must be shorter still, as paragraph openings often have one.
        let shaped = |j: usize| {
            let column = column_near(widths, j);
            let w = widths[j].unwrap_or(column);
            let clause = raws[j].text.contains(['，', '、', ',']);
            if clause {
                w * 2 <= column
            } else {
                w >= column + 4 || w * 10 <= column * 7
            }
        };
        let title_like = |j: usize| {
            let r = &raws[j];
            !r.lead_space
                && (matches!(r.pre, Pre::Final(Line::Furniture))
                    || (matches!(r.pre, Pre::Short(_) | Pre::Heading(..))
                        && (shaped(i) || shaped(j))))
        };
        let adjacent = double_spaced
            && !raws[i].lead_space
            && ((i > 0 && raws[i].blanks_before == 0 && title_like(i - 1))
                || (i + 1 < raws.len() && raws[i + 1].blanks_before == 0 && title_like(i + 1)));
        adjacent || (shaped(i) && headline_punctuation(&text))
    } else {
        text.chars().count() <= 30
    };
    raws[i].pre = if is_heading {
        Pre::Heading(0, text)
    } else {
        Pre::Final(Line::Body {
            text,
            lead_space: false,
        })
    };
}

/// Headlines have balanced quotes and no full stop; a short line of speech or a sentence tail
/// does not.
fn headline_punctuation(text: &str) -> bool {
    let count = |c: char| text.chars().filter(|&x| x == c).count();
    count('“') == count('”') && count('‘') == count('’') && !text.contains(['。', '；', '！', '？'])
}

/// A web page prints its dateline (`2021/3/1 16:26:28 来源:…`) right under the headline: an
/// unpunctuated line there is the headline, however long.
fn mark_headlines_over_datelines(raws: &mut [Raw]) {
    for i in 1..raws.len() {
        if raws[i].date.is_none() || !sentence_done_before(raws, i - 1) {
            continue;
        }
        let r = &raws[i - 1];
        let candidate = matches!(r.pre, Pre::Short(_) | Pre::Final(Line::Body { .. }))
            && r.text.chars().count() <= 60
            && !ends_with_punct(&r.text)
            && headline_punctuation(&r.text);
        if candidate {
            raws[i - 1].pre = Pre::Heading(0, r.text.clone());
        }
    }
}

/// Text copied from a web page opens with its headline, often longer than a newspaper's: an
/// unpunctuated first line followed by prose is the headline.
fn mark_opening_headline(raws: &mut [Raw]) {
    let mut story = raws
        .iter()
        .enumerate()
        .filter(|(_, r)| !matches!(r.pre, Pre::Final(Line::Furniture | Line::Caption)));
    let (Some((i, first)), Some((_, next))) = (story.next(), story.next()) else {
        return;
    };
    let n = first.text.chars().count();
    let candidate = matches!(first.pre, Pre::Short(_) | Pre::Final(Line::Body { .. }))
        && (8..=60).contains(&n)
        && !ends_with_punct(&first.text)
        && headline_punctuation(&first.text);
    let prose = matches!(next.pre, Pre::Final(Line::Body { .. }))
        && next.text.chars().count() >= 30
        && ends_sentence(&next.text);
    if candidate && prose {
        raws[i].pre = Pre::Heading(0, raws[i].text.clone());
    }
}

/// Short lines between a headline and a dateline are photo captions (`园区服务中心`), even
/// without a photographer's credit.
fn mark_captions_before_datelines(raws: &mut [Raw]) {
    for d in 0..raws.len() {
        if !matches!(raws[d].pre, Pre::Final(Line::Dateline { .. })) {
            continue;
        }
        let mut j = d;
        while j > 0 {
            let r = &raws[j - 1];
            let short = r.text.chars().count() <= 30
                && matches!(
                    r.pre,
                    Pre::Short(_) | Pre::Final(Line::Body { .. } | Line::Caption)
                );
            if !short {
                break;
            }
            j -= 1;
        }
        if j < d && j > 0 && matches!(raws[j - 1].pre, Pre::Heading(..)) {
            for r in &mut raws[j..d] {
                r.pre = Pre::Final(Line::Caption);
            }
        }
    }
}

/// Whether the text before line `i` ended (a finished sentence, a heading, a note, the top of
/// the page), so that a short line here can start something new.
fn sentence_done_before(raws: &[Raw], i: usize) -> bool {
    match prev_significant(raws, i) {
        None => true,
        Some(Pre::Final(Line::Body { text, .. })) => ends_sentence(text),
        Some(Pre::Short(t)) => !t.is_empty(),
        Some(_) => true,
    }
}

fn prev_significant(raws: &[Raw], i: usize) -> Option<&Pre> {
    raws[..i]
        .iter()
        .rev()
        .map(|r| &r.pre)
        .find(|p| !matches!(p, Pre::Final(Line::Furniture | Line::Caption)))
}

fn next_significant(raws: &[Raw], i: usize) -> Option<&Pre> {
    raws[i + 1..]
        .iter()
        .map(|r| &r.pre)
        .find(|p| !matches!(p, Pre::Final(Line::Furniture | Line::Caption)))
}

/// Typical width of the lines around `i` (their median).
fn column_near(widths: &[Option<usize>], i: usize) -> usize {
    let mut near: Vec<usize> = Vec::new();
    // Up to eight measured lines either side.
    near.extend(widths[..i].iter().rev().flatten().take(8));
    near.extend(widths[i + 1..].iter().flatten().take(8));
    if near.is_empty() {
        return widths[i].unwrap_or(0);
    }
    near.sort_unstable();
    near[near.len() / 2]
}
