//! What a figure measures: its measure (level, growth, share, rank, …), its metric from the
//! catalogue, and its scope (the part of the region it covers), read from its label and clause.
//!
//! The rules lean towards leaving a figure out of rankings: a figure is rankable only when its
//! subject names a catalogue indicator with nothing before it but words that keep the whole
//! region (`全区`, `企业`, `规模以上`), and its clause is not about taking part in, winning or
//! being served by something.

use std::ops::Range;
use std::sync::LazyLock;

use super::lexicon::WordSet;
use super::metrics::{self, MetricDef};
use super::quantity::QuantityKind;
use crate::dataset::{Measure, Qualifier};

/// What a figure means.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Meaning {
    /// How the number relates to the metric.
    pub measure: Measure,
    /// The catalogue metric, if any.
    pub metric: Option<&'static str>,
    /// The part of the region covered, in the article's words; `None` for the whole.
    pub scope: Option<String>,
}

/// Words of a clause that make its figure a count of participants, winners, beneficiaries or
/// services: no indicator of the region, whatever noun it counts.
#[rustfmt::skip]
const NOT_INDICATOR: &[&str] = &[
    "参加", "参与", "参会", "参展", "获评", "获批", "获得", "获奖", "荣获", "举荐", "首批", "第一批", "受益", "惠及", "服务", "帮助",
    "帮扶", "对接", "走访", "达成", "发放", "兑现", "给予", "奖励", "补贴", "补助", "资助", "扶持", "培训", "举办", "开展", "组织",
    "召开", "接待", "点击", "浏览", "观看", "报名", "吸引了", "涉及", "覆盖", "辐射", "提供", "发布", "推出", "出台", "制定", "评选",
    "表彰",
];

/// Words that may follow a metric's keyword in a subject without changing what is counted
/// (`高新技术企业数量`, `有效发明专利拥有量`); anything else there is the real head noun
/// (`人才公寓`, `院士团队`, `高校毕业生`) and the figure is not about the metric.
#[rustfmt::skip]
const HEAD_TAILS: &[&str] = &[
    "数量", "总数", "总量", "总额", "总值", "数", "规模", "拥有量", "人数", "家数", "个数", "金额", "额", "量", "总计", "合计",
    "的", "”", "“", "）", ")", "（", "(", "达", "共", "累计", "实现", "增加值", "投入", "支出", "新增", "增量", "全国",
    "全省", "全市", "全球", "排名", "位居", "位列", "居", "列", "保持", "稳居", "连续", "年", "第", "首次", "经费",
];

fn set(words: &'static [&'static str]) -> WordSet {
    WordSet::new(words.iter().copied())
}

fn contains_any(set: &WordSet, s: &str) -> bool {
    set.any_in(s)
}

/// The text around a figure that its meaning is read from.
#[derive(Debug, Clone)]
pub struct Spot<'a> {
    /// The article text (or the part being read).
    pub text: &'a str,
    /// Byte range of the number.
    pub at: Range<usize>,
    /// Byte range of its clause.
    pub clause: Range<usize>,
    /// Byte range of its sentence.
    pub sentence: Range<usize>,
    /// Its base unit.
    pub unit: &'a str,
    /// What kind of number it is.
    pub kind: QuantityKind,
    /// Its hedge.
    pub qualifier: Qualifier,
    /// Byte ranges of the place names in `text`, in order.
    pub places: &'a [Range<usize>],
    /// Where the figure before this one ends, if it is in the same sentence: what the sentence
    /// said before that belongs to that figure.
    pub after: Option<usize>,
}

/// Reads the meaning of a figure from its label.
pub fn read(spot: &Spot, label: &str) -> Meaning {
    read_about(spot, label, None)
}

