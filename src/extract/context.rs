//! What surrounds a number: its sentence and clause, the hedge words around it (qualifier),
//! whether it is a target or forecast (modality), and the year it refers to.

use std::ops::Range;

use std::sync::LazyLock;

use super::lexicon::WordSet;
use crate::dataset::{Modality, Qualifier};

/// Characters that end a sentence.
fn ends_sentence(c: char) -> bool {
    matches!(c, '。' | '！' | '？' | '!' | '?' | '；' | ';' | '\n')
}

/// Characters that end a clause (a sentence's comma-separated part).
pub fn ends_clause(c: char) -> bool {
    ends_sentence(c) || matches!(c, '，' | ',' | '：' | ':' | '、')
}

/// How far, in bytes, a sentence or clause reaches on either side of a number at most (about
/// 500 Chinese characters). Real sentences stop well before; text with no sentence ends at all
/// (a flattened table, a hostile file) is cut here, so each lookup costs a bounded amount.
const REACH: usize = 1536;

/// Separates the items of a list flattened onto one line (`投入与产出 - 研发经费… - 专利…`).
const BULLET: &str = " - ";

/// The byte range of the span of `text` around `at` bounded by characters satisfying `stop`,
/// reaching at most [`REACH`] bytes beyond `at` on either side.
fn bounded(text: &str, at: Range<usize>, stop: impl Fn(char) -> bool) -> Range<usize> {
    let lo = text.floor_char_boundary(at.start.saturating_sub(REACH));
    let hi = text.floor_char_boundary(at.end.saturating_add(REACH).min(text.len()));
    let start = text[lo..at.start]
        .char_indices()
        .rev()
        .find(|&(_, c)| stop(c))
        .map_or(lo, |(i, c)| lo + i + c.len_utf8());
    let end = text[at.end..hi]
        .char_indices()
        .find(|&(_, c)| stop(c))
        .map_or(hi, |(i, c)| at.end + i + c.len_utf8());
    // The items of a list flattened onto one line are sentences of their own.
    let start = text[start..at.start]
        .rfind(BULLET)
        .map_or(start, |i| start + i + BULLET.len());
    let end = text[at.end..end].find(BULLET).map_or(end, |i| at.end + i);
    start..end
}

/// The sentence holding `at`, including its closing punctuation.
pub fn sentence(text: &str, at: Range<usize>) -> Range<usize> {
    let r = bounded(text, at, ends_sentence);
    // A paragraph break is not part of the sentence.
    let end = if text[..r.end].ends_with('\n') {
        r.end - 1
    } else {
        r.end
    };
    r.start..end.max(r.start)
}

/// The clause holding `at`, without its closing punctuation.
pub fn clause(text: &str, at: Range<usize>) -> Range<usize> {
    let r = bounded(text, at.clone(), ends_clause);
    let end = text[..r.end]
        .chars()
        .next_back()
        .filter(|&c| ends_clause(c) && r.end > at.end)
        .map_or(r.end, |c| r.end - c.len_utf8());
    r.start..end
}

/// The paragraph holding `at`, without its line break; an item of a list flattened onto one
/// line counts as a paragraph.
pub fn paragraph(text: &str, at: Range<usize>) -> Range<usize> {
    // Byte searches rather than a char walk: paragraphs can be long and this runs per figure.
    let head = &text[..at.start];
    let start = head.rfind('\n').map_or(0, |i| i + 1);
    let start = head[start..]
        .rfind(BULLET)
        .map_or(start, |i| start + i + BULLET.len());
    let tail = &text[at.end..];
    let end = tail.find('\n').unwrap_or(tail.len());
    let end = at.end + tail[..end].find(BULLET).unwrap_or(end);
    start..end.max(start)
}

/// The stretches of text around a figure that the context rules read, found once per figure.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Around {
    /// The sentence, with its closing punctuation.
    pub sentence: Range<usize>,
    /// The clause, without its closing punctuation.
    pub clause: Range<usize>,
    /// The paragraph.
    pub paragraph: Range<usize>,
}

