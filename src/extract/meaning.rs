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

/// Words of a label or clause that make a percentage a growth rate.
const GROWTH: &[&str] = &[
    "增长",
    "增速",
    "增幅",
    "递增",
    "提高",
    "提升",
    "上升",
    "下降",
    "降低",
    "减少",
    "翻番",
    "翻一番",
    "翻倍",
    "同比",
    "环比",
    "增加",
];

/// Words right before an amount that make it a change rather than a level (`比上年增加5亿元`).
const CHANGE: &[&str] = &[
    "增加", "净增", "增长", "减少", "下降", "提升", "提高", "前进", "上升", "跃升", "多",
];

/// Words after a change verb that make the amount a new level (`增长到`, `提升至`).
const TO_LEVEL: &[char] = &['到', '至', '为'];

/// Words that mark an amount as added in the period.
const ADDED: &[&str] = &[
    "新增",
    "新认定",
    "新引进",
    "新培育",
    "新落地",
    "新开工",
    "新签约",
    "新竣工",
    "新获批",
    "新建",
    "新设立",
    "新入驻",
    "新注册",
    "新登记",
    "引进",
];

/// Words that mark an amount as added up over several years.
const CUMULATIVE: &[&str] = &["累计", "先后", "历年", "年来", "累积", "至今"];

/// Words that make a figure a density.
const DENSITY: &[&str] = &["每万人", "万人", "人均", "地均", "每平方公里", "亩均"];

/// Words of a clause that make its figure a count of participants, winners, beneficiaries or
/// services: no indicator of the region, whatever noun it counts.
const NOT_INDICATOR: &[&str] = &[
    "参加",
    "参与",
    "参会",
    "参展",
    "获评",
    "获批",
    "获得",
    "获奖",
    "荣获",
    "举荐",
    "首批",
    "第一批",
    "受益",
    "惠及",
    "服务",
    "帮助",
    "帮扶",
    "对接",
    "走访",
    "达成",
    "发放",
    "兑现",
    "给予",
    "奖励",
    "补贴",
    "补助",
    "资助",
    "扶持",
    "培训",
    "举办",
    "开展",
    "组织",
    "召开",
    "接待",
    "点击",
    "浏览",
    "观看",
    "报名",
    "吸引了",
    "涉及",
    "覆盖",
    "辐射",
    "提供",
    "发布",
    "推出",
    "出台",
    "制定",
    "评选",
    "表彰",
    "入围",
    "上榜",
];

/// Words before a metric's keyword that keep the region's whole total (not a part of it).
const WHOLE: &[&str] = &[
    "全区",
    "全市",
    "全省",
    "全县",
    "全国",
    "全园",
    "园区",
    "区内",
    "市内",
    "境内",
    "高新区",
    "该区",
    "全社会",
    "全部",
    "各类",
    "企业",
    "有效",
    "科技",
    "全年",
    "年",
    "实现",
    "两院",
    "引",
    "了",
    "重大",
    "重点",
    "产业",
    "新开工",
    "开工",
    "新竣工",
    "竣工",
    "签约",
    "新签约",
    "在建",
    "位列",
    "位居",
    "跻身",
    "名列",
    "排名",
    "吸引",
    "拥有",
    "共有",
    "现有",
    "达到",
    "累计",
    "新增",
    "新认定",
    "新引进",
    "引进",
    "集聚",
    "聚集",
    "国家",
    "国家级",
    "国家认定",
    "认定",
    "备案",
    "入库",
    "评价入库",
    "上市",
    "境内外",
    "国内外",
    "总",
    "年度",
    "当年",
    "全口径",
    "其中",
    "的",
    "和",
    "及",
    "培育",
    "建成",
    "建有",
    "研究与试验发展",
    "（",
    "）",
    "(",
    ")",
    "“",
    "”",
    "中国",
    "全球",
    "世界",
    "新",
];

