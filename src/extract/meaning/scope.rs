//! The scope of a figure: the part of its region a figure covers (an industry, a level of
//! recognition, a group of firms, a programme), or none for the region's whole total.

use std::ops::Range;
use std::sync::LazyLock;

use super::super::lexicon::WordSet;
use super::super::metrics::MetricDef;
use super::{contains_any, set};

/// What the scope of a figure is read from.
pub(super) struct Find<'a> {
    /// The figure's metric.
    pub metric: &'static MetricDef,
    /// The words of the subject before the metric's keyword.
    pub modifier: &'a str,
    /// The label's subject.
    pub subject: &'a str,
    /// The label.
    pub label: &'a str,
    /// The text.
    pub text: &'a str,
    /// The figure's clause.
    pub clause: Range<usize>,
    /// The figure's sentence, from after the figure before it, if that one is in it.
    pub sentence: Range<usize>,
    /// Where the number starts.
    pub number: usize,
    /// Place names in the text.
    pub places: &'a [Range<usize>],
}

/// The part of the region a figure covers, from the words before its metric, a programme, a
/// name cut short by a number, a level of recognition, a place's programme, a subset named
/// earlier in the clause or a group named earlier in the sentence; `None` for the whole.
pub(super) fn find(f: &Find) -> Option<String> {
    scope_of(f.metric, f.modifier)
        .or_else(|| programme(f.metric, f.subject))
        .or_else(|| {
            // The rules that read the words before the label in its clause.
            let start = label_start(f)?;
            cut_name(f, start)
                .or_else(|| level_of_place(f, start))
                .or_else(|| local_programme(f, start))
                .or_else(|| subset_in_lead(f, start))
        })
        .or_else(|| group_before(f))
}

/// Whether the words before a metric's keyword are an action on things rather than a stock
/// of them (`排查非正常专利申请`).
pub(super) fn is_action(modifier: &str) -> bool {
    static ACT: LazyLock<WordSet> = LazyLock::new(|| set(ACTIONS));
    contains_any(&ACT, modifier)
}

/// Words before a metric's keyword that keep the region's whole total (not a part of it).
#[rustfmt::skip]
const WHOLE: &[&str] = &[
    "全区", "全市", "全省", "全县", "全国", "全园", "园区", "区内", "市内", "境内", "高新区", "该区", "全社会", "全部", "各类",
    "企业", "有效", "科技", "全年", "年", "实现", "两院", "引", "了", "重大", "重点", "产业", "新开工", "开工", "新竣工", "竣工",
    "签约", "新签约", "在建", "位列", "位居", "跻身", "名列", "排名", "吸引", "拥有", "共有", "现有", "达到", "累计", "新增",
    "新认定", "新引进", "引进", "集聚", "聚集", "国家", "国家级", "国家认定", "认定", "备案", "入库", "评价入库", "上市", "境内外",
    "国内外", "总", "年度", "当年", "全口径", "其中", "的", "和", "及", "培育出", "培育", "建成", "建有", "研究与试验发展", "（", "）", "(",
    ")", "“", "”", "中国", "全球", "世界", "新",
];

/// Metrics for which `规模以上` names the whole: the statistics office counts industry above
/// scale only (`规模以上工业总产值` is the region's industrial output).
#[rustfmt::skip]
const ABOVE_SCALE_WHOLE: &[&str] = &[
    "industrial_output", "industrial_value_added", "above_scale_enterprises",
];

/// Group nouns that, named earlier in a figure's sentence, make it about that group
/// (`在孵企业及团队拥有有效知识产权141万件`): a part of the region, not its total.
#[rustfmt::skip]
const GROUPS: &[&str] = &[
    "在孵", "孵化器", "孵化机构", "众创空间", "加速器", "毕业企业", "产业集群", "单项冠军", "龙头企业", "重点企业", "示范企业", "入驻企业",
    "参展", "该企业", "该公司", "该项目",
];

/// Verbs in front of a metric's keyword that make the figure an action on some things rather
/// than the region's stock of them (`排查非正常专利申请`, `解决人才子女就学`).
#[rustfmt::skip]
const ACTIONS: &[&str] = &[
    "排查", "解决", "优化", "打造", "推荐", "围绕", "投向", "授牌", "应用", "申报", "支持", "带动", "开展", "享受", "帮助", "对接",
    "举办", "走访", "评审", "审核", "受理", "办理", "处理", "查处", "培训", "调研", "接待", "签订", "发放", "兑现", "通过", "获得",
    "入选", "认定为", "成为",
];

/// Words before a platform-like metric that name a level of recognition: a part, not the whole
/// (`国家级孵化器` is one kind of incubator).
#[rustfmt::skip]
const LEVELS: &[&str] = &[
    "国家级", "省级", "市级", "省级以上", "市级以上", "国家备案", "国家",
];

/// Metrics whose keyword, after a level word, names only the recognised ones.
#[rustfmt::skip]
const LEVELLED: &[&str] = &[
    "talent", "high_level_talent", "incubators", "maker_spaces", "innovation_platforms",
    "rd_institutions", "key_labs", "engineering_centers", "tech_centers", "specialized_smes",
];

