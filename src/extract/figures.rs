//! One article → its figures: quantities with their context, label, metric and region.

use std::ops::Range;

use rayon::prelude::*;

use super::attribution::Context;
use super::context::{self, Around, DocTime};
use super::gazetteer::Gazetteer;
use super::label::{self, label};
use super::meaning::{self, Meaning, Spot};
use super::metrics;
use super::pairs;
use super::places::{Mention, Place, Setting, find_mentions, setting};
use super::quantity::{self, QuantityKind};
use crate::dataset::{Measure, Modality, Qualifier};

/// A figure before it is given ids and character offsets.
#[derive(Debug, Clone, PartialEq)]
pub struct Draft {
    /// Byte range of `raw` in the article text.
    pub range: Range<usize>,
    /// Byte range of the sentence holding it.
    pub sentence: Range<usize>,
    /// Number, magnitude and unit as written.
    pub raw: String,
    /// Value in the base unit.
    pub value: f64,
    /// Base unit.
    pub unit: String,
    /// What kind of number it is (a rank, a move in a ranking, …).
    pub kind: QuantityKind,
    /// Hedge.
    pub qualifier: Qualifier,
    /// Actual, target or forecast.
    pub modality: Modality,
    /// The year it refers to.
    pub year: Option<i32>,
    /// What is measured, in the article's words.
    pub label: String,
    /// Catalogue metric id.
    pub metric: Option<&'static str>,
    /// How the number relates to the metric.
    pub measure: Measure,
    /// The part of the region it covers; `None` for the whole.
    pub scope: Option<String>,
    /// Byte range of the clause holding it.
    pub clause: Range<usize>,
    /// The region it is about.
    pub place: Option<Place>,
}

/// `排名第21位和第35位`, `分别为5家、3家`: a figure with no label of its own that directly follows
/// another takes that one's label.
fn share_labels(text: &str, drafts: &mut [Draft]) {
    for i in 1..drafts.len() {
        let (head, tail) = drafts.split_at_mut(i);
        let (prev, cur) = (&head[i - 1], &mut tail[0]);
        let gap = &text[prev.range.end..cur.range.start];
        let joined = gap
            .chars()
            .all(|c| c.is_whitespace() || "和及与、，,或".contains(c));
        if cur.label.is_empty() && joined && prev.sentence == cur.sentence {
            cur.label.clone_from(&prev.label);
        }
    }
}

/// How many bytes on either side of a number its meaning is read from, at most (about 100
/// Chinese characters; real clauses are far shorter). Text without punctuation would otherwise
/// make every figure read kilobytes of words.
const MEANING_REACH: usize = 300;

/// `range` cut to at most `reach` bytes on either side of `at`.
fn near(text: &str, range: Range<usize>, at: Range<usize>, reach: usize) -> Range<usize> {
    let start = text.floor_char_boundary(range.start.max(at.start.saturating_sub(reach)));
    let end = text.ceil_char_boundary(range.end.min(at.end.saturating_add(reach)));
    start.min(at.start)..end.max(at.end)
}

