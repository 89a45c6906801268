//! The label of a figure: the phrase naming what is measured, in the article's words.
//!
//! Chinese puts the measured noun either before the number (`高新技术企业2443家`,
//! `营业收入突破500亿元`) or after it (`拥有1600家高新技术企业`). The label is taken from the
//! number's clause: after the number when a verb or nothing stands before it, else before it, with
//! hedges, copulas and leading verbs trimmed away.

use std::ops::Range;

use std::sync::LazyLock;

use super::context::{clause, ends_clause};
use super::lexicon::WordSet;
use crate::dataset::Measure;

/// Words between a label and its number that are not part of the label (longest first).
const LINKS: &[&str] = &[
    "已增至",
    "增长到",
    "增长至",
    "提升到",
    "提升至",
    "提高到",
    "提高至",
    "上升到",
    "上升至",
    "跃升至",
    "发展到",
    "增加到",
    "达到了",
    "已达到",
    "共计",
    "合计",
    "总计",
    "累计",
    "已达",
    "达到",
    "增至",
    "突破了",
    "突破",
    "超过了",
    "超过",
    "不低于",
    "不少于",
    "将近",
    "接近",
    "约为",
    "大约",
    "不足",
    "不到",
    "最高",
    "最多",
    "可达",
    "共有",
    "拥有",
    "实现",
    "完成",
    "分别",
    "均",
    "已",
    "达",
    "为",
    "是",
    "有",
    "共",
    "约",
    "近",
    "超",
    "逾",
    "了",
    "的",
    "将",
    "总数",
    "数量",
    "总量",
    "从",
    "由",
    "首次",
    "再次",
];

/// Verbs after which the label begins (`集聚研发机构121家` → `研发机构`).
const LEAD_VERBS: &[&str] = &[
    "拥有", "建成", "建有", "建设", "引进", "发布", "组织", "设立", "吸纳", "新增", "集聚", "汇集",
    "形成", "打造", "推出", "投入", "举办", "开展", "签约", "实施", "接洽", "招录", "对接", "获得",
    "提出", "落实", "培育", "认定", "入驻", "创建", "申报", "聚集", "引育", "遴选", "吸引", "完成",
    "实现", "提供", "给予", "其中", "现有", "共有", "目前", "截至", "累计", "先后", "同时", "此外",
    "以及", "包括", "按照", "组建",
];

/// Lead verbs that are part of what is measured: `新增高新技术企业` counts the new ones,
/// `引进人才` the ones brought in.
const KEPT_VERBS: &[&str] = &[
    "新增", "累计", "引进", "集聚", "吸引", "入选", "培育", "认定", "入驻", "聚集", "引育", "吸纳",
];

/// Words that, alone before a number, only qualify it (`首批93名企业人才`).
const MODIFIERS: &[&str] = &[
    "首批",
    "第一批",
    "其中",
    "另有",
    "另",
    "又",
    "再",
    "新增",
    "累计",
    "共",
    "超",
    "近",
    "约",
    "每",
];

/// Characters that cannot end a label.
pub(super) fn is_trim(c: char) -> bool {
    c.is_whitespace()
        || matches!(
            c,
            '，' | '、'
                | '。'
                | '；'
                | '：'
                | '“'
                | '”'
                | '"'
                | '\''
                | '‘'
                | '’'
                | '（'
                | '）'
                | '('
                | ')'
                | '《'
                | '》'
                | '—'
                | '…'
                | '·'
                | ','
                | '.'
        )
}

/// `s` without the link words at its end (`营业收入达到` → `营业收入`).
pub(super) fn strip_links(mut s: &str) -> &str {
    // The last characters of the link words: most labels end in none of them, and then no word
    // needs comparing.
    static LAST: LazyLock<Vec<char>> = LazyLock::new(|| {
        let mut v: Vec<char> = LINKS.iter().filter_map(|w| w.chars().next_back()).collect();
        v.sort_unstable();
        v.dedup();
        v
    });
    loop {
        let t = s.trim_end_matches(is_trim);
        let ends_link = t
            .chars()
            .next_back()
            .is_some_and(|c| LAST.binary_search(&c).is_ok());
        let next = if ends_link {
            LINKS.iter().find_map(|w| t.strip_suffix(w)).unwrap_or(t)
        } else {
            t
        };
        if next.len() == s.len() {
            return s;
        }
        s = next;
    }
}

