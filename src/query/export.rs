//! Every figure as one flat row, with where it is, what it measures and the sentence it came
//! from: for spreadsheets and scripts.

use serde::Serialize;

use super::index::Index;
use crate::dataset::RegionKind;

/// Column names of [`ExportRow::cells`], in order.
pub const EXPORT_COLUMNS: &[&str] = &[
    "id",
    "region",
    "kind",
    "province",
    "city",
    "metric",
    "measure",
    "scope",
    "label",
    "value",
    "unit",
    "qualifier",
    "modality",
    "year",
    "article_title",
    "source_file",
    "sentence",
    "conflict",
];

/// One figure, flattened.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ExportRow {
    /// Figure id.
    pub id: String,
    /// Region name, `""` when the figure has none.
    pub region: String,
    /// Region kind (`city`, `park`, …), `""` when none.
    pub kind: String,
    /// The province the region is in (or is), `""` when none.
    pub province: String,
    /// The prefecture-level city the region is in (or is), `""` when none.
    pub city: String,
    /// Catalogue metric id, `""` when the figure is no indicator of the catalogue.
    pub metric: String,
    /// How the number relates to the metric (`level`, `growth`, …).
    pub measure: String,
    /// The part of the region covered, `""` for the region's own total.
    pub scope: String,
    /// What is measured, in the article's words.
    pub label: String,
    /// Value in the base unit.
    pub value: f64,
    /// Base unit.
    pub unit: String,
    /// Hedge (`exact`, `over`, …).
    pub qualifier: String,
    /// `actual`, `target` or `forecast`.
    pub modality: String,
    /// The year it refers to.
    pub year: Option<i32>,
    /// The article's headline.
    pub article_title: String,
    /// The input file the article came from.
    pub source_file: String,
    /// The sentence holding the figure.
    pub sentence: String,
    /// Another article gives a different value for the same region, metric and year.
    pub conflict: bool,
}

/// A serde enum's snake_case name.
fn name<T: Serialize>(v: &T) -> String {
    match serde_json::to_value(v) {
        Ok(serde_json::Value::String(s)) => s,
        _ => String::new(),
    }
}

impl ExportRow {
    /// The row as text cells, in [`EXPORT_COLUMNS`] order.
    pub fn cells(&self) -> Vec<String> {
        vec![
            self.id.clone(),
            self.region.clone(),
            self.kind.clone(),
            self.province.clone(),
            self.city.clone(),
            self.metric.clone(),
            self.measure.clone(),
            self.scope.clone(),
            self.label.clone(),
            self.value.to_string(),
            self.unit.clone(),
            self.qualifier.clone(),
            self.modality.clone(),
            self.year.map(|y| y.to_string()).unwrap_or_default(),
            self.article_title.clone(),
            self.source_file.clone(),
            self.sentence.clone(),
            self.conflict.to_string(),
        ]
    }
}

/// One row per figure, in the dataset's order.
pub fn export_rows(ix: &Index) -> Vec<ExportRow> {
    (0..ix.data.figures.len())
        .filter_map(|i| row(ix, i))
        .collect()
}

fn row(ix: &Index, i: usize) -> Option<ExportRow> {
    let f = ix.figure(i)?;
    let r = ix.figure_region(f);
    let region_name = |k: Option<usize>| {
        k.and_then(|k| ix.region(k))
            .map_or(String::new(), |x| x.name.clone())
    };
    let article = ix.figure_article.get(i).copied().flatten();
    let article = article.and_then(|a| ix.article(a));
    Some(ExportRow {
        id: f.id.clone(),
        region: region_name(r),
        kind: r
            .and_then(|r| ix.region(r))
            .map_or(String::new(), |x| name(&x.kind)),
        province: region_name(r.and_then(|r| ix.ancestor(r, RegionKind::Province))),
        city: region_name(r.and_then(|r| ix.ancestor(r, RegionKind::City))),
        metric: f.metric.clone().unwrap_or_default(),
        measure: f.measure.as_str().to_string(),
        scope: f.scope.clone().unwrap_or_default(),
        label: f.label.clone(),
        value: f.value,
        unit: f.unit.clone(),
        qualifier: name(&f.qualifier),
        modality: name(&f.modality),
        year: f.year,
        article_title: article.map_or(String::new(), |a| a.title.clone()),
        source_file: article.map_or(String::new(), |a| a.source.clone()),
        sentence: ix.sentence(i).0.into_iter().collect(),
        conflict: ix.in_conflict(i),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dataset::Modality::Actual;
    use crate::query::index::tests::{fig, index};

    #[test]
    fn one_row_per_figure_with_its_places() {
        let ix = index(vec![
            fig("a", 2, "gdp", 1.5, Some(2022), Actual),
            fig("b", 3, "gdp", 2.0, None, Actual),
        ]);
        let rows = export_rows(&ix);
        assert_eq!(rows.len(), 2);
        let r = &rows[0];
        assert_eq!(
            (r.region.as_str(), r.kind.as_str(), r.city.as_str()),
            ("甲高新区", "park", "甲市")
        );
        assert_eq!((r.province.as_str(), r.modality.as_str()), ("", "actual"));
        assert_eq!(
            (r.sentence.as_str(), r.source_file.as_str()),
            ("一二", "a.txt")
        );
        let cells = r.cells();
        assert_eq!(cells.len(), EXPORT_COLUMNS.len());
        let col = |name: &str| EXPORT_COLUMNS.iter().position(|c| *c == name).unwrap();
        assert_eq!(cells[col("value")], "1.5");
        assert_eq!(cells[col("measure")], "level");
        assert_eq!(cells[col("scope")], "");
        assert_eq!(rows[1].cells()[col("year")], "");
    }
}
