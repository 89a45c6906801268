//! Fields gaoxin adds for itself, derived when a document from another producer lacks them.

use super::Dataset;

/// Characters that end a sentence in article text.
fn ends_sentence(c: char) -> bool {
    matches!(c, '。' | '！' | '？' | '!' | '?' | '；' | ';' | '\n')
}

/// Gives every figure without a sentence (`[0, 0]`, what an absent field reads as: a figure's
/// sentence always holds its non-empty span) the sentence around its span. Figures whose article
/// or span does not fit are left for validation to report.
pub(crate) fn missing_sentences(ds: &mut Dataset) {
    if ds.figures.iter().all(|f| f.sentence != [0, 0]) {
        return;
    }
    let texts: std::collections::HashMap<&str, Vec<char>> = ds
        .articles
        .iter()
        .map(|a| (a.id.as_str(), a.text.chars().collect()))
        .collect();
    for f in ds.figures.iter_mut().filter(|f| f.sentence == [0, 0]) {
        let Some(chars) = texts.get(f.article.as_str()) else {
            continue;
        };
        let [start, end] = f.span;
        if start > end || end > chars.len() {
            continue;
        }
        let from = chars[..start]
            .iter()
            .rposition(|&c| ends_sentence(c))
            .map_or(0, |i| i + 1);
        let to = chars[end..]
            .iter()
            .position(|&c| ends_sentence(c))
            .map_or(chars.len(), |i| end + i + 1);
        f.sentence = [from, to];
    }
}

#[cfg(test)]
mod tests {
    use crate::dataset::from_json;
    use serde_json::json;
    use std::path::Path;

    fn doc(version: u32, figure: serde_json::Value) -> String {
        json!({
            "schema_version": version,
            "articles": [{"id": "a", "source": "a.txt", "title": "", "text": "前言。园区企业2443家，增长5%。后记"}],
            "regions": [{"id": "cn", "name": "全国", "kind": "nation", "parent": null, "aliases": [], "lon": null, "lat": null}],
            "metrics": [{"id": "enterprises", "zh": "企业数", "en": "Enterprises", "dimension": "count"}],
            "figures": [figure],
        })
        .to_string()
    }

    fn figure() -> serde_json::Value {
        json!({"id": "f", "article": "a", "region": "cn", "label": "企业", "metric": "enterprises",
               "value": 2443.0, "unit": "家", "raw": "2443家", "qualifier": "exact",
               "modality": "actual", "year": null, "span": [7, 12]})
    }

    #[test]
    fn a_figure_without_sentence_gets_the_one_around_its_span() {
        let ds = from_json(&doc(2, figure()), Path::new("x.json")).unwrap();
        assert_eq!(ds.figures[0].sentence, [3, 18]);
    }

    #[test]
    fn version_1_reads_as_level_without_scope_or_date() {
        let ds = from_json(&doc(1, figure()), Path::new("x.json")).unwrap();
        let f = &ds.figures[0];
        assert_eq!(f.measure, crate::dataset::Measure::Level);
        assert_eq!(f.scope, None);
        assert_eq!(ds.articles[0].date, None);
    }

    #[test]
    fn a_byte_order_mark_is_not_part_of_the_document() {
        let with_bom = format!("\u{feff}{}", doc(2, figure()));
        assert!(from_json(&with_bom, Path::new("x.json")).is_ok());
    }

    #[test]
    fn a_version_1_rank_dimension_still_loads() {
        let s = doc(1, figure()).replace("\"count\"", "\"rank\"");
        let ds = from_json(&s, Path::new("x.json")).unwrap();
        assert_eq!(ds.metrics[0].dimension, crate::dataset::Dimension::Other);
    }
}
