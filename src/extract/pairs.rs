//! Enumerations paired in order: a list of places or subjects and as many figures listed
//! after it, the i-th figure about the i-th item.
//!
//! - `常州和武进国家高新区全国排名位列第21位和第35位`: places listed, then a list of figures of
//!   one kind (same unit, joined only by `、`, `和`, `及`, `与`) in the same sentence: each
//!   figure goes to its own place. `分别` is not needed, the shared label says the figures are
//!   alike.
//! - `营业收入、工业总产值分别增长12%和15%`: subjects listed before `分别`, in its clause or in
//!   the clause before (`按照A、B等4个子榜单分类，入选企业分别为…`): each figure is labelled by
//!   its own subject.
//! - `甲类经费10亿元，乙类经费20亿元，同比分别增长8%和9%`: the subjects are
//!   those of the figures right before `分别`, one each.
//!
//! When the counts differ, or the list lies in another sentence, nothing is paired.

use std::ops::Range;

use super::attribution::Context;
use super::figures::Draft;
use super::label;
use super::meaning;

/// Pairs the listed figures of `drafts` (in text order) with the places or subjects listed
/// before them. `places` are the byte ranges of every place named.
pub(super) fn pair(text: &str, drafts: &mut [Draft], ctx: &Context, places: &[Range<usize>]) {
    for g in groups(text, drafts) {
        let first = &drafts[g.start];
        // A list shares its clause: `分别增长8.9%、35.0%` reads `增长` for each.
        let clause_start = first.clause.start.min(first.range.start);
        for d in &mut drafts[g.clone()] {
            d.clause.start = d.clause.start.min(clause_start);
        }
        let first = &drafts[g.start];
        let listed = ctx.listed_before(first.range.start, first.sentence.clone());
        if listed.len() == g.len() {
            for (d, place) in drafts[g].iter_mut().zip(listed) {
                d.place = Some(place);
            }
            continue;
        }
        if let Some(labels) = paired_labels(text, drafts, g.clone(), places) {
            for (d, l) in drafts[g].iter_mut().zip(labels) {
                d.label = l;
            }
        }
    }
}

/// Index ranges of the lists of figures: two or more in one sentence, of one unit, with nothing
/// but a list word between each and the next (`第17、37、66和88位`, `12%和15%`).
fn groups(text: &str, drafts: &[Draft]) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = 0;
    for i in 1..=drafts.len() {
        let joined = drafts.get(i).is_some_and(|d| {
            let p = &drafts[i - 1];
            p.sentence == d.sentence
                && p.unit == d.unit
                && p.range.end <= d.range.start
                && is_list_word(&text[p.range.end..d.range.start])
        });
        if !joined {
            if i - start >= 2 {
                out.push(start..i);
            }
            start = i;
        }
    }
    out
}

fn is_list_word(gap: &str) -> bool {
    matches!(gap.trim(), "、" | "和" | "及" | "与" | "以及")
}

/// Pronouns that stand for the subjects listed before (`三者占全市的比重`).
const PRONOUNS: &[&str] = &[
    "二者", "两者", "三者", "四者", "五者", "各自", "前者", "后者",
];

/// Clause punctuation that bounds a list of subjects (`、` joins the items).
const CLAUSE_ENDS: [char; 5] = ['，', ',', '；', '：', ':'];

/// The byte where the clause holding `at` starts, within `from..at`.
fn clause_start(text: &str, from: usize, at: usize) -> usize {
    text[from..at]
        .char_indices()
        .rev()
        .find(|&(_, c)| CLAUSE_ENDS.contains(&c))
        .map_or(from, |(i, c)| from + i + c.len_utf8())
}