/// The text after the last lead verb, so the label starts where the measured noun does.
fn after_lead_verb(s: &str) -> &str {
    // A verb followed by a noun suffix is part of a noun (`拥有量`, `完成率`), not a lead verb.
    static VERBS: LazyLock<WordSet> = LazyLock::new(|| WordSet::new(LEAD_VERBS.iter().copied()));
    // A verb inside an indicator's name (`研发投入强度`, `R&D经费投入`) is no lead verb either.
    let names: Vec<Range<usize>> = super::metrics::keyword_spans(s).collect();
    let in_keyword = |i: usize| names.iter().any(|r| r.start < i && r.end >= i);
    // At least two characters of a noun after the verb; counting stops at two, so a long
    // clause costs no more per verb.
    let noun_follows = |i: usize| {
        s[i..]
            .chars()
            .filter(|c| !c.is_ascii() && !is_trim(*c))
            .nth(1)
            .is_some()
    };
    let cut = VERBS
        .find_all(s)
        .filter(|(_, r)| noun_follows(r.end) && !s[r.end..].starts_with(['量', '率', '额', '数']))
        .filter(|(_, r)| !in_keyword(r.end))
        // Verbs that say how the number counts (`新增`, `累计`, `引进`) stay in the label.
        .map(|(k, r)| {
            if KEPT_VERBS.contains(&VERBS.words()[k]) {
                r.start
            } else {
                r.end
            }
        })
        .max();
    cut.map_or(s, |i| &s[i..])
}

/// Words that end a label after the number (`1600家高新技术企业参与`).
const TAIL_VERBS: &[&str] = &[
    "参与", "参加", "落户", "获得", "入选", "实现", "通过", "进行", "申报", "获批", "完成", "成立",
    "为", "是", "的", "在", "于", "被", "共同", "提出", "即将", "正在", "已经", "陆续",
];

fn noun_after(s: &str) -> &str {
    let s = s.trim_start();
    static VERBS: LazyLock<WordSet> = LazyLock::new(|| WordSet::new(TAIL_VERBS.iter().copied()));
    // The noun ends at the next verb or the next number (`4只产业基金和1只母基金`).
    let digit = s.find(|c: char| c.is_ascii_digit()).unwrap_or(s.len());
    let cut = VERBS
        .find_all(s)
        .map(|(_, r)| r.start)
        .min()
        .unwrap_or(s.len())
        .min(digit);
    let noun = s[..cut].trim_end_matches(is_trim);
    let noun = noun.strip_suffix("以及").unwrap_or(noun);
    noun.trim_end_matches(|c: char| is_trim(c) || "和及与".contains(c))
}

/// Keeps at most `max` characters from the end: long labels are usually a clause, not a noun.
fn tail_chars(s: &str, max: usize) -> &str {
    let n = s.chars().count();
    if n <= max {
        return s;
    }
    let skip = s.char_indices().nth(n - max).map_or(0, |(i, _)| i);
    &s[skip..]
}

/// Chinese characters of `s`, punctuation left out.
pub(super) fn cjk_len(s: &str) -> usize {
    s.chars().filter(|c| !c.is_ascii() && !is_trim(*c)).count()
}

