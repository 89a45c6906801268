//! Which region a figure is about: the region named in its sentence, else the region the passage
//! is about, else the article's subject. Anaphora (全区, 该区, 园区, 该高新区, 区内, 全市) resolve
//! to the region the passage is about.

use std::ops::Range;

use super::context::{paragraph, sentence};
use super::places::{Mention, Place};

/// Words that refer back to the region a passage is about.
const ANAPHORA: &[&str] = &[
    "该高新区",
    "全高新区",
    "高新区内",
    "该园区",
    "全园区",
    "该区",
    "全区",
    "本区",
    "区内",
    "辖区",
    "园区",
    "该市",
    "全市",
    "本市",
    "市内",
    "该县",
    "全县",
    "全省",
    "该省",
];

/// Words right before a place that make it a yardstick, not the subject (`占大连市的42%`,
/// `高于天津市平均水平`).
const YARDSTICKS: &[&str] = &[
    "占",
    "高于",
    "低于",
    "超过",
    "比",
    "较",
    "相当于",
    "领先",
    "为",
];

/// Words right after a place that make it part of an organisation's name, not a region.
const ORG_SUFFIXES: &[&str] = &[
    "大学",
    "学院",
    "理工",
    "师范",
    "集团",
    "公司",
    "银行",
    "日报",
    "电视台",
    "医院",
    "研究所",
    "交易所",
    "海关",
    "中学",
    "小学",
    "证券",
    "航空",
    "农商行",
    "籍",
    "人",
];

/// A place mention that can carry attribution.
fn is_subject(text: &str, m: &Mention) -> bool {
    let after = &text[m.range.end..];
    if ORG_SUFFIXES.iter().any(|s| after.starts_with(s)) {
        return false;
    }
    // Inside a book or document title: 《天津市人民政府…协议》.
    let before = &text[..m.range.start];
    let open = before.rfind('《');
    let close = before.rfind('》');
    !matches!((open, close), (Some(o), c) if c.is_none_or(|c| c < o))
}

fn is_yardstick(text: &str, m: &Mention) -> bool {
    let before = text[..m.range.start].trim_end();
    YARDSTICKS.iter().any(|w| before.ends_with(w))
        && text[m.range.end..].starts_with(['的', '平', '同'])
}

/// What attribution needs to know about one article.
pub struct Context<'a> {
    text: &'a str,
    mentions: Vec<&'a Mention>,
    subject: Option<Place>,
}

impl<'a> Context<'a> {
    /// Prepares attribution for an article; `title_mentions` are the places named in its title.
    pub fn new(text: &'a str, mentions: &'a [Mention], title_mentions: &[Mention]) -> Self {
        let mentions: Vec<&Mention> = mentions.iter().filter(|m| is_subject(text, m)).collect();
        let subject = most_specific(title_mentions.iter())
            .or_else(|| most_frequent(&mentions))
            .cloned();
        Context {
            text,
            mentions,
            subject,
        }
    }

    /// The article's subject: the most specific place in its title, else its most named place.
    pub fn subject(&self) -> Option<&Place> {
        self.subject.as_ref()
    }

    /// The region the figure at byte range `at` is about.
    pub fn region_for(&self, at: Range<usize>) -> Option<Place> {
        let text = self.text;
        let s = sentence(text, at.clone());
        // The nearest place or anaphor before the number in its sentence.
        let named = self.mentions.iter().rev().find(|m| {
            m.range.end <= at.start && m.range.start >= s.start && !is_yardstick(text, m)
        });
        let anaphor = last_anaphor(&text[s.start..at.start]).map(|i| s.start + i);
        match (named, anaphor) {
            (Some(m), Some(a)) if a > m.range.start => return self.passage_subject(a),
            (Some(m), _) => return Some(m.place.clone()),
            (None, Some(a)) => return self.passage_subject(a),
            (None, None) => {}
        }
        // A place named after the number in the same sentence (`1600家企业落户成都`) is less
        // reliable than the passage's subject, so it only counts when nothing came before.
        self.passage_subject(s.start)
    }

    /// The region the passage before byte `at` is about: the last place named in its paragraph,
    /// else the article's subject.
    fn passage_subject(&self, at: usize) -> Option<Place> {
        let p = paragraph(self.text, at..at);
        self.mentions
            .iter()
            .rev()
            .filter(|m| m.range.end <= at && m.range.start >= p.start)
            .find(|m| !is_yardstick(self.text, m))
            .map(|m| m.place.clone())
            .or_else(|| self.subject.clone())
    }
}

/// Byte offset of the last anaphor in `s`.
fn last_anaphor(s: &str) -> Option<usize> {
    ANAPHORA.iter().filter_map(|w| s.rfind(w)).max()
}

/// Parks first, then districts and counties, then cities; the nation last.
fn specificity(p: &Place) -> u8 {
    match p {
        Place::Park { .. } => 3,
        Place::Division(code) if code % 100 != 0 => 2,
        Place::Division(code) if code % 10_000 != 0 => 1,
        Place::Division(_) => 0,
        Place::Nation => 0,
    }
}

fn most_specific<'m>(ms: impl Iterator<Item = &'m Mention>) -> Option<&'m Place> {
    let mut best: Option<&Mention> = None;
    for m in ms {
        if best.is_none_or(|b| specificity(&m.place) > specificity(&b.place)) {
            best = Some(m);
        }
    }
    best.map(|m| &m.place)
}

fn most_frequent<'m>(ms: &[&'m Mention]) -> Option<&'m Place> {
    let mut counts: Vec<(&Place, usize, usize)> = Vec::new();
    for (i, m) in ms.iter().enumerate() {
        match counts.iter_mut().find(|(p, _, _)| *p == &m.place) {
            Some(c) => c.1 += 1,
            None => counts.push((&m.place, 1, i)),
        }
    }
    // Ties go to the place named first.
    counts
        .into_iter()
        .max_by(|a, b| a.1.cmp(&b.1).then(b.2.cmp(&a.2)))
        .map(|(p, _, _)| p)
}