/// A talent programme (`入选四川省人才计划`) counts its entrants only.
fn programme(metric: &MetricDef, subject: &str) -> Option<String> {
    (metric.id == "high_level_talent" && subject.contains("人才计划"))
        .then(|| subject.trim_start_matches("入选").to_string())
}

/// Where the label starts in the clause before the number, if it stands there.
fn label_start(f: &Find) -> Option<usize> {
    if f.label.is_empty() {
        return None;
    }
    let from = f.clause.start.min(f.number);
    f.text[from..f.number].rfind(f.label).map(|i| from + i)
}

/// `税收过亿元企业达到23家`: the label was cut short by a number inside the name before it; the
/// name with that number is the scope.
fn cut_name(f: &Find, start: usize) -> Option<String> {
    let pre = &f.text[f.clause.start.min(start)..start];
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
    (has_number && !pre.trim().is_empty()).then(|| format!("{}{}", pre.trim(), f.label))
}

/// `德阳领军人才1人`: talent named after a place is that place's programme, a part of the
/// region's talent.
fn local_programme(f: &Find, start: usize) -> Option<String> {
    if !matches!(f.metric.id, "talent" | "high_level_talent") {
        return None;
    }
    let place = f.places.iter().find(|p| p.end == start)?;
    Some(format!("{}{}", &f.text[place.clone()], f.label))
}

/// Words in the clause before a label that make the figure about a subset of the region's
/// firms or industry (`规模以上企业实现营业收入`, `在孵企业拥有…`).
const SUBSET_MARKERS: &[&str] = &["规模以上", "规上", "在孵", "毕业企业", "产业集群", "行业"];

/// A subset named in the clause before the label, as the scope: the clause's words there,
/// without place names.
fn subset_in_lead(f: &Find, start: usize) -> Option<String> {
    static MARK: LazyLock<WordSet> = LazyLock::new(|| set(SUBSET_MARKERS));
    let from = f
        .places
        .iter()
        .filter(|p| p.end <= start && p.end > f.clause.start)
        .map(|p| p.end)
        .max()
        .unwrap_or(f.clause.start)
        .min(start);
    let lead = &f.text[from..start];
    let (_, r) = MARK.find_all(lead).next()?;
    let whole_above_scale =
        ABOVE_SCALE_WHOLE.contains(&f.metric.id) && (lead[r.clone()].starts_with("规"));
    if whole_above_scale {
        return None;
    }
    let phrase = lead.trim_end_matches(|c: char| c.is_whitespace() || "的，、".contains(c));
    let phrase = ["实现", "拥有", "完成", "共"]
        .iter()
        .find_map(|v| phrase.strip_suffix(v))
        .unwrap_or(phrase);
    (!phrase.trim().is_empty()).then(|| phrase.trim().to_string())
}

/// `四川省重点实验室3个`: a province or city named right before a recognised kind of platform
/// or talent makes the figure about that level of recognition.
fn level_of_place(f: &Find, start: usize) -> Option<String> {
    if !LEVELLED.contains(&f.metric.id) {
        return None;
    }
    let pre = f.text[..start].trim_end_matches("级");
    if pre.ends_with('省') {
        Some("省级".into())
    } else if pre.ends_with('市') {
        Some("市级".into())
    } else {
        None
    }
}

/// A group noun named earlier in the sentence than the figure's label, as its scope
/// (`在孵企业及团队`), up to the verb that follows it.
fn group_before(f: &Find) -> Option<String> {
    static GROUP: LazyLock<WordSet> = LazyLock::new(|| set(GROUPS));
    let (lead, label) = (&f.text[f.sentence.start.min(f.number)..f.number], f.label);
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

/// The scope left by the words before a metric's keyword: `None` when they keep the whole
/// region, else the words themselves (`生物医药`, `国家级`, `在孵`).
fn scope_of(metric: &MetricDef, modifier: &str) -> Option<String> {
    let m = modifier.trim_matches(|c: char| c.is_whitespace() || "，、：:".contains(c));
    if m.is_empty() {
        return None;
    }
    if LEVELLED.contains(&metric.id)
        && let Some(level) = LEVELS
            .iter()
            .filter(|l| m.contains(*l))
            .max_by_key(|l| l.len())
    {
        return Some((*level).to_string());
    }
    let mut rest = m.to_string();
    for k in metric.keywords {
        rest = rest.replace(k, "");
    }
    if ABOVE_SCALE_WHOLE.contains(&metric.id) {
        rest = rest.replace("规模以上", "").replace("规上", "");
    }
    // Longest first, so `新签约` goes before `签约` leaves a stray `新`.
    static LONGEST_FIRST: LazyLock<WordSet> = LazyLock::new(|| {
        let mut words = WHOLE.to_vec();
        words.sort_by_key(|w| std::cmp::Reverse(w.len()));
        WordSet::new(words)
    });
    let rest = LONGEST_FIRST.remove_in_order(&rest);
    if rest.chars().all(|c| !c.is_alphanumeric()) {
        None
    } else {
        Some(m.trim_start_matches(['了', '的']).to_string())
    }
}