/// The label of the figure at byte range `at` of `text`; `skip` are ranges (place names, other
/// figures), sorted by start, that are never part of a label: a label starts after the last of
/// them in its clause.
pub fn label(text: &str, at: Range<usize>, skip: &[Range<usize>]) -> String {
    let c = clause(text, at.clone());
    let mut start = c.start;
    // `skip` is sorted by start: only the ranges inside the clause before the number matter.
    let first = skip.partition_point(|r| r.start < c.start);
    for r in skip[first..].iter().take_while(|r| r.start < at.start) {
        // `四川省级工程技术研究中心`: a place before 级 is part of the label.
        if r.end <= at.start && !text[r.end..].starts_with('级') {
            start = start.max(r.end);
        }
    }
    let linked = strip_year(strip_links(&text[start..at.start]));
    let before = after_lead_verb(linked.trim_matches(is_trim)).trim_matches(is_trim);
    let before = strip_anaphor(before.trim_start_matches(['和', '及', '与', '、']));
    let after = noun_after(&text[at.end..c.end]);
    let chosen =
        if prefers_after(text, c.start, at.start, before) && cjk_len(strip_links(after)) >= 2 {
            after
        } else {
            before
        };
    let chosen = strip_links(chosen).trim_matches(is_trim);
    if std::ptr::eq(chosen.as_ptr(), after.as_ptr())
        && let Some(l) = doing(text, chosen, c.end)
    {
        return finish(&l);
    }
    if chosen.is_empty()
        && let Some(l) = subject_of_clause_before(text, c.start, at.start, skip)
    {
        return finish(l);
    }
    finish(after_examples(chosen))
}

/// At most 24 characters of a label, with `(以下简称R&D)` written `(R&D)`.
fn finish(label: &str) -> String {
    let mut s = label.to_string();
    for aside in ["以下简称", "简称"] {
        for open in ['(', '（'] {
            s = s.replace(&format!("{open}{aside}"), &open.to_string());
        }
    }
    tail_chars(&s, 24).to_string()
}

/// Adverbs and verbs that end a clause saying how its subject went (`稳步增长`), not what it is.
#[rustfmt::skip]
const HOW_IT_WENT: &[&str] = &[
    "增长", "提升", "提高", "上升", "增加", "攀升", "下降", "稳步", "持续", "快速", "大幅", "不断", "明显", "显著",
    "进一步", "逐步", "稳定", "继续", "实现", "保持",
];

/// `R&D经费投入强度稳步增长，达到3.12%`: a number whose clause holds only a link (`达到`) is
/// about the subject of the clause before it in the sentence, when that clause names a subject
/// and says how it went, with no figure of its own.
fn subject_of_clause_before<'t>(
    text: &'t str,
    clause_start: usize,
    number: usize,
    skip: &[Range<usize>],
) -> Option<&'t str> {
    let lead = text[clause_start..number].trim();
    if lead.is_empty() || !strip_links(lead).trim().is_empty() {
        return None;
    }
    let sep = text[..clause_start].chars().next_back()?;
    if !matches!(sep, '，' | ',') {
        return None;
    }
    let end = clause_start - sep.len_utf8();
    let prev = clause(text, end..end);
    // After the last place name in it: `广州R&D经费…` is about `R&D经费`.
    let start = skip
        .iter()
        .filter(|r| r.start >= prev.start && r.end <= end)
        .map(|r| r.end)
        .max()
        .unwrap_or(prev.start);
    let whole = text.get(start..end)?.trim();
    if whole.chars().any(|c| c.is_ascii_digit()) {
        return None;
    }
    let mut s = whole;
    while let Some(t) = HOW_IT_WENT.iter().find_map(|w| s.strip_suffix(w)) {
        s = t;
    }
    // A closing bracket ends an aside that is part of the name.
    let s = s.trim_end_matches(|c: char| is_trim(c) && !")）”".contains(c));
    let s = strip_anaphor(s.trim_start_matches(is_trim));
    (s.len() < whole.len() && cjk_len(s) >= 2).then_some(s)
}

/// `80家企业实现知识产权质押融资` → `实现知识产权质押融资的企业`: a bare noun after the number,
/// followed by what those things did, is named by what they did.
fn doing(text: &str, noun: &str, clause_end: usize) -> Option<String> {
    if cjk_len(noun) > 2 {
        return None;
    }
    let end = noun.as_ptr() as usize - text.as_ptr() as usize + noun.len();
    let deed = text.get(end..clause_end)?.trim_matches(is_trim);
    let deed = deed.strip_prefix('的').unwrap_or(deed);
    (cjk_len(deed) >= 2 && cjk_len(deed) <= 16 && !deed.chars().any(|c| c.is_ascii_digit()))
        .then(|| format!("{deed}的{noun}"))
}