/// The labels of the figures `g` when `分别` pairs them with as many subjects: the subjects
/// listed in its clause, else in the clause before it, else those of as many figures right
/// before it in the sentence.
fn paired_labels(
    text: &str,
    drafts: &[Draft],
    g: Range<usize>,
    places: &[Range<usize>],
) -> Option<Vec<String>> {
    let first = &drafts[g.start];
    let sentence = first.sentence.start.min(first.range.start);
    let from = g
        .start
        .checked_sub(1)
        .map(|j| drafts[j].range.end)
        .filter(|&e| e > sentence && e <= first.range.start)
        .unwrap_or(sentence);
    let at = from + text[from..first.range.start].rfind("分别")?;
    // Words after `分别` that say what each figure is (`增长`, `位列`); a verb of handing out
    // (`给予`) is no part of a label.
    let post = label::strip_links(text[at + "分别".len()..first.range.start].trim());
    let post = if meaning::is_bare(post) { post } else { "" };
    let seg = clause_start(text, sentence, at);
    let own = text[seg.max(from)..at].trim();
    let n = g.len();
    let (subjects, shared) = if let Some(l) = items(text, seg..at, n, places) {
        (l.iter().map(|r| text[r.clone()].to_string()).collect(), "")
    } else if let Some(l) = text[sentence..seg]
        .chars()
        .next_back()
        .map(|c| seg - c.len_utf8())
        .and_then(|e| items(text, clause_start(text, sentence, e)..e, n, places))
    {
        let subjects: Vec<String> = l.iter().map(|r| text[r.clone()].to_string()).collect();
        (subjects, own)
    } else {
        (previous_subjects(drafts, g.start, n)?, strip_pronoun(own))
    };
    Some(subjects.iter().map(|s| compose(s, shared, post)).collect())
}

/// `三者占全市的比重` → `占全市的比重`.
fn strip_pronoun(s: &str) -> &str {
    PRONOUNS.iter().find_map(|p| s.strip_prefix(p)).unwrap_or(s)
}

/// One subject's label: the subject, what is said of each, and the words after `分别`. When
/// what is said of each ends in the subject's own head noun (`入选企业` for `“高精尖”企业`), its
/// words before that noun go in front instead (`入选“高精尖”企业`).
fn compose(subject: &str, shared: &str, post: &str) -> String {
    let common = subject
        .chars()
        .rev()
        .zip(shared.chars().rev())
        .take_while(|(a, b)| a == b)
        .map(|(a, _)| a.len_utf8())
        .sum::<usize>();
    let l = if common >= "企业".len() && common < shared.len() {
        format!("{}{subject}{post}", &shared[..shared.len() - common])
    } else if common == shared.len() {
        format!("{subject}{post}")
    } else {
        format!("{subject}{shared}{post}")
    };
    label::strip_links(&l).to_string()
}

/// The `n` items of a list in `range` (`A、B和C`), each a phrase of two or more Chinese
/// characters without digits or place names: the first without the place or verb before it
/// (`德阳高新区营业收入`, `按照A`), the last without the words after `等` (`C等4个子榜单`).
fn items(
    text: &str,
    range: Range<usize>,
    n: usize,
    places: &[Range<usize>],
) -> Option<Vec<Range<usize>>> {
    let from = places
        .iter()
        .filter(|p| p.start >= range.start && p.end <= range.end)
        .map(|p| p.end)
        .take_while(|&e| !text[range.start..e].contains('、'))
        .max()
        .unwrap_or(range.start);
    let range = from..range.end;
    let s = text.get(range.clone())?;
    let last_sep = s.rfind('、').unwrap_or(0);
    let end = s[last_sep..].find('等').map_or(s.len(), |i| last_sep + i);
    let mut cuts: Vec<Range<usize>> = Vec::new();
    let mut start = 0;
    for (i, c) in s[..end].char_indices().filter(|&(_, c)| c == '、') {
        cuts.push(start..i);
        start = i + c.len_utf8();
    }
    cuts.push(start..end);
    // `A、B和C`, `A和B`: the last item is joined by a conjunction.
    if cuts.len() + 1 == n
        && let Some(last) = cuts.pop()
    {
        let piece = &s[last.clone()];
        let (i, c) = piece.char_indices().find(|&(_, c)| "和及与".contains(c))?;
        cuts.push(last.start..last.start + i);
        cuts.push(last.start + i + c.len_utf8()..last.end);
    }
    if cuts.len() != n {
        return None;
    }
    let mut out = Vec::with_capacity(n);
    for (k, r) in cuts.into_iter().enumerate() {
        let piece = &s[r.clone()];
        let piece = if k == 0 {
            label::lead_trimmed(piece)
        } else {
            piece
        };
        let piece = piece.trim_matches(|c: char| c.is_whitespace() || "，、。；：".contains(c));
        let ok = label::cjk_len(piece) >= 2 && !piece.chars().any(|c| c.is_ascii_digit());
        if !ok {
            return None;
        }
        let at = piece.as_ptr() as usize - text.as_ptr() as usize;
        let r = at..at + piece.len();
        if places.iter().any(|p| p.start < r.end && r.start < p.end) {
            return None;
        }
        out.push(r);
    }
    Some(out)
}