/// Metrics for which `规模以上` names the whole: the statistics office counts industry above
/// scale only (`规模以上工业总产值` is the region's industrial output).
const ABOVE_SCALE_WHOLE: &[&str] = &[
    "industrial_output",
    "industrial_value_added",
    "above_scale_enterprises",
];

/// Words that may follow a metric's keyword in a subject without changing what is counted
/// (`高新技术企业数量`, `有效发明专利拥有量`); anything else there is the real head noun
/// (`人才公寓`, `院士团队`, `高校毕业生`) and the figure is not about the metric.
const HEAD_TAILS: &[&str] = &[
    "数量",
    "总数",
    "总量",
    "总额",
    "总值",
    "数",
    "规模",
    "拥有量",
    "人数",
    "家数",
    "个数",
    "金额",
    "额",
    "量",
    "总计",
    "合计",
    "的",
    "”",
    "“",
    "）",
    ")",
    "（",
    "(",
    "达",
    "共",
    "累计",
    "实现",
    "增加值",
    "投入",
    "支出",
    "新增",
    "增量",
    "全国",
    "全省",
    "全市",
    "全球",
    "排名",
    "位居",
    "位列",
    "居",
    "列",
    "保持",
    "稳居",
    "连续",
    "年",
    "第",
];

/// Group nouns that, named earlier in a figure's sentence, make it about that group
/// (`在孵企业及团队拥有有效知识产权141万件`): a part of the region, not its total.
const GROUPS: &[&str] = &[
    "在孵",
    "孵化器",
    "孵化机构",
    "众创空间",
    "加速器",
    "毕业企业",
    "产业集群",
    "单项冠军",
    "龙头企业",
    "重点企业",
    "示范企业",
    "入驻企业",
    "参展",
    "该企业",
    "该公司",
    "该项目",
];

/// Verbs in front of a metric's keyword that make the figure an action on some things rather
/// than the region's stock of them (`排查非正常专利申请`, `解决人才子女就学`).
const ACTIONS: &[&str] = &[
    "排查",
    "解决",
    "优化",
    "打造",
    "推荐",
    "围绕",
    "投向",
    "授牌",
    "应用",
    "申报",
    "支持",
    "带动",
    "开展",
    "享受",
    "帮助",
    "对接",
    "举办",
    "走访",
    "评审",
    "审核",
    "受理",
    "办理",
    "处理",
    "查处",
    "培训",
    "调研",
    "接待",
    "签订",
    "发放",
    "兑现",
    "通过",
    "获得",
    "入选",
    "认定为",
    "成为",
];

/// Words before a platform-like metric that name a level of recognition: a part, not the whole
/// (`国家级孵化器` is one kind of incubator).
const LEVELS: &[&str] = &[
    "国家级",
    "省级",
    "市级",
    "省级以上",
    "市级以上",
    "国家备案",
    "国家",
];

/// Metrics whose keyword, after a level word, names only the recognised ones.
const LEVELLED: &[&str] = &[
    "talent",
    "high_level_talent",
    "incubators",
    "maker_spaces",
    "innovation_platforms",
    "rd_institutions",
    "key_labs",
    "engineering_centers",
    "tech_centers",
    "specialized_smes",
];

fn set(words: &'static [&'static str]) -> WordSet {
    WordSet::new(words.iter().copied())
}

fn contains_any(set: &WordSet, s: &str) -> bool {
    set.find_all(s).next().is_some()
}