impl Around {
    /// The sentence, clause and paragraph holding `at`.
    pub fn of(text: &str, at: Range<usize>) -> Self {
        Around {
            sentence: sentence(text, at.clone()),
            clause: clause(text, at.clone()),
            paragraph: paragraph(text, at),
        }
    }
}

/// Hedge words written right before a number, longest first within each class.
const BEFORE: &[(&str, Qualifier)] = &[
    ("不低于", Qualifier::Over),
    ("不少于", Qualifier::Over),
    ("超过", Qualifier::Over),
    ("突破", Qualifier::Over),
    ("多于", Qualifier::Over),
    ("逾", Qualifier::Over),
    ("超", Qualifier::Over),
    ("将近", Qualifier::Nearly),
    ("接近", Qualifier::Nearly),
    ("逼近", Qualifier::Nearly),
    ("近", Qualifier::Nearly),
    ("大约", Qualifier::About),
    ("约为", Qualifier::About),
    ("约", Qualifier::About),
    ("不超过", Qualifier::UpTo),
    ("最高", Qualifier::UpTo),
    ("最多", Qualifier::UpTo),
    ("至多", Qualifier::UpTo),
    ("不足", Qualifier::Under),
    ("不到", Qualifier::Under),
    ("少于", Qualifier::Under),
    ("低于", Qualifier::Under),
];

/// Hedge words written right after a number.
const AFTER: &[(&str, Qualifier)] = &[
    ("以上", Qualifier::Over),
    ("多", Qualifier::Over),
    ("左右", Qualifier::About),
    ("上下", Qualifier::About),
    ("以下", Qualifier::Under),
    ("以内", Qualifier::UpTo),
];

/// Words that may stand between a hedge and its number (`突破了`, `超过了`, `最高可达`).
const FILLERS: &[&str] = &["了", "可达", "达到", "达"];

/// The hedge on the number at `at`, from the words right before and after it.
pub fn qualifier(text: &str, at: Range<usize>, inner: Option<Qualifier>) -> Qualifier {
    if let Some(q) = inner {
        return q;
    }
    let mut before = text[..at.start].trim_end();
    for f in FILLERS {
        if let Some(b) = before.strip_suffix(f) {
            // `不超过` and friends must win over the bare `超过`, so fillers are only stripped
            // when a hedge stands before them.
            if BEFORE.iter().any(|(w, _)| b.trim_end().ends_with(w)) {
                before = b.trim_end();
            }
            break;
        }
    }
    // `不超过` is listed after `超过`; pick the longest hedge that matches.
    let hit = BEFORE
        .iter()
        .filter(|(w, _)| before.ends_with(w))
        .max_by_key(|(w, _)| w.len());
    if let Some((w, q)) = hit {
        // `最近`/`附近` are not hedges on a number.
        let guard = before[..before.len() - w.len()].ends_with(['最', '附', '邻']) && *w == "近";
        if !guard {
            return *q;
        }
    }
    let after = text[at.end..].trim_start();
    AFTER
        .iter()
        .find(|(w, _)| after.starts_with(w))
        .map_or(Qualifier::Exact, |(_, q)| *q)
}

/// Words that mark a forecast anywhere earlier in the sentence.
const FORECAST: &[&str] = &[
    "预计",
    "有望",
    "可望",
    "预期",
    "可达",
    "将达",
    "将突破",
    "将超过",
];
/// Words that mark a target anywhere earlier in the sentence: they govern what follows.
const TARGET: &[&str] = &["力争", "目标", "争取", "确保"];
/// Words that mark a target only in the number's own clause: elsewhere they are as often nouns
/// (`国际大科学计划`, `发展规划`) or verbs of something else (`打造…高地`).
const CLAUSE_TARGET: &[&str] = &["计划", "规划", "拟", "打造", "将"];