/// The subjects of the `n` figures right before figure `i`, in its sentence, when each names a
/// different one (`甲类经费10亿元，乙类经费20亿元`).
fn previous_subjects(drafts: &[Draft], i: usize, n: usize) -> Option<Vec<String>> {
    let before = drafts.get(i.checked_sub(n)?..i)?;
    let s = &drafts[i].sentence;
    let subjects: Vec<String> = before
        .iter()
        .filter(|d| &d.sentence == s && !meaning::is_bare(&d.label))
        .map(|d| meaning::subject(&d.label).to_string())
        .collect();
    let distinct = subjects
        .iter()
        .enumerate()
        .all(|(k, a)| !a.is_empty() && subjects[..k].iter().all(|b| b != a));
    (subjects.len() == n && distinct).then_some(subjects)
}

#[cfg(test)]
mod tests {
    use crate::extract::figures::{Draft, extract};
    use crate::extract::gazetteer::Gazetteer;
    use crate::extract::places::Place;

    fn drafts(text: &str) -> Vec<Draft> {
        extract(Gazetteer::bundled(), "", &[], text, None).drafts
    }

    fn region(d: &Draft) -> String {
        match &d.place {
            Some(Place::Park { name, .. }) => name.clone(),
            Some(Place::Division(c)) => Gazetteer::bundled()
                .get(*c)
                .map(|d| d.name.clone())
                .unwrap_or_default(),
            Some(Place::Nation) => "全国".into(),
            None => "-".into(),
        }
    }

    /// (raw, region) of every figure.
    fn regions(text: &str) -> Vec<(String, String)> {
        drafts(text)
            .iter()
            .map(|d| (d.raw.clone(), region(d)))
            .collect()
    }

    /// (raw, label, metric) of every figure.
    fn labels(text: &str) -> Vec<(String, String, Option<&'static str>)> {
        drafts(text)
            .into_iter()
            .map(|d| (d.raw, d.label, d.metric))
            .collect()
    }

    #[test]
    fn listed_places_take_listed_figures_in_order() {
        let r =
            regions("常州和武进国家高新区全国排名位列第21位和第35位，较2017年分别前进4位和16位。");
        let want = ["常州高新区", "武进高新区", "常州高新区", "武进高新区"];
        assert_eq!(r.len(), 4, "{r:?}");
        for ((_, got), want) in r.iter().zip(want) {
            assert_eq!(got, want, "{r:?}");
        }
        let r =
            regions("绵阳、德阳、乐山、宜宾4家高新区进入全国前80名，分别位列第12、45、73和91位。");
        let ranks: Vec<&str> = r[r.len() - 4..].iter().map(|x| x.1.as_str()).collect();
        assert_eq!(
            ranks,
            ["绵阳高新区", "德阳高新区", "乐山高新区", "宜宾高新区"]
        );
    }

