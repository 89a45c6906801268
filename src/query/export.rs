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

/// Which figures an export takes; empty lists and `None` take all.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ExportFilter {
    /// Figures about these regions or any region inside them (region indices).
    pub regions: Vec<usize>,
    /// Figures on these metrics (ids).
    pub metrics: Vec<String>,
    /// Figures about this year.
    pub year: Option<i32>,
    /// Figures about regions of this kind.
    pub kind: Option<RegionKind>,
}

impl ExportFilter {
    /// Whether figure `i` passes.
    pub fn admits(&self, ix: &Index, i: usize) -> bool {
        let Some(f) = ix.figure(i) else {
            return false;
        };
        let region = ix.region_of.get(i).copied().flatten();
        let inside = |r: usize, outer: usize| {
            let mut cur = Some(r);
            for _ in 0..=16 {
                match cur {
                    Some(c) if c == outer => return true,
                    Some(c) => cur = ix.parent[c],
                    None => return false,
                }
            }
            false
        };
        (self.regions.is_empty()
            || region.is_some_and(|r| self.regions.iter().any(|&o| inside(r, o))))
            && (self.metrics.is_empty()
                || f.metric.as_ref().is_some_and(|m| self.metrics.contains(m)))
            && self.year.is_none_or(|y| f.year == Some(y))
            && self.kind.is_none_or(|k| {
                region
                    .and_then(|r| ix.region(r))
                    .is_some_and(|x| x.kind == k)
            })
    }
}

/// One figure, flattened.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ExportRow {
    /// Index of the figure in the dataset.
    #[serde(skip)]
    pub figure: usize,
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
    /// The row as typed values in [`EXPORT_COLUMNS`] order: numbers stay numbers, a missing
    /// year is null.
    pub fn record(&self) -> Vec<serde_json::Value> {
        let obj = match serde_json::to_value(self) {
            Ok(serde_json::Value::Object(obj)) => obj,
            _ => serde_json::Map::new(),
        };
        EXPORT_COLUMNS
            .iter()
            .map(|c| obj.get(*c).cloned().unwrap_or(serde_json::Value::Null))
            .collect()
    }

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
        .filter_map(|i| export_row(ix, i))
        .collect()
}

/// One row per figure `filter` admits, in the dataset's order.
pub fn export_rows_where(ix: &Index, filter: &ExportFilter) -> Vec<ExportRow> {
    (0..ix.data.figures.len())
        .filter(|&i| filter.admits(ix, i))
        .filter_map(|i| export_row(ix, i))
        .collect()
}

/// Figure `i` as a row.
pub fn export_row(ix: &Index, i: usize) -> Option<ExportRow> {
    let f = ix.figure(i)?;
    let r = ix.region_of.get(i).copied().flatten();
    let region_name = |k: Option<usize>| {
        k.and_then(|k| ix.region(k))
            .map_or(String::new(), |x| x.name.clone())
    };
    let article = ix.figure_article.get(i).copied().flatten();
    let article = article.and_then(|a| ix.article(a));
    Some(ExportRow {
        figure: i,
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

    #[test]
    fn filters_take_regions_with_what_is_inside_them() {
        let ix = index(vec![
            fig("a", 2, "gdp", 1.5, Some(2022), Actual),
            fig("b", 0, "enterprises", 2.0, Some(2021), Actual),
            fig("b", 1, "gdp", 3.0, None, Actual),
        ]);
        let ids = |f: &ExportFilter| -> Vec<usize> {
            export_rows_where(&ix, f).iter().map(|r| r.figure).collect()
        };
        let city = ExportFilter {
            regions: vec![0],
            ..ExportFilter::default()
        };
        assert_eq!(ids(&city), [0, 1], "the park is inside the city");
        let gdp = ExportFilter {
            metrics: vec!["gdp".into()],
            ..ExportFilter::default()
        };
        assert_eq!(ids(&gdp), [0, 2]);
        let year = ExportFilter {
            year: Some(2021),
            ..ExportFilter::default()
        };
        assert_eq!(ids(&year), [1]);
        let parks = ExportFilter {
            kind: Some(RegionKind::Park),
            ..ExportFilter::default()
        };
        assert_eq!(ids(&parks), [0]);
        assert_eq!(ids(&ExportFilter::default()), [0, 1, 2]);
    }
}