/// Whether the figure at `at` is actual, a target or a forecast.
pub fn modality(text: &str, at: Range<usize>, around: &Around) -> Modality {
    static FORECASTS: LazyLock<WordSet> = LazyLock::new(|| WordSet::new(FORECAST.iter().copied()));
    static TARGETS: LazyLock<WordSet> = LazyLock::new(|| WordSet::new(TARGET.iter().copied()));
    let lead = &text[around.sentence.start..at.start];
    if FORECASTS.any_in(lead) {
        return Modality::Forecast;
    }
    if TARGETS.any_in(lead) {
        return Modality::Target;
    }
    let lead = &text[around.clause.start..at.start];
    static CLAUSE_TARGETS: LazyLock<WordSet> =
        LazyLock::new(|| WordSet::new(CLAUSE_TARGET.iter().copied()));
    if CLAUSE_TARGETS.any_in(lead) && CLAUSE_TARGET.iter().any(|w| aims(lead, w)) {
        return Modality::Target;
    }
    Modality::Actual
}

/// Whether `word` in `lead` states an aim: not as part of a programme's name (`国家人才计划3人`:
/// a noun right before the number, or after another noun), nor done already (`打造了`).
fn aims(lead: &str, word: &str) -> bool {
    lead.match_indices(word).any(|(i, w)| {
        let after = &lead[i + w.len()..];
        // `打造了`: done already. `将近`: a hedge (nearly), not the future.
        if after.starts_with('了') || (word == "将" && after.starts_with('近')) {
            return false;
        }
        if word != "计划" {
            return true;
        }
        if after.trim_start().is_empty() {
            return false;
        }
        let before = lead[..i].trim_end();
        before.is_empty()
            || before.ends_with([
                '，', '将', '还', '并', '也', '年', '区', '市', '县', '省', '拟',
            ])
    })
}

/// Years written as four digits followed by `年`, with their byte offsets.
fn years(text: &str) -> impl Iterator<Item = (usize, i32)> + '_ {
    text.match_indices('年').filter_map(move |(i, _)| {
        let head = text[..i].trim_end();
        // Four ASCII digits: bytes that are never part of a wider character.
        let start = head.len().checked_sub(4)?;
        let digits = head.get(start..)?;
        if !digits.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        let before = head[..start].chars().next_back();
        // Part of a longer number, or the end of a range (`2022-2024年`).
        if before.is_some_and(|c| c.is_ascii_digit() || "-–—~～".contains(c)) {
            return None;
        }
        // Inside a document title: `《…行动计划（2022-2024年）》` dates the document, not a figure.
        let open = head[..start].rfind('《');
        if open.is_some_and(|o| head[..start].rfind('》').is_none_or(|c| c < o)) {
            return None;
        }
        let y: i32 = digits.parse().ok()?;
        (1949..=2100).contains(&y).then_some((start, y))
    })
}

/// Words opening a sentence that give it its own time frame.
const TIME_FRAMES: &[&str] = &[
    "目前",
    "当前",
    "如今",
    "现在",
    "截至目前",
    "同时",
    "此外",
    "另外",
    "今年",
    "去年",
    "近年来",
];

/// Words before a year that make it a comparison base (`较2017年前进4位`, `比2012年增长`).
/// (`相比`, `同比`, `对比` end in `比`.)
const BASE_MARKERS: &[&str] = &["较", "比"];
/// Words between a year and a number that make the number the value reached since then
/// (`由2017年的62.8%提升到66.7%`): its own year is not written.
const CHANGE_VERBS: &[&str] = &[
    "提升到",
    "提升至",
    "提高到",
    "提高至",
    "增长到",
    "增长至",
    "增加到",
    "增至",
    "上升到",
    "上升至",
    "下降到",
    "下降至",
    "降至",
    "降到",
    "扩大到",
    "缩小到",
];

/// What an article says about its own time: the year it was published and the year its
/// headline states (`2019年合肥统计公报`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct DocTime {
    /// The publication date's year: what 今年, 去年, 上半年 and 目前 refer to.
    pub present: Option<i32>,
    /// The year the headline states, which dates the whole document.
    pub headline: Option<i32>,
    /// The publication date's month, when known: a month written without a year after it
    /// (`11月` in an article of March) is of the year before.
    pub month: Option<u32>,
    /// The year an article that writes no year sets in its lead (`今年以来，…`, `1-4月份，…`):
    /// a short news report speaks of that time throughout.
    pub frame: Option<i32>,
}

