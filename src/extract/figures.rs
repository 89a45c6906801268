//! One article → its figures: quantities with their context, label, metric and region.

use std::ops::Range;

use super::attribution::Context;
use super::context;
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
    let place_ranges: Vec<Range<usize>> = mentions.iter().map(|m| m.range.clone()).collect();
    let mut drafts: Vec<Draft> = quantity::scan(text)
        .into_iter()
        .map(|q| {
            let at = q.range.clone();
            let label = label(text, at.clone(), &place_ranges);
            let unit = match q.kind {
                QuantityKind::Fraction => "ratio".to_string(),
                QuantityKind::Rank => "位次".to_string(),
                _ => q.unit.clone(),
            };
            let metric = match q.kind {
                QuantityKind::Rank => Some("rank"),
                _ => metric_for(&label, &unit).map(|m| m.id),
            };
            Draft {
                sentence: context::sentence(text, at.clone()),
                raw: text[at.clone()].to_string(),
                value: q.value,
                qualifier: context::qualifier(text, at.clone(), q.inner_qualifier),
                modality: context::modality(text, at.clone()),
                year: context::year(text, at.clone()),
                place: ctx.region_for(at.clone()),
                metric,
                label,
                unit,
                range: at,
            }
        })
        .collect();
    drafts.sort_by_key(|d| (d.range.start, d.range.end));
    ArticleFigures { drafts, mentions }
}