/// The label of a rate, rank or change whose own label names only that (`同比增长`, ``,
/// `是十年前`), about what the figure before it counted: `previous` is that figure's label and
/// `subject` its subject without rate words. The label keeps what was counted
/// (`有效发明专利拥有量占大连市比重`) and reads as the thing measured (`企业数量为十年前的倍数`).
pub fn about(previous: &str, subject: &str, own: &str, measure: Measure, unit: &str) -> String {
    let counted = ["拥有量", "数量", "总量", "总额", "规模"]
        .iter()
        .find_map(|w| previous.find(w).map(|i| &previous[..i + w.len()]))
        .filter(|n| n.len() > subject.len() && n.starts_with(subject))
        .unwrap_or(subject);
    let counted = short_form(counted);
    match measure {
        Measure::Rank if own.is_empty() => format!("{counted}排名"),
        // `由2017年的2.77%提升到3.33%`: the later value of the same rate or share.
        Measure::Growth | Measure::Share | Measure::Change if own.is_empty() => {
            previous.to_string()
        }
        // `是十年前的7倍`: a multiple of an earlier level.
        Measure::Growth if unit == "倍" && own.starts_with('是') => {
            format!("{counted}为{}的倍数", &own['是'.len_utf8()..])
        }
        Measure::Growth | Measure::Share | Measure::Rank | Measure::Change => {
            format!("{counted}{own}")
        }
        _ => counted.to_string(),
    }
}

/// `研究与试验发展(R&D)经费` → `R&D经费`, `研发投入强度(与地区生产总值之比)` →
/// `研发投入强度`: a label about an earlier figure names it by its short form, without the
/// aside that defined it.
fn short_form(s: &str) -> String {
    let Some(open) = s.find(['(', '（']) else {
        return s.to_string();
    };
    let inner = open + s[open..].chars().next().map_or(1, char::len_utf8);
    let Some((close, c)) = s[inner..]
        .char_indices()
        .find(|&(_, c)| c == ')' || c == '）')
    else {
        return s.to_string();
    };
    let aside = &s[inner..inner + close];
    let after = &s[inner + close + c.len_utf8()..];
    let abbreviation =
        aside.chars().all(|c| c.is_ascii_alphanumeric() || c == '&') && !aside.is_empty();
    if abbreviation && cjk_len(after) >= 1 {
        format!("{aside}{after}")
    } else {
        format!("{}{after}", &s[..open])
    }
}

/// Places that name the reach of a ranking rather than what is ranked: kept in its name
/// (`全国排名`).
const RANKING_REACH: &[&str] = &["全国", "全省", "全市", "全球", "世界", "全区"];

/// The name of the ranking a rank or a move in it belongs to, when its own label names none
/// (`分别位列`): the words ending in `排名` nearest before `at` since `from`, back to a place
/// name, a number or a particle (`在全国169家高新区排名中` → `高新区排名`, `全国排名`). A move
/// keeps its verb (`高新区排名提升`).
pub fn ranking_name(
    text: &str,
    from: usize,
    at: usize,
    places: &[Range<usize>],
    moved: Option<&str>,
) -> Option<String> {
    let lead = text.get(from..at)?;
    let verb = moved.and_then(|own| {
        ["提升", "前进", "上升", "跃升", "下降", "后退"]
            .into_iter()
            .find(|v| own.contains(v))
    });
    // A ranking named in quotes is its published title (`“2023年高新区创新能力排名和…”`).
    if let Some(title) = quoted_ranking(lead) {
        return Some(format!("{title}{}", verb.unwrap_or("")));
    }
    let end = from + lead.rfind("排名")? + "排名".len();
    let mut start = end - "排名".len();
    for (n, (i, c)) in text[from..start].char_indices().rev().enumerate() {
        let i = from + i;
        if let Some(p) = places.iter().find(|p| p.end == i + c.len_utf8()) {
            if RANKING_REACH.contains(&&text[p.clone()]) && p.start >= from {
                start = p.start;
            }
            break;
        }
        if n >= 8 || !c.is_alphabetic() || c.is_ascii() || "的在中和及与、家个第".contains(c)
        {
            break;
        }
        start = i;
    }
    let name = &text[start..end];
    Some(format!("{name}{}", verb.unwrap_or("")))
}