impl DocTime {
    /// The time of an article published on `date` (`2020-01-21`, `2021-03`) under `title`.
    pub fn of(date: Option<&str>, title: &str) -> DocTime {
        let present = date
            .and_then(|d| d.get(..4))
            .and_then(|y| y.parse().ok())
            .filter(|y| (1949..=2100).contains(y));
        let month = date
            .and_then(|d| d.get(5..7))
            .and_then(|m| m.parse().ok())
            .filter(|m| (1..=12).contains(m));
        let mut headline = years(title).map(|(_, y)| y);
        let first = headline.next();
        // A headline spanning years (`2012年到2021年`) dates no single one.
        let headline = first.filter(|_| headline.next().is_none());
        DocTime {
            present,
            headline,
            month,
            frame: None,
        }
    }

    /// This time with the frame the lead of `text` sets, when `text` writes no year at all.
    pub fn framed_by(self, text: &str) -> DocTime {
        if years(text).next().is_some() {
            return self;
        }
        let lead = text.split('\n').filter(|p| !p.trim().is_empty()).take(2);
        let frame = lead
            .flat_map(|p| relative_years(p, self.present).chain(months(p, self)))
            .min_by_key(|(i, _)| *i)
            .map(|(_, y)| y);
        DocTime { frame, ..self }
    }
}

/// Words naming a year relative to the publication date, with the offset from it.
const RELATIVE_YEARS: &[(&str, i32)] = &[
    ("今年", 0),
    ("本年度", 0),
    ("上半年", 0),
    ("前三季度", 0),
    ("一季度", 0),
    ("截至目前", 0),
    ("去年", -1),
    ("上年", -1),
    ("前年", -2),
];

/// Words saying that a sentence speaks of the present: its figure is of the publication year.
const PRESENT: &[&str] = &["目前", "当前", "如今", "现有", "现已", "截至目前"];

/// Relative year words in `text`, resolved against `present`, with their byte offsets.
fn relative_years(text: &str, present: Option<i32>) -> impl Iterator<Item = (usize, i32)> + '_ {
    // One pass for all the words; none of them contains another, so every occurrence is found
    // as by a search for each word alone.
    static WORDS: LazyLock<WordSet> =
        LazyLock::new(|| WordSet::new(RELATIVE_YEARS.iter().map(|(w, _)| *w)));
    present.into_iter().flat_map(move |p| {
        WORDS
            .find_all(text)
            .map(move |(k, r)| (r.start, p + RELATIVE_YEARS[k].1))
    })
}

/// Months written without their year (`1-4月份`, `5月`, `10月27日`), with their byte offsets and
/// the year they fall in: the publication year, or the year before for a month later than the
/// publication month.
fn months(text: &str, time: DocTime) -> impl Iterator<Item = (usize, i32)> + '_ {
    let digits_before = |end: usize| {
        text[..end]
            .bytes()
            .rev()
            .take_while(u8::is_ascii_digit)
            .count()
    };
    text.match_indices('月').filter_map(move |(i, _)| {
        let present = time.present?;
        let n = digits_before(i);
        if !(1..=2).contains(&n) {
            return None;
        }
        let last: u32 = text[i - n..i].parse().ok()?;
        if !(1..=12).contains(&last) {
            return None;
        }
        let mut start = i - n;
        // A range of months (`1-4月`, `1至4月`) starts at its first month.
        if let Some(c) = text[..start].chars().next_back()
            && "-–—~～至到".contains(c)
        {
            let dash = start - c.len_utf8();
            let m = digits_before(dash);
            if (1..=2).contains(&m) {
                start = dash - m;
            }
        }
        // `2019年1-4月`, `去年12月`: the year written before is the month's own.
        if text[..start].trim_end().ends_with('年') {
            return None;
        }
        let year = match time.month {
            Some(m) if last > m => present - 1,
            _ => present,
        };
        Some((start, year))
    })
}