    #[test]
    fn places_are_not_paired_when_counts_or_sentences_differ() {
        // Three places, two figures.
        let r = regions("成都、绵阳、德阳高新区营业收入分别为100亿元和80亿元。");
        assert_eq!(r[0].1, r[1].1, "{r:?}");
        // The list is in the sentence before.
        let r = regions("常州和武进国家高新区成绩亮眼。全市排名位列第21位和第35位。");
        assert_eq!(r[0].1, r[1].1, "{r:?}");
        // One figure after a list is about no single place of it.
        let r = regions("德阳高新区很强。成都、绵阳高新区营业收入共计100亿元。");
        assert_eq!(r.len(), 1);
        assert_ne!(r[0].1, "成都高新区");
        // A place named alone stands between the list and the figures.
        let r = regions("成都、绵阳高新区发展迅速，其中德阳高新区营业收入为100亿元和80亿元。");
        assert!(r.iter().all(|x| x.1 == "德阳高新区"), "{r:?}");
    }

    #[test]
    fn subjects_listed_before_fenbie_label_their_figures() {
        let l = labels("对获得甲奖、乙奖的个人，分别给予500万元、100万元奖励。");
        assert_eq!((l[0].1.as_str(), l[1].1.as_str()), ("甲奖", "乙奖的个人"));
        let l = labels("今年，德阳高新区营业收入、工业总产值分别增长12%和15%。");
        assert_eq!(l[0].1, "营业收入增长");
        assert_eq!(l[0].2, Some("revenue"));
        assert_eq!(l[1].1, "工业总产值增长");
        assert_eq!(l[1].2, Some("industrial_output"));
        let l = labels(
            "德阳高新区高新技术企业、科技型中小企业和专精特新企业分别达到120家、300家和45家。",
        );
        let got: Vec<_> = l.iter().map(|x| (x.1.as_str(), x.2)).collect();
        assert_eq!(
            got,
            [
                ("高新技术企业", Some("high_tech_enterprises")),
                ("科技型中小企业", Some("tech_smes")),
                ("专精特新企业", Some("specialized_smes")),
            ]
        );
        // The list in the clause before, its shared head noun in `分别`'s clause.
        let l = labels("榜单按照“瞪羚”企业、“雏鹰”企业等2个子榜单分类，入选企业分别为30家、40家。");
        assert_eq!(l[1].1, "入选“瞪羚”企业");
        assert_eq!(l[2].1, "入选“雏鹰”企业");
    }

    #[test]
    fn subjects_of_the_figures_before_fenbie_label_their_rates() {
        let l = labels(
            "其中，甲类经费支出10亿元，乙类经费支出20亿元，同比分别增长8.9%和35.0%，两者占全部经费的比重分别为30%和70%。",
        );
        let got: Vec<&str> = l.iter().map(|x| x.1.as_str()).collect();
        assert_eq!(
            got[2..],
            [
                "甲类经费支出同比增长",
                "乙类经费支出同比增长",
                "甲类经费支出占全部经费的比重",
                "乙类经费支出占全部经费的比重",
            ]
        );
    }

    #[test]
    fn fenbie_without_a_matching_list_changes_nothing() {
        // Two subjects, three figures.
        let l = labels("营业收入、工业总产值分别增长12%、15%和9%。");
        assert!(l.iter().all(|x| !x.1.starts_with("营业收入")), "{l:?}");
        // `分别` with one figure.
        let l = labels("营业收入、工业总产值分别增长12%。");
        assert_eq!(l.len(), 1);
        assert_ne!(l[0].1, "营业收入增长");
        // The subjects are in another sentence.
        let l = labels("营业收入和工业总产值稳步提升。两项分别增长12%和15%。");
        assert!(l.iter().all(|x| !x.1.starts_with("营业收入")), "{l:?}");
        // No `分别`: the figures share their label.
        let l = labels("营业收入、工业总产值增长12%和15%。");
        assert_eq!(l[0].1, l[1].1, "{l:?}");
    }
}
