//! The measure of a figure (level, added, cumulative, growth, change, share, rank, density)
//! and the subject of its label, from the words around the number.

use std::ops::Range;
use std::sync::LazyLock;

use super::super::lexicon::WordSet;
use super::super::quantity::QuantityKind;
use super::{contains_any, set};
use crate::dataset::Measure;

/// Words of a label or clause that make a percentage a growth rate.
#[rustfmt::skip]
pub(super) const GROWTH: &[&str] = &[
    "增长", "增速", "增幅", "递增", "提高", "提升", "上升", "下降", "降低", "减少", "翻番", "翻一番", "翻倍", "同比", "环比", "增加",
];

/// Words right before an amount that make it a change rather than a level (`比上年增加5亿元`).
#[rustfmt::skip]
pub(super) const CHANGE: &[&str] = &[
    "增加", "净增", "增长", "减少", "下降", "提升", "提高", "前进", "上升", "跃升", "多",
];

/// Words after a change verb that make the amount a new level (`增长到`, `提升至`).
pub(super) const TO_LEVEL: &[char] = &['到', '至', '为'];

/// Words that mark an amount as added in the period.
#[rustfmt::skip]
const ADDED: &[&str] = &[
    "新增", "新认定", "新引进", "新培育", "新落地", "新开工", "新签约", "新竣工", "新获批", "新建", "新设立", "新入驻", "新注册", "新登记",
    "引进",
];

/// Words that mark an amount as added up over several years.
const CUMULATIVE: &[&str] = &["累计", "先后", "历年", "年来", "累积", "至今"];

/// Words that make a figure a density.
const DENSITY: &[&str] = &["每万人", "万人", "人均", "地均", "每平方公里", "亩均"];

/// The measure of the figure at `at`, from its unit, label and clause.
pub fn measure(
    text: &str,
    at: Range<usize>,
    clause: Range<usize>,
    sentence: Range<usize>,
    label: &str,
    unit: &str,
    kind: QuantityKind,
) -> Measure {
    static GROWTH_W: LazyLock<WordSet> = LazyLock::new(|| set(GROWTH));
    static ADDED_W: LazyLock<WordSet> = LazyLock::new(|| set(ADDED));
    static CUMUL_W: LazyLock<WordSet> = LazyLock::new(|| set(CUMULATIVE));
    static DENSITY_W: LazyLock<WordSet> = LazyLock::new(|| set(DENSITY));
    let before = &text[clause.start.min(at.start)..at.start];
    let raw = &text[at.clone()];
    match unit {
        // `前进4位`: places moved are a change of rank.
        "位次" if kind == QuantityKind::Move => return Measure::Change,
        "位次" => return Measure::Rank,
        "个百分点" => return Measure::Change,
        _ => {}
    }
    if raw.contains("翻") {
        return Measure::Growth;
    }
    if matches!(unit, "%" | "倍" | "成" | "ratio") {
        let shared = before.contains('占') && !before.contains("占地");
        if shared || before.ends_with("占比") || label.ends_with("占比") || before.contains("比重")
        {
            return Measure::Share;
        }
        // `提升到2022年的61.2%` reaches a level; `增长12%` is a rate.
        let rate = GROWTH_W
            .find_all(before)
            .any(|(_, r)| !before[r.end..].starts_with(TO_LEVEL));
        if rate {
            return Measure::Growth;
        }
        if unit == "倍" {
            return Measure::Growth;
        }
        return Measure::Level;
    }
    // An amount right after a change verb (`比上年增加106亿元`, `净增140家`) is a change, unless
    // the verb leads to the new level (`增长到`, `提升至`).
    let tight = before.trim_end_matches(['了', '约', '近', '超', '逾']);
    let tight = tight.trim_end_matches(|c: char| c.is_whitespace());
    let after_change = CHANGE.iter().any(|w| tight.ends_with(w))
        && !tight.ends_with(TO_LEVEL)
        && !tight.ends_with("多");
    if after_change && (before.contains('比') || before.contains('较') || tight.ends_with("净增"))
    {
        return Measure::Change;
    }
    if contains_any(&DENSITY_W, label) && !label.contains("发明专利") {
        return Measure::Density;
    }
    if contains_any(&CUMUL_W, before) {
        return Measure::Cumulative;
    }
    // What was added over a span of years (`十年来…新增`, `累计…，新竣工…`) adds up.
    let lead = &text[sentence.start.min(at.start)..at.start];
    static LEVEL_W: LazyLock<WordSet> = LazyLock::new(|| set(LEVEL_VERBS));
    let own_level = contains_any(&LEVEL_W, before);
    if contains_any(&CUMUL_W, lead) && !own_level {
        return Measure::Cumulative;
    }
    // `引项目22个`: 引 is short for 引进.
    let brought = label.starts_with('引') && !label.starts_with("引导");
    if contains_any(&ADDED_W, before) || contains_any(&ADDED_W, label) || brought {
        return Measure::Added;
    }
    // A list after `新增…` (`新增A 7人、B 2人`) keeps its measure, unless the figure's own
    // clause states a level.
    if own_level {
        return Measure::Level;
    }
    if contains_any(&ADDED_W, lead) {
        return Measure::Added;
    }
    Measure::Level
}