/// Gives each draft its measure, metric and scope. A rate, share, rank or change whose label
/// names nothing but the rate (`同比增长`, `位居全国第一`, `跃升至`) is about what the previous
/// figure of its sentence measures, and takes that subject into its label.
fn read_meanings(text: &str, drafts: &mut [Draft], places: &[Range<usize>]) {
    for i in 0..drafts.len() {
        let d = &drafts[i];
        let spot = Spot {
            text,
            at: d.range.clone(),
            clause: near(text, d.clause.clone(), d.range.clone(), MEANING_REACH),
            sentence: near(text, d.sentence.clone(), d.range.clone(), 2 * MEANING_REACH),
            unit: &d.unit,
            kind: d.kind,
            qualifier: d.qualifier,
            places,
            after: i
                .checked_sub(1)
                .map(|j| drafts[j].range.end)
                .filter(|&e| e > d.sentence.start && e <= d.range.start),
        };
        let mut found: Meaning = meaning::read(&spot, &d.label);
        let mut label = None;
        // `专精特新“小巨人”新增数量全国第一`: a rank with no label of its own (a place stood
        // between) names what is ranked at the start of its clause.
        if d.label.is_empty() && found.measure == Measure::Rank {
            let own =
                meaning::subject(text[d.clause.start.min(d.range.start)..d.range.start].trim());
            let again = meaning::read(&spot, own);
            if again.metric.is_some() {
                label = Some(format!("{own}排名"));
                found = again;
            }
        }
        // The previous figure of the sentence, or of the clause before a `；`.
        let prev = i.checked_sub(1).map(|j| &drafts[j]).filter(|p| {
            let gap = &text[p.range.end.min(d.range.start)..d.range.start];
            p.sentence == d.sentence || (gap.len() <= 60 && !gap.contains(['。', '\n', '！', '？']))
        });
        // `R&D经费投入强度…，投入强度高于全国0.5个百分点`: a subject cut short names what the
        // previous figure's subject named in full.
        let own = meaning::subject(&d.label);
        let names = |s: &str| metrics::metric_at(s, &d.unit, found.measure).is_some();
        let elided = prev.and_then(|p| {
            let full = meaning::subject(&p.label);
            let cut_short = label::cjk_len(own) >= 2
                && full.len() > own.len()
                && full.ends_with(own)
                && !names(own)
                && names(full);
            cut_short.then(|| format!("{}{}", &full[..full.len() - own.len()], d.label))
        });
        if let Some(l) = elided {
            let again = meaning::read(&spot, &l);
            if again.metric.is_some() || found.metric.is_none() {
                found = again;
            }
            label = Some(l);
        }
        if let Some(p) = prev.filter(|_| found.metric.is_none() && meaning::is_bare(&d.label)) {
            let subject = meaning::subject(&p.label);
            let mut again = meaning::read_about(&spot, &d.label, Some(subject));
            // What the previous figure covered, this one covers too.
            if again.scope.is_none() && again.metric == p.metric {
                again.scope.clone_from(&p.scope);
            }
            // The label names the subject even where no metric follows from it.
            let measure = if again.metric.is_some() {
                again.measure
            } else {
                found.measure
            };
            // `由2017年的2.77%提升到3.33%`: a later value of the same thing is named as it is.
            let same = again.metric.is_some()
                && again.metric == p.metric
                && again.measure == p.measure
                && label::strip_links(&d.label).is_empty();
            if same {
                label = Some(label::strip_links(&p.label).to_string());
            } else if !meaning::is_bare(subject) {
                label = Some(label::about(&p.label, subject, &d.label, measure, &d.unit));
            }
            if again.metric.is_some() {
                found = again;
            }
        }
        // `分别位列第12、45位`: a rank with no name of its own is in the ranking its sentence
        // names.
        if found.metric == Some("overall_standing") && label.is_none() && meaning::is_bare(&d.label)
        {
            let moved = (found.measure == Measure::Change).then_some(d.label.as_str());
            let from = d.sentence.start.min(d.range.start);
            label = label::ranking_name(text, from, d.range.start, places, moved);
        }
        // `其中发明专利21万件`: a breakdown of a part is a part too.
        let breakdown = text[d.clause.clone()].trim_start().starts_with("其中");
        if let Some(p) = prev.filter(|p| breakdown && found.scope.is_none() && p.scope.is_some())
            && found.metric.is_some()
        {
            found.scope.clone_from(&p.scope);
        }
        let d = &mut drafts[i];
        if let Some(l) = label {
            d.label = l;
        }
        // A label says whose figure it is: `总收入` of `全国创业孵化机构` reads as both.
        if let Some(scope) = found.scope.as_deref() {
            if !d.label.contains(scope) && !scope.contains(d.label.as_str()) {
                d.label = format!("{scope}{}", d.label);
            } else if scope.contains(d.label.as_str()) {
                d.label = scope.to_string();
            }
        }
        d.metric = found.metric;
        d.measure = found.measure;
        d.scope = found.scope;
    }
}

/// What extraction found in one article.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct ArticleFigures {
    /// Figures in text order.
    pub drafts: Vec<Draft>,
    /// Every place the article names, in text order.
    pub mentions: Vec<Mention>,
}

/// Articles longer than this many bytes are read in parts cut at paragraph or sentence ends.
/// Context lookups (a figure's paragraph, the places named before it) then stay within a part,
/// so a huge text with no line breaks takes linear time instead of quadratic. News articles are
/// a few thousand characters, far below this, and are read whole.
const PART: usize = 32 * 1024;

/// Builds what extraction with `gaz` builds on first use (the place automata), so that a caller
/// can do it while other work goes on.
pub fn prepare(gaz: &Gazetteer) {
    super::places::prepare(gaz);
}