/// The first ranking named in the last quotation of `lead` that names one, up to its `排名`.
fn quoted_ranking(lead: &str) -> Option<&str> {
    let mut rest = lead;
    let mut found = None;
    while let Some(open) = rest.find('“') {
        let body = &rest[open + '“'.len_utf8()..];
        let Some(close) = body.find('”') else {
            break;
        };
        let quoted = &body[..close];
        if let Some(i) = quoted.find("排名") {
            found = Some(&quoted[..i + "排名".len()]);
        }
        rest = &body[close..];
    }
    found.filter(|t| cjk_len(t) > 2)
}

/// `浙大研究院等高端科研机构` → `高端科研机构`: named examples before `等` are not what is
/// counted; the class after it is.
fn after_examples(s: &str) -> &str {
    // `磁悬浮研发工程师等`: examples with no class named after them.
    let s = s.strip_suffix('等').unwrap_or(s);
    match s.rfind('等') {
        Some(i) if cjk_len(&s[i + '等'.len_utf8()..]) >= 2 && !s[i..].starts_with("等级") => {
            &s[i + '等'.len_utf8()..]
        }
        _ => s,
    }
}

/// Whether the counted noun follows the number rather than precedes it: a verb, a batch word, an
/// attribute (`…产业的38个重点项目`) or the end of a list of names (`诺维诺、长生生物2家企业`) stands
/// before it.
fn prefers_after(text: &str, clause_start: usize, number: usize, before: &str) -> bool {
    // A year phrase (`由2017年的`) is not an attribute of the noun after the number.
    let lead = strip_year(text[clause_start..number].trim_end());
    let name_list = text[..clause_start].ends_with('、') && {
        let prev = text[..clause_start - '、'.len_utf8()]
            .rsplit(|c: char| ends_clause(c))
            .next()
            .unwrap_or("");
        !prev.chars().any(|c| c.is_ascii_digit())
    };
    before.is_empty()
        || cjk_len(before) < 2
        || MODIFIERS.contains(&before)
        // `恒达等二十余个新材料项目`: the named examples are not what is counted.
        || lead.ends_with('等')
        || {
            // A verb that ends an indicator's name (`研发投入`) leads no noun.
            let linked = strip_links(lead).trim_end();
            let named = super::metrics::keyword_spans(linked).any(|r| r.end == linked.len());
            !named && LEAD_VERBS.iter().any(|v| linked.ends_with(v))
        }
        || lead.ends_with('的')
        || name_list
}

/// The words of a phrase from where its noun starts: after the last lead verb and any region
/// anaphor (`该榜单按照“高精尖”企业` → `“高精尖”企业`).
pub(super) fn lead_trimmed(s: &str) -> &str {
    // Quotation marks around a name (`“高精尖”企业`) stay.
    let trim = |c: char| is_trim(c) && !"“”‘’".contains(c);
    let s = after_lead_verb(s.trim_matches(trim)).trim_matches(trim);
    strip_anaphor(s.strip_prefix("其中").unwrap_or(s))
}

/// Region anaphors at the start of a label name where, not what: `全区高新技术企业` → `高新技术企业`.
fn strip_anaphor(s: &str) -> &str {
    // The longest anaphor opening the label is the one to drop.
    super::attribution::anaphora()
        .filter_map(|w| s.strip_prefix(w))
        .min_by_key(|rest| rest.len())
        .filter(|rest| cjk_len(rest) >= 2)
        .unwrap_or(s)
}