/// Words of a figure's own clause that state a level whatever the sentence said before.
#[rustfmt::skip]
const LEVEL_VERBS: &[&str] = &[
    "达到", "总数", "共有", "拥有", "现有", "总量", "总计", "合计", "集聚", "聚集", "汇聚",
];

/// Words that end a label about a rate or change and are not part of what is measured.
#[rustfmt::skip]
pub(super) const MEASURE_TAIL: &[&str] = &[
    "同比增长", "同比增加", "同比下降", "同比提高", "同比", "年均增长率", "年均增长", "年增长率", "增长率", "增长", "增速", "增幅", "增加",
    "提高", "提升", "下降", "减少", "降低", "占比", "比重", "排名", "排位", "位居", "位列", "居", "列", "名列", "跃居", "保持",
    "数量", "总量", "总额", "规模", "拥有量", "递增", "比上年", "较上年", "比去年", "较去年",
];

/// Words that compare a figure with a yardstick (`增速低于全国`, `高于全国平均水平`).
pub(super) const COMPARES: &[&str] = &["高于", "低于", "超过", "优于", "领先于"];

/// Whether a label compares with a yardstick rather than naming a level (`增速低于全国`):
/// such a figure is no value of an indicator, whatever its subject.
pub fn compares(label: &str) -> bool {
    COMPARES.iter().any(|w| {
        label
            .find(w)
            .is_some_and(|i| cjk_tail(&label[i + w.len()..]))
    })
}

/// Whether the place named at byte `start` is the yardstick of a comparison (`低于全国`).
pub fn compared_with(text: &str, start: usize) -> bool {
    COMPARES.iter().any(|w| text[..start].ends_with(w))
}

/// Whether some Chinese text follows (`全国`, `全市平均水平`).
fn cjk_tail(s: &str) -> bool {
    !s.is_ascii()
}

/// The part of a label naming what is measured: the label without the words about the rate,
/// change, share or rank (`营业收入同比增长` → `营业收入`), and without what follows `占` in a
/// share (`工业占地区生产总值的比重` → `工业`).
pub fn subject(label: &str) -> &str {
    let mut s = label;
    let land = |i: usize| s[i..].starts_with("占地面积") || s[i..].starts_with("占地约");
    if let Some(i) = s.find('占').filter(|&i| i > 0 && !land(i)) {
        s = &s[..i];
    }
    // `R&D经费增速低于全国` → `R&D经费增速`: what is compared, not the yardstick.
    if let Some(i) = COMPARES
        .iter()
        .filter_map(|w| s.find(w))
        .min()
        .filter(|&i| i > 0)
    {
        s = &s[..i];
    }
    loop {
        let t = s.trim_end_matches(|c: char| c.is_whitespace() || "的，、".contains(c));
        let t = MEASURE_TAIL
            .iter()
            .find_map(|w| t.strip_suffix(w))
            .unwrap_or(t);
        if t.len() == s.len() {
            return s;
        }
        s = t;
    }
}

/// Words besides rate, change and rank words that a label naming nothing may hold.
#[rustfmt::skip]
const BARE_WORDS: &[&str] = &[
    "跃升", "年均", "较上年", "比上年", "全国", "全省", "全市", "第", "是", "为", "十年前", "五年前", "上年", "去年", "同期", "前",
    "倍数", "的", "下同", "分别", "提升了", "至", "和", "及", "与", "较", "年", "高于", "低于", "超过", "优于",
    "领先于", "平均水平",
];

/// Whether a label names nothing but a rate, change, rank or link (`同比增长`, `跃升至`, ``):
/// such a figure is about what its sentence measured just before.
pub fn is_bare(label: &str) -> bool {
    static VERBS: LazyLock<WordSet> = LazyLock::new(|| {
        WordSet::new(
            GROWTH
                .iter()
                .chain(CHANGE)
                .chain(MEASURE_TAIL)
                .copied()
                .chain(BARE_WORDS.iter().copied()),
        )
    });
    let mut covered = vec![false; label.len()];
    for (_, r) in VERBS.find_all(label) {
        covered[r].iter_mut().for_each(|c| *c = true);
    }
    label
        .char_indices()
        .filter(|&(i, c)| !covered[i] && !c.is_ascii() && !TO_LEVEL.contains(&c))
        .filter(|&(_, c)| !"了的，、在中".contains(c))
        .count()
        < 2
}