/// Extracts the figures of one article, published on `date` (`2021-03-01`) when known, filed
/// under the breadcrumb `sections` when it came from a web page.
pub fn extract(
    gaz: &Gazetteer,
    title: &str,
    sections: &[String],
    text: &str,
    date: Option<&str>,
) -> ArticleFigures {
    let mentions = find_mentions(gaz, title);
    let head = Headline {
        title,
        setting: setting(gaz, title, &mentions, sections),
        mentions,
        time: DocTime::of(date, title).framed_by(text),
    };
    let parts = parts(text, PART);
    // Parts are independent: a long article is read in parallel, and the parts' figures are
    // joined in text order whatever finished first.
    let found: Vec<ArticleFigures> = if parts.len() > 1 {
        parts
            .par_iter()
            .map(|p| extract_part(gaz, &text[p.clone()], &head))
            .collect()
    } else {
        parts
            .iter()
            .map(|p| extract_part(gaz, &text[p.clone()], &head))
            .collect()
    };
    let mut out = ArticleFigures::default();
    for (part, found) in parts.into_iter().zip(found) {
        let shift = |r: Range<usize>| r.start + part.start..r.end + part.start;
        out.drafts.extend(found.drafts.into_iter().map(|mut d| {
            d.range = shift(d.range);
            d.sentence = shift(d.sentence);
            d
        }));
        out.mentions.extend(found.mentions.into_iter().map(|mut m| {
            m.range = shift(m.range);
            m
        }));
    }
    out
}

/// Characters that belong to a number or its magnitude: a part never ends or starts on one.
fn in_number(c: char) -> bool {
    c.is_numeric()
        || c.is_ascii_alphanumeric()
        || "零〇一二两三四五六七八九十百千万亿.．,%％".contains(c)
}

/// Byte ranges covering `text` in order, each at most `max` bytes unless a single character is
/// longer. A part ends after the last line break in the second half of its window, else after
/// the last sentence end or punctuation there, else between two characters outside numbers.
fn parts(text: &str, max: usize) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = 0;
    while text.len() - start > max {
        let window = &text[start..text.floor_char_boundary(start + max)];
        let half = window.len() / 2;
        let tail = || window.char_indices().rev().take_while(|&(i, _)| i >= half);
        let after = |(i, c): (usize, char)| i + c.len_utf8();
        let cut = window
            .rfind('\n')
            .filter(|&i| i >= half)
            .map(|i| i + 1)
            .or_else(|| {
                tail()
                    .find(|&(_, c)| !c.is_alphanumeric() && !in_number(c))
                    .map(after)
            })
            .or_else(|| {
                let mut next = None;
                tail()
                    .find(|&(_, c)| {
                        let ok = !in_number(c) && next.is_some_and(|n| !in_number(n));
                        next = Some(c);
                        ok
                    })
                    .map(after)
            })
            .unwrap_or_else(|| {
                text[start..]
                    .chars()
                    .next()
                    .map_or(text.len() - start, |c| window.len().max(c.len_utf8()))
            });
        out.push(start..start + cut);
        start += cut;
    }
    if start < text.len() || out.is_empty() {
        out.push(start..text.len());
    }
    out
}

/// What an article's headline and date tell about all its figures.
struct Headline<'a> {
    title: &'a str,
    mentions: Vec<Mention>,
    setting: Setting,
    time: DocTime,
}