/// A year the figure is compared from is not part of its label: `贡献率由2017年的` → `贡献率`.
fn strip_year(s: &str) -> &str {
    let t = s.trim_end().trim_end_matches('的');
    let Some(head) = t.strip_suffix('年') else {
        return s;
    };
    let digits = head.chars().rev().take_while(char::is_ascii_digit).count();
    if digits != 4 {
        return s;
    }
    let head = &head[..head.len() - digits];
    head.strip_suffix('由')
        .or_else(|| head.strip_suffix('从'))
        .unwrap_or(head)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lab(text: &str, raw: &str) -> String {
        let i = text.find(raw).expect("raw in text");
        label(text, i..i + raw.len(), &[])
    }

    #[test]
    fn noun_before_number() {
        assert_eq!(
            lab("全区拥有高新技术企业2443家。", "2443家"),
            "高新技术企业"
        );
        assert_eq!(
            lab("企业营业收入突破5200亿元，", "5200亿元"),
            "企业营业收入"
        );
        assert_eq!(lab("科技型中小企业2130家，", "2130家"), "科技型中小企业");
        assert_eq!(
            lab("有效发明专利拥有量11033件", "11033件"),
            "有效发明专利拥有量"
        );
        assert_eq!(lab("营业收入同比增长191%", "191%"), "营业收入同比增长");
        assert_eq!(
            lab("目前集聚国家级和省级研发机构121家", "121家"),
            "集聚国家级和省级研发机构"
        );
        assert_eq!(
            lab("集聚浙大研究院等高端科研机构30家", "30家"),
            "高端科研机构"
        );
        // A bare noun after the number is named by what it did; a longer one stands alone.
        assert_eq!(
            lab("近80家企业实现知识产权质押融资。", "80家"),
            "实现知识产权质押融资的企业"
        );
        assert_eq!(lab("从4个方面提出13条工作举措", "4个"), "方面");
        // A lead verb that does not say how the number counts is left out.
        assert_eq!(lab("建成国家级孵化器9家", "9家"), "国家级孵化器");
        assert_eq!(lab("全区高新技术企业总数已达93家", "93家"), "高新技术企业");
        // A verb ending an indicator's name (`研发投入`) leads no noun after the number.
        assert_eq!(
            lab(
                "全社会研发投入从2015年的38.6亿元增长到2022年的97亿元",
                "38.6亿元"
            ),
            "全社会研发投入"
        );
        assert_eq!(lab("贡献率提升到2022年的61.2%", "61.2%"), "贡献率");
    }

    #[test]
    fn rates_are_labelled_by_what_they_are_about() {
        assert_eq!(
            about("营业收入", "营业收入", "同比增长", Measure::Growth, "%"),
            "营业收入同比增长"
        );
        assert_eq!(
            about(
                "有效发明专利拥有量",
                "有效发明专利",
                "占大连市比重",
                Measure::Share,
                "%"
            ),
            "有效发明专利拥有量占大连市比重"
        );
        assert_eq!(
            about("企业", "企业", "是十年前", Measure::Growth, "倍"),
            "企业为十年前的倍数"
        );
        assert_eq!(
            about("工业上市企业", "工业上市企业", "", Measure::Rank, "位次"),
            "工业上市企业排名"
        );
        // The later value of a share, with no words of its own, is named as the earlier one.
        assert_eq!(
            about("研发经费占GDP比重", "研发经费", "", Measure::Share, "%"),
            "研发经费占GDP比重"
        );
        // A level reached after a change is labelled by what it counts.
        assert_eq!(
            about(
                "主营业务收入从",
                "主营业务收入",
                "增长到",
                Measure::Level,
                "元"
            ),
            "主营业务收入"
        );
    }

    #[test]
    fn noun_after_number() {
        assert_eq!(
            lab("截至8月31日，1600家高新技术企业参与，", "1600家"),
            "高新技术企业"
        );
        assert_eq!(
            lab("先后建成47家国家级科技企业孵化器和众创空间", "47家"),
            "国家级科技企业孵化器和众创空间"
        );
        assert_eq!(
            lab("推出300万元创业发展种子资金", "300万元"),
            "创业发展种子资金"
        );
        assert_eq!(
            lab("设立4只产业集群专项基金和1只母基金", "4只"),
            "产业集群专项基金"
        );
        assert_eq!(lab("从4个方面提出13条工作举措", "4个"), "方面");
        assert_eq!(
            lab("有50多万个科技成果以及1万多家企业", "50多万个"),
            "科技成果"
        );
    }

    #[test]
    fn place_names_are_skipped() {
        let t = "德阳高新区从业人员突破3.5万名";
        let i = t.find("3.5万名").unwrap();
        let place = 0..t.find("从业").unwrap();
        assert_eq!(label(t, i..i + "3.5万名".len(), &[place]), "从业人员");
    }

    #[test]
    fn where_and_when_words_are_trimmed() {
        assert_eq!(
            lab("科技进步贡献率由2017年的62.8%提升", "62.8%"),
            "科技进步贡献率"
        );
        let t = "德阳高新区建成四川省级工程技术研究中心4个";
        let i = t.find("4个").unwrap();
        let place = t.find("四川省").unwrap()..t.find("级").unwrap();
        assert_eq!(label(t, i..i + 4, &[place]), "四川省级工程技术研究中心");
    }

    #[test]
    fn a_name_defined_in_brackets_keeps_its_abbreviation() {
        assert_eq!(
            lab("研究与试验发展(以下简称R&D)经费46.3亿元", "46.3亿元"),
            "研究与试验发展(R&D)经费"
        );
        assert_eq!(
            lab("研究与试验发展（简称R&D）经费88亿元", "88亿元"),
            "研究与试验发展（R&D）经费"
        );
        // Labels about it use the short form and drop other asides.
        assert_eq!(
            about(
                "研究与试验发展(R&D)经费",
                "研究与试验发展(R&D)经费",
                "比上年增加",
                Measure::Change,
                "元"
            ),
            "R&D经费比上年增加"
        );
        assert_eq!(
            about(
                "研发经费投入强度(与地区生产总值之比)",
                "研发经费投入强度(与地区生产总值之比)",
                "比上年提高",
                Measure::Change,
                "个百分点"
            ),
            "研发经费投入强度比上年提高"
        );
        assert_eq!(
            about("营业收入", "营业收入", "同比增长", Measure::Growth, "%"),
            "营业收入同比增长"
        );
    }

    #[test]
    fn a_link_alone_takes_the_subject_of_the_clause_before() {
        assert_eq!(
            lab("全县研发投入强度持续增长，达到2.45%。", "2.45%"),
            "研发投入强度"
        );
        assert_eq!(
            lab(
                "研发投入强度(与地区生产总值之比)明显提升，达到2.45%",
                "2.45%"
            ),
            "研发投入强度(与地区生产总值之比)"
        );
        // Not: a figure in the clause before, another sentence, no verb of how it went, more
        // than a link before the number.
        assert_eq!(lab("营业收入100亿元稳步增长，达到2.45%", "2.45%"), "");
        assert_eq!(lab("研发投入强度稳步增长。达到2.45%", "2.45%"), "");
        assert_eq!(lab("研发投入强度，达到2.45%", "2.45%"), "");
        assert_eq!(lab("研发投入强度稳步增长，占比达到3%", "3%"), "占比");
    }

    #[test]
    fn examples_and_verbs_before_a_count_leave_the_noun_after_it() {
        assert_eq!(
            lab("恒达等二十余个新材料项目即将投产", "二十余个"),
            "新材料项目"
        );
        assert_eq!(lab("通过组建4支产业服务队，", "4支"), "产业服务队");
        // Examples with no noun after the count keep their class.
        assert_eq!(lab("浙大研究院等高端科研机构30家", "30家"), "高端科研机构");
    }

    #[test]
    fn empty_clause_gives_empty_label() {
        assert_eq!(lab("，278家、", "278家"), "");
    }
}