/// Reads the meaning of a figure whose label names only a rate or rank, about what `subject`
/// (taken from a figure before it) names.
pub fn read_about(spot: &Spot, label: &str, subject_of: Option<&str>) -> Meaning {
    let Spot {
        text,
        at,
        clause,
        sentence,
        unit,
        kind,
        qualifier,
        places,
        after: prev_end,
    } = spot;
    let (at, clause, sentence) = (at.clone(), clause.clone(), sentence.clone());
    let measure = measure(
        text,
        at.clone(),
        clause.clone(),
        sentence.clone(),
        label,
        unit,
        *kind,
    );
    let none = Meaning {
        measure,
        metric: None,
        scope: None,
    };
    let subj = subject_of.unwrap_or_else(|| subject(label));
    let Some((metric, start)) = metrics::metric_at(subj, unit, measure) else {
        // The label may name the list itself (`高新区中的排名`) but no indicator.
        static CLASS: LazyLock<WordSet> = LazyLock::new(|| set(REGION_CLASSES));
        let bare = is_bare(&CLASS.remove_in_order(label));
        return standing(text, sentence, at.start, measure)
            .filter(|_| bare)
            .unwrap_or(none);
    };
    // A cap on a grant (`最高给予200万元`) or a threshold inside a name (`5000万元以上项目`);
    // a comparison with a yardstick (`增速低于全省0.6个百分点`) is no value of the indicator.
    if *qualifier == Qualifier::UpTo || is_threshold(text, at.clone()) || compares(label) {
        return none;
    }
    let lead = list_lead(text, clause.clone(), sentence.clone(), at.start);
    let after = &text[at.end..clause.end.max(at.end)];
    static NOT: LazyLock<WordSet> = LazyLock::new(|| set(NOT_INDICATOR));
    if contains_any(&NOT, lead) || contains_any(&NOT, label) || after_verb_is_taking_part(after) {
        return none;
    }
    // `三星等100余家企业`: a count of named examples, not of the region's firms.
    if text[..at.start].trim_end().ends_with('等') {
        return none;
    }
    let keyword_end = start + keyword_len(metric, &subj[start..]);
    if !head_is_keyword(&subj[keyword_end..]) {
        return none;
    }
    let modifier = &subj[..start];
    if scope::is_action(modifier) {
        return none;
    }
    let scope = scope::find(&scope::Find {
        metric,
        modifier,
        subject: subj,
        label,
        text,
        clause,
        sentence: prev_end.unwrap_or(sentence.start).max(sentence.start)..sentence.end,
        number: at.start,
        places,
    });
    // `R&D经费支出占地区GDP比重` is R&D intensity by the catalogue's definition: a ratio, read
    // as a level.
    if metric.id == "rd_spending"
        && measure == Measure::Share
        && of_gdp(&text[sentence.start.min(at.start)..at.start])
    {
        return Meaning {
            measure: Measure::Level,
            metric: Some("rd_intensity"),
            scope,
        };
    }
    Meaning {
        measure,
        metric: Some(metric.id),
        scope,
    }
}

/// Whether the last share named in `lead` is of GDP (`占地区GDP比重`, `占地区生产总值的`).
fn of_gdp(lead: &str) -> bool {
    lead.rfind('占').is_some_and(|i| {
        let of = &lead[i..];
        of.contains("GDP") || of.contains("gdp") || of.contains("生产总值")
    })
}

/// Classes of regions a list ranks (`在全国高新区中的排名`, `中国百强区`).
#[rustfmt::skip]
const REGION_CLASSES: &[&str] = &[
    "高新区", "开发区", "经开区", "新区", "园区", "百强", "省会城市", "副省级城市", "城市排名",
];