/// Extracts the figures of one part of an article.
fn extract_part(gaz: &Gazetteer, text: &str, head: &Headline) -> ArticleFigures {
    let mentions = find_mentions(gaz, text);
    let ctx = Context::new(
        gaz,
        text,
        &mentions,
        head.title,
        &head.mentions,
        &head.setting,
    );
    let quantities = quantity::scan(text);
    // A label never reaches back past a place name or another figure in its clause, unless the
    // place is what it is compared with (`增速低于全国`) or the figure bounds a class named in
    // it (`引进5000万元以上项目`).
    let mut bounds: Vec<Range<usize>> = mentions
        .iter()
        .filter(|m| !meaning::compared_with(text, m.range.start))
        .map(|m| m.range.clone())
        .collect();
    bounds.extend(
        quantities
            .iter()
            .filter(|q| !meaning::is_threshold(text, q.range.clone()))
            .map(|q| q.range.clone()),
    );
    bounds.sort_by_key(|r| (r.start, r.end));
    let mut drafts: Vec<Draft> = quantities
        .into_iter()
        .map(|q| {
            let at = q.range.clone();
            let label = label(text, at.clone(), &bounds);
            let unit = match q.kind {
                QuantityKind::Fraction => "ratio".to_string(),
                QuantityKind::Rank => "位次".to_string(),
                _ => q.unit.clone(),
            };
            let around = Around::of(text, at.clone());
            Draft {
                raw: text[at.clone()].to_string(),
                value: q.value,
                qualifier: context::qualifier(text, at.clone(), q.inner_qualifier),
                modality: context::modality(text, at.clone(), &around),
                year: context::year(text, at.clone(), &around, head.time),
                place: ctx.region_for(at.clone(), around.sentence.clone()),
                sentence: around.sentence,
                clause: around.clause,
                metric: None,
                measure: Measure::Level,
                scope: None,
                label,
                unit,
                kind: q.kind,
                range: at,
            }
        })
        .collect();
    drafts.sort_by_key(|d| (d.range.start, d.range.end));
    share_labels(text, &mut drafts);
    let places: Vec<Range<usize>> = mentions.iter().map(|m| m.range.clone()).collect();
    pairs::pair(text, &mut drafts, &ctx, &places);
    read_meanings(text, &mut drafts, &places);
    ArticleFigures { drafts, mentions }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn extract_text(title: &str, text: &str) -> Vec<Draft> {
        extract(Gazetteer::bundled(), title, &[], text, None).drafts
    }

    #[test]
    fn a_figure_with_all_its_context() {
        let d = extract_text(
            "",
            "2021年，德阳高新区企业营业收入突破500亿元，同比增长12.5%。",
        );
        assert_eq!(d.len(), 2, "{d:?}");
        assert_eq!(d[0].raw, "500亿元");
        assert_eq!(d[0].value, 5e10);
        assert_eq!(d[0].unit, "元");
        assert_eq!(d[0].qualifier, Qualifier::Over);
        assert_eq!(d[0].year, Some(2021));
        assert_eq!(d[0].label, "企业营业收入");
        assert_eq!(d[0].metric, Some("revenue"));
        assert!(matches!(&d[0].place, Some(Place::Park { name, .. }) if name == "德阳高新区"));
        assert_eq!(d[1].metric, Some("revenue"));
        assert_eq!(d[1].measure, Measure::Growth);
        assert_eq!(d[0].measure, Measure::Level);
        assert_eq!(d[1].unit, "%");
    }

    #[test]
    fn rates_and_comparisons_after_a_level_name_its_subject() {
        let d = extract_text(
            "",
            "2022年，全县研究与试验发展(以下简称R&D)经费46.3亿元，比上年增加5.2亿元，增长12.7%，\
             增速高于全省1.5个百分点，低于全国0.4个百分点。R&D经费投入强度稳步提升，达到2.45%，\
             比上年提高0.11个百分点，投入强度低于全省0.3个百分点。",
        );
        let got: Vec<(&str, Option<&str>)> =
            d.iter().map(|d| (d.label.as_str(), d.metric)).collect();
        assert_eq!(
            got,
            [
                ("研究与试验发展(R&D)经费", Some("rd_spending")),
                ("R&D经费比上年增加", Some("rd_spending")),
                ("R&D经费增长", Some("rd_spending")),
                ("R&D经费增速高于全省", None),
                ("R&D经费低于全国", None),
                ("R&D经费投入强度", Some("rd_intensity")),
                ("R&D经费投入强度比上年提高", Some("rd_intensity")),
                ("R&D经费投入强度低于全省", None),
            ]
        );
        // A later value of the same thing is named as it is.
        let d = extract_text(
            "",
            "全社会R&D经费支出占地区GDP比重由2017年的2.77%提升到3.33%。",
        );
        assert_eq!(d[1].label, "全社会R&D经费支出占地区GDP比重");
        assert_eq!(
            (d[1].metric, d[1].measure),
            (Some("rd_intensity"), Measure::Level)
        );
        // A subject named in full is not completed from the figure before.
        let d = extract_text("", "全区拥有国家级孵化器5家，孵化器20家。");
        assert_eq!(d[1].label, "孵化器");
        // A threshold in a class's name is part of the label.
        let d = extract_text("", "德阳经开区引进3000万元以上项目超过120个。");
        assert_eq!(
            d.last().map(|d| d.label.as_str()),
            Some("引进3000万元以上项目")
        );
    }

    #[test]
    fn listed_figures_share_a_label() {
        let d = extract_text("", "常州高新区在全国高新区中的排名位列第21位和第35位。");
        assert_eq!(d.len(), 2, "{d:?}");
        assert!(!d[0].label.is_empty());
        assert_eq!(d[0].label, d[1].label);
        assert_eq!(d[1].metric, Some("overall_standing"));
        assert_eq!(d[1].measure, Measure::Rank);
    }

    #[test]
    fn a_rank_without_a_name_takes_its_rankings_name() {
        let d = extract_text(
            "",
            "常州和武进国家高新区全国排名位列第21位和第35位，较2017年分别前进4位和16位。",
        );
        let got: Vec<(&str, Measure)> = d.iter().map(|d| (d.label.as_str(), d.measure)).collect();
        assert_eq!(
            got,
            [
                ("全国排名", Measure::Rank),
                ("全国排名", Measure::Rank),
                ("全国排名前进", Measure::Change),
                ("全国排名前进", Measure::Change),
            ]
        );
        let d = extract_text(
            "",
            "在全国150家高新区排名中，绵阳、德阳高新区分别位列第12和45位。",
        );
        assert_eq!(d[1].label, "高新区排名");
        assert_eq!(d[2].label, "高新区排名");
        // A ranking named in quotes is its title.
        let d = extract_text(
            "",
            "某部门发布“2023年高新区创新能力排名”，在150家高新区排名中，绵阳、德阳高新区分别位列第12和45位。",
        );
        assert_eq!(d[2].label, "2023年高新区创新能力排名");
        // A rank that names what is ranked keeps its label.
        let d = extract_text(
            "",
            "在全国高新区排名中，德阳高新区高新技术企业数量位居第3。",
        );
        assert!(d[0].label.contains("高新技术企业"), "{:?}", d[0]);
    }

    fn cut(text: &str, max: usize) -> Vec<&str> {
        let ps = parts(text, max);
        assert_eq!(ps.first().map(|p| p.start), Some(0));
        assert_eq!(ps.last().map(|p| p.end), Some(text.len()));
        assert!(ps.windows(2).all(|w| w[0].end == w[1].start));
        ps.into_iter().map(|p| &text[p]).collect()
    }

    #[test]
    fn short_text_is_one_part() {
        assert_eq!(cut("园区企业2443家。", 1024), ["园区企业2443家。"]);
        assert_eq!(cut("", 8), [""]);
    }

    #[test]
    fn parts_end_at_line_breaks_then_sentences_then_outside_numbers() {
        assert_eq!(
            cut("甲乙丙丁\n戊己庚辛\n", 18),
            ["甲乙丙丁\n", "戊己庚辛\n"]
        );
        assert_eq!(cut("甲乙丙。丁戊己。", 15), ["甲乙丙。", "丁戊己。"]);
        // No punctuation at all: never between a number's digits, magnitude and unit.
        for p in cut("新增企业2443家营业收入5200亿元同比增长11.3％", 30) {
            assert!(!p.starts_with(|c: char| in_number(c)), "{p}");
        }
        let long = "企业1234567家".repeat(50);
        let ps = cut(&long, 40);
        assert!(ps.iter().all(|p| p.len() <= 40));
        assert!(
            ps.iter()
                .all(|p| p.starts_with('企') || p.starts_with('业')),
            "{ps:?}"
        );
    }

    #[test]
    fn a_char_wider_than_the_limit_still_makes_progress() {
        assert_eq!(cut("中文", 2), ["中", "文"]);
    }

    #[test]
    fn long_articles_keep_figures_at_their_offsets() {
        let gaz = Gazetteer::bundled();
        let para = "成都高新区新增高新技术企业2443家，营业收入突破5200亿元，同比增长11.3％。";
        let text = para.repeat(3 * PART / para.len());
        assert!(parts(&text, PART).len() > 2);
        let found = extract(gaz, "", &[], &text, None);
        let head = Headline {
            title: "",
            mentions: Vec::new(),
            setting: Setting::default(),
            time: DocTime::default(),
        };
        let whole = extract_part(gaz, para, &head);
        assert_eq!(whole.drafts.len(), 3);
        assert_eq!(found.drafts.len(), 3 * (text.len() / para.len()));
        for d in &found.drafts {
            assert_eq!(text[d.range.clone()], d.raw);
            let local = (d.range.start % para.len())..;
            let w = whole.drafts.iter().find(|w| w.range.start == local.start);
            let w = w.unwrap_or_else(|| panic!("{d:?}"));
            assert_eq!((&w.raw, w.value, &w.place), (&d.raw, d.value, &d.place));
            assert_eq!(text[d.sentence.clone()], *para);
        }
    }
}