/// The measure of the figure at `at`, from its unit, label and clause.
pub fn measure(
    text: &str,
    at: Range<usize>,
    clause: Range<usize>,
    sentence: Range<usize>,
    label: &str,
    unit: &str,
) -> Measure {
    static GROWTH_W: LazyLock<WordSet> = LazyLock::new(|| set(GROWTH));
    static ADDED_W: LazyLock<WordSet> = LazyLock::new(|| set(ADDED));
    static CUMUL_W: LazyLock<WordSet> = LazyLock::new(|| set(CUMULATIVE));
    static DENSITY_W: LazyLock<WordSet> = LazyLock::new(|| set(DENSITY));
    let before = &text[clause.start.min(at.start)..at.start];
    let raw = &text[at.clone()];
    match unit {
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
        if contains_any(&GROWTH_W, before) {
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
    if contains_any(&ADDED_W, before) || contains_any(&ADDED_W, label) {
        return Measure::Added;
    }
    // A list after `累计…` or `新增…` (`新增A 7人、B 2人`, `累计…，其中X 326人`) keeps its
    // measure, unless the figure's own clause states a level.
    static LEVEL_W: LazyLock<WordSet> = LazyLock::new(|| set(LEVEL_VERBS));
    if contains_any(&LEVEL_W, before) {
        return Measure::Level;
    }
    let lead = &text[sentence.start.min(at.start)..at.start];
    if contains_any(&CUMUL_W, lead) {
        return Measure::Cumulative;
    }
    if contains_any(&ADDED_W, lead) {
        return Measure::Added;
    }
    Measure::Level
}

/// Words of a figure's own clause that state a level whatever the sentence said before.
const LEVEL_VERBS: &[&str] = &[
    "达到", "总数", "共有", "拥有", "现有", "总量", "总计", "合计", "集聚", "聚集", "汇聚",
];

/// Words that end a label about a rate or change and are not part of what is measured.
const MEASURE_TAIL: &[&str] = &[
    "同比增长",
    "同比增加",
    "同比下降",
    "同比提高",
    "同比",
    "年均增长率",
    "年均增长",
    "年增长率",
    "增长率",
    "增长",
    "增速",
    "增幅",
    "增加",
    "提高",
    "提升",
    "下降",
    "减少",
    "降低",
    "占比",
    "比重",
    "排名",
    "排位",
    "位居",
    "位列",
    "居",
    "列",
    "名列",
    "跃居",
    "保持",
    "数量",
    "总量",
    "总额",
    "规模",
    "拥有量",
    "递增",
];

/// The part of a label naming what is measured: the label without the words about the rate,
/// change, share or rank (`营业收入同比增长` → `营业收入`), and without what follows `占` in a
/// share (`工业占地区生产总值的比重` → `工业`).
pub fn subject(label: &str) -> &str {
    let mut s = label;
    let land = |i: usize| s[i..].starts_with("占地面积") || s[i..].starts_with("占地约");
    if let Some(i) = s.find('占').filter(|&i| i > 0 && !land(i)) {
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
                .chain([
                    "跃升",
                    "年均",
                    "较上年",
                    "比上年",
                    "全国",
                    "全省",
                    "全市",
                    "第",
                    "是",
                    "为",
                    "十年前",
                    "五年前",
                    "上年",
                    "去年",
                    "同期",
                    "前",
                    "倍数",
                    "的",
                ]),
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
    /// Its hedge.
    pub qualifier: Qualifier,
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
        qualifier,
    } = spot;
    let (at, clause, sentence) = (at.clone(), clause.clone(), sentence.clone());
    let measure = measure(
        text,
        at.clone(),
        clause.clone(),
        sentence.clone(),
        label,
        unit,
    );
    let none = Meaning {
        measure,
        metric: None,
        scope: None,
    };
    let subj = subject_of.unwrap_or_else(|| subject(label));
    let Some((metric, start)) = metrics::metric_at(subj, unit, measure) else {
        return standing(text, clause, at.start, measure).unwrap_or(none);
    };
    // A cap on a grant (`最高给予200万元`) or a threshold inside a name (`5000万元以上项目`).
    if *qualifier == Qualifier::UpTo || is_threshold(text, at.clone()) {
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
    static ACT: LazyLock<WordSet> = LazyLock::new(|| set(ACTIONS));
    if contains_any(&ACT, modifier) {
        return none;
    }
    let scope = scope_of(metric, modifier)
        .or_else(|| programme(metric, subj))
        .or_else(|| cut_name(text, clause.clone(), at.start, label))
        .or_else(|| level_of_place(metric, text, clause.clone(), at.start, label))
        .or_else(|| group_before(text, sentence, at.start, label));
    Meaning {
        measure,
        metric: Some(metric.id),
        scope,
    }
}

/// Classes of regions a list ranks (`在全国高新区中的排名`, `中国百强区`).
const REGION_CLASSES: &[&str] = &[
    "高新区",
    "开发区",
    "经开区",
    "新区",
    "园区",
    "百强",
    "省会城市",
    "副省级城市",
    "城市排名",
];

/// A place in a list of regions with no indicator named: the overall standing.
fn standing(text: &str, clause: Range<usize>, number: usize, measure: Measure) -> Option<Meaning> {
    static CLASS: LazyLock<WordSet> = LazyLock::new(|| set(REGION_CLASSES));
    let lead = &text[clause.start.min(number)..number];
    (measure == Measure::Rank && contains_any(&CLASS, lead)).then_some(Meaning {
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

/// A talent programme (`入选四川省人才计划`) counts its entrants only.
fn programme(metric: &MetricDef, subject: &str) -> Option<String> {
    (metric.id == "high_level_talent" && subject.contains("人才计划"))
        .then(|| subject.trim_start_matches("入选").to_string())
}

/// Where the label starts in the clause before the number, if it stands there.
fn label_start(text: &str, clause: Range<usize>, number: usize, label: &str) -> Option<usize> {
    if label.is_empty() {
        return None;
    }
    let from = clause.start.min(number);
    text[from..number].rfind(label).map(|i| from + i)
}

/// `税收过亿元企业达到23家`: the label was cut short by a number inside the name before it; the
/// name with that number is the scope.
fn cut_name(text: &str, clause: Range<usize>, number: usize, label: &str) -> Option<String> {
    let start = label_start(text, clause.clone(), number, label)?;
    let pre = &text[clause.start.min(start)..start];
    let pre = pre.rsplit(|c: char| "，,、；;：:".contains(c)).next()?;
    // Numbers that date the clause (`2022年实现…`, `截至2021年底`) are not part of a name.
    let mut undated = String::new();
    let mut rest = pre;
    while let Some(i) = rest.find('年') {
        let head = rest[..i].trim_end_matches(|c: char| c.is_ascii_digit() || c == ' ');
        undated.push_str(head);
        rest = &rest[i + '年'.len_utf8()..];
    }
    undated.push_str(rest);
    let has_number = undated
        .chars()
        .any(|c| c.is_ascii_digit() || "亿万千百".contains(c));
    (has_number && !pre.trim().is_empty()).then(|| format!("{}{label}", pre.trim()))
}

/// `四川省重点实验室3个`: a province or city named right before a recognised kind of platform
/// or talent makes the figure about that level of recognition.
fn level_of_place(
    metric: &MetricDef,
    text: &str,
    clause: Range<usize>,
    number: usize,
    label: &str,
) -> Option<String> {
    if !LEVELLED.contains(&metric.id) {
        return None;
    }
    let start = label_start(text, clause, number, label)?;
    let pre = text[..start].trim_end_matches("级");
    if pre.ends_with('省') {
        Some("省级".into())
    } else if pre.ends_with('市') {
        Some("市级".into())
    } else {
        None
    }
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
        rest = rest.trim_start_matches(|c: char| c.is_whitespace() || c.is_ascii_punctuation());
        if rest.is_empty() {
            return true;
        }
        match HEAD_TAILS.iter().find_map(|t| rest.strip_prefix(t)) {
            Some(r) => rest = r,
            None => return false,
        }
    }
}

/// A group noun named earlier in the sentence than the figure's label, as its scope
/// (`在孵企业及团队`), up to the verb that follows it.
fn group_before(text: &str, sentence: Range<usize>, number: usize, label: &str) -> Option<String> {
    static GROUP: LazyLock<WordSet> = LazyLock::new(|| set(GROUPS));
    let lead = &text[sentence.start.min(number)..number];
    let (_, r) = GROUP.find_all(lead).next()?;
    // A group named as an earlier item of a list (`孵化器6227家，众创空间9026家`) is not the
    // subject of this figure.
    if lead[r.end..].chars().any(|c| c.is_ascii_digit()) {
        return None;
    }
    // The group is named in the label itself: `scope_of` already judged it.
    if label.contains(&lead[r.clone()]) && !label.is_empty() {
        return None;
    }
    let from = lead[..r.start]
        .rfind(|c: char| "，,、；;：:。 ".contains(c))
        .map_or(0, |i| {
            i + lead[i..].chars().next().map_or(1, char::len_utf8)
        });
    let tail = &lead[r.start..];
    let stop = tail
        .char_indices()
        .find(|&(i, c)| {
            i >= lead[r.clone()].len()
                && ("，,、；;：:。的".contains(c)
                    || ["拥有", "实现", "达到", "共", "累计", "吸纳", "总"]
                        .iter()
                        .any(|v| tail[i..].starts_with(v)))
        })
        .map_or(tail.len(), |(i, _)| i);
    let phrase = format!("{}{}", &lead[from..r.start], &tail[..stop]);
    let phrase = phrase.trim_start_matches(['全', '国']).trim();
    (!phrase.is_empty()).then(|| phrase.to_string())
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
fn is_threshold(text: &str, at: Range<usize>) -> bool {
    let rest = &text[at.end..];
    let Some(rest) = ["以上", "以下"].iter().find_map(|w| rest.strip_prefix(w)) else {
        return false;
    };
    rest.chars().next().is_some_and(|c| {
        !c.is_ascii_punctuation() && !"，。、；：）)”".contains(c) && !c.is_whitespace()
    })
}

/// The scope left by the words before a metric's keyword: `None` when they keep the whole
/// region, else the words themselves (`生物医药`, `国家级`, `在孵`).
fn scope_of(metric: &MetricDef, modifier: &str) -> Option<String> {
    let m = modifier.trim_matches(|c: char| c.is_whitespace() || "，、：:".contains(c));
    if m.is_empty() {
        return None;
    }
    if LEVELLED.contains(&metric.id) {
        if let Some(level) = LEVELS
            .iter()
            .filter(|l| m.contains(*l))
            .max_by_key(|l| l.len())
        {
            return Some((*level).to_string());
        }
    }
    let mut rest = m.to_string();
    for k in metric.keywords {
        rest = rest.replace(k, "");
    }
    if ABOVE_SCALE_WHOLE.contains(&metric.id) {
        rest = rest.replace("规模以上", "").replace("规上", "");
    }
    let mut words: Vec<&str> = WHOLE.to_vec();
    words.sort_by_key(|w| std::cmp::Reverse(w.len()));
    for w in words {
        rest = rest.replace(w, "");
    }
    if rest.chars().all(|c| !c.is_alphanumeric()) {
        None
    } else {
        Some(m.trim_start_matches(['了', '的']).to_string())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read_in(text: &str, raw: &str, label: &str, unit: &str) -> Meaning {
        let i = text.find(raw).expect("raw in text");
        let at = i..i + raw.len();
        let spot = Spot {
            text,
            clause: super::super::context::clause(text, at.clone()),
            sentence: super::super::context::sentence(text, at.clone()),
            at,
            unit,
            qualifier: Qualifier::Exact,
        };
        read(&spot, label)
    }

    fn m(measure: Measure, metric: Option<&'static str>, scope: Option<&str>) -> Meaning {
        Meaning {
            measure,
            metric,
            scope: scope.map(str::to_string),
        }
    }

    #[test]
    fn growth_keeps_the_metric_it_is_about() {
        let got = read_in(
            "规模以上工业增加值同比增长12.5%。",
            "12.5%",
            "规模以上工业增加值同比增长",
            "%",
        );
        assert_eq!(
            got,
            m(Measure::Growth, Some("industrial_value_added"), None)
        );
        let got = read_in("营业收入翻一番", "翻一番", "营业收入", "");
        assert_eq!(got.measure, Measure::Growth);
    }

    #[test]
    fn shares_name_their_part() {
        let got = read_in(
            "占全市规模以上工业总产值的41.3%",
            "41.3%",
            "占全市规模以上工业总产值的",
            "%",
        );
        assert_eq!(got.measure, Measure::Share);
        let got = read_in(
            "有效发明专利拥有量占大连市比重42%",
            "42%",
            "有效发明专利拥有量占大连市比重",
            "%",
        );
        assert_eq!(got, m(Measure::Share, Some("invention_patents"), None));
        // A plain percentage level is not a share.
        let got = read_in("研发投入强度达6%", "6%", "研发投入强度", "%");
        assert_eq!(got, m(Measure::Level, Some("rd_intensity"), None));
    }

    #[test]
    fn changes_added_and_cumulative() {
        let got = read_in("R&D经费比上年增加106.87亿元", "106.87亿元", "R&D经费", "元");
        assert_eq!(got, m(Measure::Change, Some("rd_spending"), None));
        // Growing to a level is a level.
        let got = read_in("营业收入增长到934亿元", "934亿元", "营业收入", "元");
        assert_eq!(got.measure, Measure::Level);
        let got = read_in("新增高新技术企业120家", "120家", "高新技术企业", "家");
        assert_eq!(got, m(Measure::Added, Some("high_tech_enterprises"), None));
        let got = read_in("累计引进重大产业项目410个", "410个", "重大产业项目", "个");
        assert_eq!(got.measure, Measure::Cumulative);
        let got = read_in("排名提高0.5个百分点", "0.5个百分点", "排名提高", "个百分点");
        assert_eq!(got.measure, Measure::Change);
    }

    #[test]
    fn scope_from_the_noun_phrase() {
        let got = read_in("生物医药企业1600余家", "1600余家", "生物医药企业", "家");
        assert_eq!(
            got,
            m(Measure::Level, Some("enterprises"), Some("生物医药"))
        );
        let got = read_in(
            "国家级科技企业孵化器9家",
            "9家",
            "国家级科技企业孵化器",
            "家",
        );
        assert_eq!(got, m(Measure::Level, Some("incubators"), Some("国家级")));
        // Words that keep the whole region are no scope.
        let got = read_in("全区高新技术企业93家", "93家", "全区高新技术企业", "家");
        assert_eq!(got, m(Measure::Level, Some("high_tech_enterprises"), None));
        let got = read_in(
            "规模以上工业总产值706亿元",
            "706亿元",
            "规模以上工业总产值",
            "元",
        );
        assert_eq!(got.scope, None);
    }

    #[test]
    fn participants_caps_and_thresholds_are_no_indicator() {
        let got = read_in("参加用人单位8589家", "8589家", "参加用人单位", "家");
        assert_eq!(got.metric, None);
        let got = read_in("1600家高新技术企业参与", "1600家", "高新技术企业", "家");
        assert_eq!(got.metric, None);
        let got = read_in("引进5000万元以上项目841个", "5000万元", "", "元");
        assert_eq!(got.metric, None);
        let i = "最高给予200万元奖励".find("200").unwrap();
        let text = "最高给予200万元奖励";
        let all = 0..text.len();
        let spot = Spot {
            text,
            at: i..i + 9,
            clause: all.clone(),
            sentence: all,
            unit: "元",
            qualifier: Qualifier::UpTo,
        };
        let got = read(&spot, "奖励");
        assert_eq!(got.metric, None);
        // Counting the region's own firms is an indicator.
        let got = read_in("拥有高新技术企业2443家", "2443家", "高新技术企业", "家");
        assert_eq!(got.metric, Some("high_tech_enterprises"));
    }

    #[test]
    fn subject_drops_rate_words() {
        assert_eq!(subject("营业收入同比增长"), "营业收入");
        assert_eq!(subject("工业占地区生产总值的比重"), "工业");
        assert_eq!(subject("高新技术企业数量"), "高新技术企业");
        assert_eq!(subject("占地面积"), "占地面积");
    }
}