/// A place in a list of regions, or a move up or down it, with no indicator named: the
/// overall standing.
fn standing(
    text: &str,
    sentence: Range<usize>,
    number: usize,
    measure: Measure,
) -> Option<Meaning> {
    static CLASS: LazyLock<WordSet> = LazyLock::new(|| set(REGION_CLASSES));
    let lead = &text[sentence.start.min(number)..number];
    let placed = matches!(measure, Measure::Rank | Measure::Change)
        && ["排名", "位列", "位居", "排位", "名列"]
            .iter()
            .any(|w| lead.contains(w));
    // The class names the list (`国家高新区排名`, `169家高新区中`, `百强区`), not the region
    // itself (`大连高新区`).
    let listed = CLASS.find_all(lead).any(|(_, r)| {
        let after = &lead[r.end..];
        let before = lead[..r.start].trim_end();
        lead[r.clone()].starts_with("百强")
            || ["排名", "中", "综合", "总体", "榜", "评价"]
                .iter()
                .any(|w| after.starts_with(w))
            || before.ends_with(['家', '个', '国', '省'])
            || before.ends_with("国家")
    });
    (placed && listed).then_some(Meaning {
        measure,
        metric: Some("overall_standing"),
        scope: None,
    })
}

/// The clause before a number, reaching back over a list the clause continues
/// (`服务人才500余人次、企业100余家`: the second count is of firms served too).
fn list_lead(text: &str, clause: Range<usize>, sentence: Range<usize>, number: usize) -> &str {
    let mut start = clause.start.min(number);
    while start > sentence.start && text[..start].ends_with('、') {
        let head = &text[sentence.start..start - '、'.len_utf8()];
        start = head
            .rfind(|c: char| super::context::ends_clause(c) && c != '、')
            .map_or(sentence.start, |i| {
                sentence.start + i + head[i..].chars().next().map_or(1, char::len_utf8)
            });
    }
    &text[start..number]
}

/// The length of the metric keyword `rest` starts with (the longest that fits).
fn keyword_len(metric: &MetricDef, rest: &str) -> usize {
    metric
        .keywords
        .iter()
        .filter(|k| rest.starts_with(*k))
        .map(|k| k.len())
        .max()
        .unwrap_or(0)
}

/// Whether what follows the metric's keyword in a subject leaves the keyword as its head noun.
fn head_is_keyword(mut rest: &str) -> bool {
    loop {
        rest = rest.trim_start_matches(|c: char| {
            c.is_whitespace() || (c.is_ascii_punctuation() && c != '(')
        });
        if rest.is_empty() {
            return true;
        }
        // An aside in brackets (`研究与试验发展(以下简称R&D)经费`) is not the head.
        if let Some(inner) = rest.strip_prefix(['(', '（'])
            && let Some((close, c)) = inner.char_indices().find(|&(_, c)| c == ')' || c == '）')
        {
            rest = &inner[close + c.len_utf8()..];
            continue;
        }
        match HEAD_TAILS.iter().find_map(|t| rest.strip_prefix(t)) {
            Some(r) => rest = r,
            None => return false,
        }
    }
}

/// Whether the clause after the number says the counted things took part in something
/// (`1600家企业参与`, `315家落户成都`).
fn after_verb_is_taking_part(after: &str) -> bool {
    static AFTER: LazyLock<WordSet> = LazyLock::new(|| {
        set(&[
            "参与", "参加", "获得", "获评", "获批", "入选", "落户", "受益", "签约", "亮相", "参展",
            "通过", "申报", "实现", "应用", "使用", "享受", "成为", "完成",
        ])
    });
    contains_any(&AFTER, after)
}

/// `5000万元以上项目`, `亿元以上企业`: a number that bounds a class named right after it.
pub fn is_threshold(text: &str, at: Range<usize>) -> bool {
    let rest = &text[at.end..];
    let Some(rest) = ["以上", "以下"].iter().find_map(|w| rest.strip_prefix(w)) else {
        return false;
    };
    rest.chars().next().is_some_and(|c| {
        !c.is_ascii_punctuation() && !"，。、；：）)”".contains(c) && !c.is_whitespace()
    })
}

mod measure;
mod scope;
#[cfg(test)]
mod tests;

pub use measure::{compared_with, compares, is_bare, measure, subject};