/// The year the figure at `at` refers to: the nearest year written (or named relative to the
/// publication date: 今年, 去年, 上半年, a month without a year) before it in its sentence, else earlier in its paragraph;
/// else the year the headline states; else, where the sentence speaks of the present (目前,
/// 现有), the publication year. A year further back is not carried over: articles mix a
/// report's year with standing facts, and an unstated year is better left unknown. Comparison
/// bases do not count, and a value reached after a change from a dated value has no year of its
/// own.
pub fn year(text: &str, at: Range<usize>, around: &Around, time: DocTime) -> Option<i32> {
    let (p, s) = (&around.paragraph, &around.sentence);
    let nearest = |from: usize| {
        let lead = &text[from..at.start];
        years(lead)
            .map(|(i, y)| (i, y, 4))
            .chain(relative_years(lead, time.present).map(|(i, y)| (i, y, 0)))
            .chain(months(lead, time).map(|(i, y)| (i, y, 0)))
            .filter(|(i, _, _)| {
                let before = text[..from + i].trim_end();
                !BASE_MARKERS.iter().any(|w| before.ends_with(w))
            })
            .max_by_key(|(i, _, _)| *i)
            .map(|(i, y, digits)| (from + i + digits, y))
    };
    // A sentence that sets its own time (`目前，…`, `今年…`) does not inherit an earlier year.
    let own_time = TIME_FRAMES
        .iter()
        .any(|w| text[s.start..].trim_start().starts_with(w));
    let found = nearest(s.start).or_else(|| (!own_time).then(|| nearest(p.start)).flatten());
    let Some((end, y)) = found else {
        let sentence = &text[s.start..at.start];
        static PRESENT_W: LazyLock<WordSet> =
            LazyLock::new(|| WordSet::new(PRESENT.iter().copied()));
        let present = PRESENT_W.any_in(sentence);
        return time
            .headline
            .or_else(|| present.then_some(time.present).flatten())
            .or(time.frame);
    };
    // `由2017年的62.8%提升到66.7%`: a dated value, a change, then the number. Without a value in
    // between (`2021年，企业增至228家`) the year is the number's own.
    let between = &text[end.min(at.start)..at.start];
    // Each verb's first occurrence decides for that verb.
    static CHANGES: LazyLock<WordSet> =
        LazyLock::new(|| WordSet::new(CHANGE_VERBS.iter().copied()));
    let mut seen = [false; CHANGE_VERBS.len()];
    let changed_from_dated = CHANGES.find_all(between).any(|(k, r)| {
        !std::mem::replace(&mut seen[k], true)
            && between[..r.start].chars().any(|c| c.is_ascii_digit())
    });
    (!changed_from_dated).then_some(y)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(text: &str, raw: &str) -> Range<usize> {
        let i = text.find(raw).expect("raw in text");
        i..i + raw.len()
    }

    fn modality(text: &str, at: Range<usize>) -> Modality {
        super::modality(text, at.clone(), &Around::of(text, at))
    }

    fn year(text: &str, at: Range<usize>) -> Option<i32> {
        super::year(text, at.clone(), &Around::of(text, at), DocTime::default())
    }

    #[test]
    fn sentence_and_clause_bounds() {
        let t = "甲市去年很好。企业营业收入突破500亿元，同比增长5%。\n下一段";
        let r = at(t, "500亿元");
        assert_eq!(
            &t[sentence(t, r.clone())],
            "企业营业收入突破500亿元，同比增长5%。"
        );
        assert_eq!(&t[clause(t, r.clone())], "企业营业收入突破500亿元");
        assert_eq!(
            &t[paragraph(t, r)],
            "甲市去年很好。企业营业收入突破500亿元，同比增长5%。"
        );
        let t = "上一段\n第二段5家\n\n";
        assert_eq!(&t[paragraph(t, at(t, "5家"))], "第二段5家");
        let t = "只有一段5家";
        assert_eq!(&t[paragraph(t, at(t, "5家"))], t);
        // No sentence end anywhere: the sentence is cut at the reach, on char boundaries.
        let t = format!("{}企业5家{}", "甲".repeat(REACH), "乙".repeat(REACH));
        let s = sentence(&t, at(&t, "5家"));
        assert_eq!(
            t[s.clone()].chars().filter(|&c| c == '甲').count(),
            (REACH - 6) / 3
        );
        assert_eq!(t[s].chars().filter(|&c| c == '乙').count(), REACH / 3);
        let t = "只有一段5家";
        assert_eq!(&t[paragraph(t, at(t, "5家"))], t);
    }

    #[test]
    fn qualifiers_before_and_after() {
        let cases = [
            ("营收突破了2.1万亿元", "2.1万亿元", Qualifier::Over),
            ("发布超过 5.5万个岗位", "5.5万个", Qualifier::Over),
            ("人才近 10万人", "10万人", Qualifier::Nearly),
            ("将近四成", "四成", Qualifier::Nearly),
            ("总投资约60亿元", "60亿元", Qualifier::About),
            ("最多2个环节", "2个", Qualifier::UpTo),
            ("比重不低于70%", "70%", Qualifier::Over),
            ("不超过3家", "3家", Qualifier::UpTo),
            ("高于平均水平20个百分点以上", "20个百分点", Qualifier::Over),
            ("增长2倍左右", "2倍", Qualifier::About),
            ("不足5%", "5%", Qualifier::Under),
            ("累计超5.3万家", "5.3万家", Qualifier::Over),
            ("拥有企业278家", "278家", Qualifier::Exact),
            ("最近3家", "3家", Qualifier::Exact),
        ];
        for (t, raw, q) in cases {
            assert_eq!(qualifier(t, at(t, raw), None), q, "{t}");
        }
        let t = "十余家";
        assert_eq!(
            qualifier(t, 0..t.len(), Some(Qualifier::Over)),
            Qualifier::Over
        );
    }

    #[test]
    fn modality_from_sentence_words() {
        let t = "预计今年总收入将突破6000亿元。";
        assert_eq!(modality(t, at(t, "6000亿元")), Modality::Forecast);
        let t = "力争到2025年高新技术企业达到500家。";
        assert_eq!(modality(t, at(t, "500家")), Modality::Target);
        let t = "建成后将实现年产值约5亿元。";
        assert_eq!(modality(t, at(t, "5亿元")), Modality::Target);
        let t = "国际大科学计划实现突破，全国重点实验室增至18家。";
        assert_eq!(modality(t, at(t, "18家")), Modality::Actual);
        let t = "计划引进亿元以上产业项目85个。";
        assert_eq!(modality(t, at(t, "85个")), Modality::Target);
        let t = "2024年，襄阳高新区计划引进项目85个。";
        assert_eq!(modality(t, at(t, "85个")), Modality::Target);
        let t = "入选四川省人才计划6人，打造了人才交流中心两处。";
        assert_eq!(modality(t, at(t, "6人")), Modality::Actual);
        assert_eq!(modality(t, at(t, "两处")), Modality::Actual);
        let t = "继续投入资金，打造100余套人才公寓。";
        assert_eq!(modality(t, at(t, "100余套")), Modality::Target);
        let t = "在求职者中，将近四成为跨城求职者。";
        assert_eq!(modality(t, at(t, "四成")), Modality::Actual);
        let t = "规模以上企业增长到2021年的228家。";
        assert_eq!(modality(t, at(t, "228家")), Modality::Actual);
        let t = "去年全区拥有高新技术企业2443家。";
        assert_eq!(modality(t, at(t, "2443家")), Modality::Actual);
    }

    #[test]
    fn year_from_sentence_then_paragraph() {
        let t = "规模以上企业从2012年的67家，发展到2021年的228家。";
        assert_eq!(year(t, at(t, "67家")), Some(2012));
        assert_eq!(year(t, at(t, "228家")), Some(2021));
        let t = "2021年，全区营收500亿元。高新技术企业93家。\n新段落有企业5家。";
        assert_eq!(year(t, at(t, "93家")), Some(2021));
        assert_eq!(year(t, at(t, "5家")), None);
        let t = "截至8月31日，共有企业12家。";
        assert_eq!(year(t, at(t, "12家")), None);
        let t = "贡献率由2017年的62.8%提升到66.7%。";
        assert_eq!(year(t, at(t, "62.8%")), Some(2017));
        assert_eq!(year(t, at(t, "66.7%")), None);
        let t = "2021年，企业增至5家。目前，全区拥有发明专利1万件。";
        assert_eq!(year(t, at(t, "5家")), Some(2021));
        assert_eq!(year(t, at(t, "1万件")), None);
        let t = "2021年，全区规模以上企业增至228家。";
        assert_eq!(year(t, at(t, "228家")), Some(2021));
        let t = "2022年排名第21位，较2017年前进4位。";
        assert_eq!(year(t, at(t, "4位")), Some(2022));
        let t = "发布《专项行动计划（2022-2024年）》等政策。目前拥有企业1417家。";
        assert_eq!(year(t, at(t, "1417家")), None);
        let t = "2021年，全区营收500亿元，2022-2024年计划新增企业30家。";
        assert_eq!(year(t, at(t, "30家")), Some(2021));
        let t = "编号12021年的记录3家";
        assert_eq!(year(t, at(t, "3家")), None);
        let t = "投入 - 研发强度从2020年的2.8%提升至2024年的3.1% [2] - 专利拥有量达到31.2件";
        assert_eq!(
            year(t, at(t, "31.2件")),
            None,
            "a flattened list's items are paragraphs"
        );
    }

    #[test]
    fn months_without_a_year_are_of_the_publication_year() {
        let in_june = DocTime::of(Some("2019-06-19"), "");
        let year =
            |t: &str, raw: &str| super::year(t, at(t, raw), &Around::of(t, at(t, raw)), in_june);
        let t = "1-4月份，高新区完成财政收入4.1亿元。";
        assert_eq!(year(t, "4.1亿元"), Some(2019));
        let t = "10月27日，园区签约项目8个。";
        assert_eq!(
            year(t, "8个"),
            Some(2018),
            "a month after June is last year's"
        );
        let t = "2017年1至4月，园区签约项目8个。";
        assert_eq!(year(t, "8个"), Some(2017));
        let t = "去年12月，园区签约项目8个。";
        assert_eq!(year(t, "8个"), Some(2018));
        let t = "历时3个月，园区签约项目8个。";
        assert_eq!(year(t, "8个"), None, "a duration is no date");
        let t = "1-4月份，园区签约项目8个。";
        let undated = super::year(
            t,
            at(t, "8个"),
            &Around::of(t, at(t, "8个")),
            DocTime::default(),
        );
        assert_eq!(undated, None, "without a publication date nothing is known");
    }

    #[test]
    fn a_lead_setting_the_present_frames_an_article_that_writes_no_year() {
        let time = DocTime::of(Some("2019-06-19"), "");
        let t = "本报讯 今年以来，园区加大招商力度。\n\n持续发力项目建设。园区新开工项目23个。";
        let framed = time.framed_by(t);
        assert_eq!(framed.frame, Some(2019));
        let at17 = at(t, "23个");
        assert_eq!(
            super::year(t, at17.clone(), &Around::of(t, at17), framed),
            Some(2019)
        );
        let t = "今年以来，园区加大招商力度。\n2017年，园区新开工项目23个。\n园区有企业5家。";
        assert_eq!(
            time.framed_by(t).frame,
            None,
            "an article writing years frames nothing"
        );
        let t = "园区加大招商力度。\n\n园区新开工项目23个。\n\n今年以来，园区有企业5家。";
        assert_eq!(time.framed_by(t).frame, None, "only the lead frames");
    }
}
