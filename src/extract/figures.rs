//! One article → its figures: quantities with their context, label, metric and region.

use std::ops::Range;

use super::attribution::Context;
use super::context::{self, Around};
use super::gazetteer::Gazetteer;
use super::label::label;
use super::metrics::metric_for;
use super::places::{Mention, Place, find_mentions};
use super::quantity::{self, QuantityKind};
use crate::dataset::{Modality, Qualifier};

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
    /// Hedge.
    pub qualifier: Qualifier,
    /// Actual, target or forecast.
    pub modality: Modality,
    /// The year it refers to.
    pub year: Option<i32>,
    /// What is measured, in the article's words.
    pub label: String,
    /// Canonical metric id.
    pub metric: Option<&'static str>,
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

/// What extraction found in one article.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct ArticleFigures {
    /// Figures in text order.
    pub drafts: Vec<Draft>,
    /// Every place the article names, in text order.
    pub mentions: Vec<Mention>,
}

/// Extracts the figures of one article.
pub fn extract(gaz: &Gazetteer, title: &str, text: &str) -> ArticleFigures {
    let mentions = find_mentions(gaz, text);
    let title_mentions = find_mentions(gaz, title);
    let ctx = Context::new(gaz, text, &mentions, &title_mentions);
    let quantities = quantity::scan(text);
    // A label never reaches back past a place name or another figure in its clause.
    let mut bounds: Vec<Range<usize>> = mentions.iter().map(|m| m.range.clone()).collect();
    bounds.extend(quantities.iter().map(|q| q.range.clone()));
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
                year: context::year(text, at.clone(), &around),
                place: ctx.region_for(at.clone(), around.sentence.clone()),
                sentence: around.sentence,
                metric: None,
                label,
                unit,
                range: at,
            }
        })
        .collect();
    drafts.sort_by_key(|d| (d.range.start, d.range.end));
    share_labels(text, &mut drafts);
    for d in &mut drafts {
        d.metric = if d.unit == "位次" {
            Some("rank")
        } else {
            metric_for(&d.label, &d.unit).map(|m| m.id)
        };
    }
    ArticleFigures { drafts, mentions }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn extract_text(title: &str, text: &str) -> Vec<Draft> {
        extract(Gazetteer::bundled(), title, text).drafts
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
        assert_eq!(d[1].metric, Some("growth_rate"));
        assert_eq!(d[1].unit, "%");
    }

    #[test]
    fn listed_figures_share_a_label() {
        let d = extract_text("", "常州高新区在全国高新区中的排名位列第21位和第35位。");
        assert_eq!(d.len(), 2, "{d:?}");
        assert!(!d[0].label.is_empty());
        assert_eq!(d[0].label, d[1].label);
        assert_eq!(d[1].metric, Some("rank"));
    }
}
