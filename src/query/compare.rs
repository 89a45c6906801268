//! Regions side by side: one row per metric and measure any of them has (`营业收入`,
//! `营业收入 · 增长`), one cell per region, each row in one magnitude so its values line up, the
//! best value of a row marked. Only like-for-like figures fill a row: the metric, the row's
//! measure, no scope.

use super::format::{self, Scale};
use super::i18n::Lang;
use super::index::Index;
use super::pick::pick_like;
use super::resolve::QueryError;
use crate::dataset::{Measure, Modality, Qualifier};

/// The fewest regions a comparison takes.
pub const MIN_REGIONS: usize = 2;
/// The most regions a comparison takes.
pub const MAX_REGIONS: usize = 6;

/// One region's figure in a row.
#[derive(Debug, Clone, PartialEq)]
pub struct Cell {
    /// Figure index (open it for the source).
    pub figure: usize,
    /// Value in the base unit.
    pub value: f64,
    /// The figure's unit.
    pub unit: String,
    /// The year it refers to.
    pub year: Option<i32>,
    /// Achieved, target or forecast.
    pub modality: Modality,
    /// Hedge.
    pub qualifier: Qualifier,
    /// How many figures the region has for this metric (this one was picked).
    pub of: usize,
    /// Another article gives a different value for the same year.
    pub conflict: bool,
}

/// One metric and measure across the compared regions.
#[derive(Debug, Clone, PartialEq)]
pub struct CompareRow {
    /// Metric id.
    pub metric: String,
    /// The measure every cell of the row has.
    pub measure: Measure,
    /// The row's magnitude and unit.
    pub scale: Scale,
    /// One per compared region; `None` where the region has no figure.
    pub cells: Vec<Option<Cell>>,
    /// The cell with the best achieved value (the lowest for rankings), when two or more
    /// achieved values compare; targets and forecasts are never best.
    pub best: Option<usize>,
    /// The cells refer to different years (or some year is unknown).
    pub years_differ: bool,
}

impl CompareRow {
    /// A cell's text in the row's scale: hedge, number, the unit when it is not the row's,
    /// the modality marker, the year when the row's years differ, and `≠` when sources
    /// disagree: `≥1.5 目标 (2025)`.
    pub fn cell_text(&self, i: usize, lang: Lang) -> Option<String> {
        let c = self.cells.get(i)?.as_ref()?;
        let scale = self.scale.in_lang(lang);
        let mut s = format!(
            "{}{}",
            format::qualifier(c.qualifier),
            scale.number(c.value)
        );
        // A cell in another unit than its row says so, magnitude included: `~10 万人` in a row of
        // 万名, never a bare `~10 人`.
        if c.unit != self.scale.unit && !(c.unit == "ratio" && self.scale.unit == "%") {
            let tail = match lang {
                Lang::Zh => format!("{}{}", scale.magnitude, c.unit),
                Lang::En => format!("{} {}", scale.magnitude, format::unit_en(&c.unit)),
            };
            if !tail.trim().is_empty() {
                s.push(' ');
                s.push_str(tail.trim());
            }
        }
        let m = format::modality(c.modality, lang);
        if !m.is_empty() {
            s.push(' ');
            s.push_str(m);
        }
        if self.years_differ
            && let Some(y) = c.year
        {
            s.push_str(&format!(" ({y})"));
        }
        if c.conflict {
            s.push_str(" ≠");
        }
        Some(s)
    }
}

/// A comparison of regions.
#[derive(Debug, Clone, PartialEq)]
pub struct Comparison {
    /// Region indices, one per column.
    pub regions: Vec<usize>,
    /// One per metric and measure, in the dataset's metric order, then the measures' order.
    pub rows: Vec<CompareRow>,
}

/// Compares 2 to 6 regions on `metrics` (metric ids), or on every metric any of them has. A
/// metric gives a row for each measure any of the regions has for it; a metric named in
/// `metrics` that none has gives one empty row in its primary measure.
pub fn compare(
    ix: &Index,
    regions: &[usize],
    metrics: Option<&[String]>,
) -> Result<Comparison, QueryError> {
    if !(MIN_REGIONS..=MAX_REGIONS).contains(&regions.len()) {
        return Err(QueryError::RegionCount(regions.len()));
    }
    let wanted: Vec<&str> = match metrics {
        Some(m) => m.iter().map(String::as_str).collect(),
        None => ix.data.metrics.iter().map(|m| m.id.as_str()).collect(),
    };
    let mut rows = Vec::new();
    for metric in wanted {
        let has = |measure| {
            regions
                .iter()
                .any(|&r| pick_like(ix, r, metric, measure, None).is_some())
        };
        let measures: Vec<Measure> = Measure::ALL.into_iter().filter(|&m| has(m)).collect();
        if measures.is_empty() && metrics.is_some() {
            rows.push(row(ix, regions, metric, ix.primary_measure(metric)));
        }
        rows.extend(measures.into_iter().map(|m| row(ix, regions, metric, m)));
    }
    Ok(Comparison {
        regions: regions.to_vec(),
        rows,
    })
}

fn row(ix: &Index, regions: &[usize], metric: &str, measure: Measure) -> CompareRow {
    let cells: Vec<Option<Cell>> = regions
        .iter()
        .map(|&r| {
            let p = pick_like(ix, r, metric, measure, None)?;
            let f = ix.figure(p.figure)?;
            Some(Cell {
                figure: p.figure,
                value: f.value,
                unit: f.unit.clone(),
                year: f.year,
                modality: f.modality,
                qualifier: f.qualifier,
                of: p.of,
                conflict: ix.in_conflict(p.figure),
            })
        })
        .collect();
    let present: Vec<&Cell> = cells.iter().flatten().collect();
    // Cells in another unit than the row's keep theirs, written out.
    let unit = format::common_unit(present.iter().map(|c| c.unit.as_str()));
    let scale = Scale::for_values(present.iter().map(|c| c.value), &unit);
    let lower_wins = measure.lower_is_better();
    let comparable: Vec<(usize, f64)> = cells
        .iter()
        .enumerate()
        .filter_map(|(i, c)| {
            let c = c.as_ref()?;
            (c.unit == unit && c.modality == Modality::Actual).then_some((i, c.value))
        })
        .collect();
    let best = if comparable.len() >= 2 {
        let better = |a: &(usize, f64), b: &(usize, f64)| {
            let o = a.1.total_cmp(&b.1);
            // On ties the first column wins.
            let o = if lower_wins { o.reverse() } else { o };
            o.then(b.0.cmp(&a.0))
        };
        comparable.iter().max_by(|a, b| better(a, b)).map(|b| b.0)
    } else {
        None
    };
    let mut years: Vec<Option<i32>> = present.iter().map(|c| c.year).collect();
    years.sort_unstable();
    years.dedup();
    CompareRow {
        metric: metric.to_string(),
        measure,
        scale,
        cells,
        best,
        years_differ: years.len() > 1,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dataset::Modality::{Actual, Target};
    use crate::query::index::tests::{fig, index};

    #[test]
    fn rows_line_up_in_one_magnitude_and_mark_the_best() {
        let mut growth = fig("a", 1, "gdp", 12.0, Some(2022), Actual);
        growth.measure = Measure::Growth;
        growth.unit = "%".into();
        let ix = index(vec![
            fig("a", 0, "gdp", 5.2e11, Some(2022), Actual),
            fig("a", 1, "gdp", 3.0e9, Some(2021), Actual),
            fig("a", 1, "enterprises", 278.0, Some(2022), Target),
            fig("a", 0, "overall_standing", 3.0, Some(2022), Actual),
            fig("b", 1, "overall_standing", 1.0, Some(2022), Actual),
            growth,
        ]);
        let mut c = compare(&ix, &[0, 1], None).unwrap();
        let ids: Vec<&str> = c.rows.iter().map(|r| r.metric.as_str()).collect();
        assert_eq!(ids, ["gdp", "gdp", "enterprises", "overall_standing"]);
        assert_eq!(c.rows[1].measure, Measure::Growth);
        assert_eq!(c.rows[1].cells[0], None);
        c.rows.remove(1);
        let gdp = &c.rows[0];
        assert_eq!(gdp.scale.suffix(), "亿元");
        assert_eq!(gdp.cell_text(0, Lang::Zh).unwrap(), "5,200 (2022)");
        assert_eq!(gdp.cell_text(1, Lang::Zh).unwrap(), "30 (2021)");
        assert_eq!(gdp.best, Some(0));
        let ent = &c.rows[1];
        assert_eq!(ent.cells[0], None);
        assert_eq!(ent.best, None, "one value is not a comparison");
        assert_eq!(ent.cell_text(1, Lang::Zh).unwrap(), "278 目标");
        let rank = &c.rows[2];
        assert_eq!(rank.best, Some(1), "the lower rank is the better one");
        assert!(!rank.years_differ);
    }

    #[test]
    fn region_count_and_chosen_metrics() {
        let ix = index(vec![fig("a", 0, "gdp", 1.0, None, Actual)]);
        assert_eq!(compare(&ix, &[0], None), Err(QueryError::RegionCount(1)));
        assert!(compare(&ix, &[0; 7], None).is_err());
        let only = ["overall_standing".to_string()];
        let c = compare(&ix, &[0, 1], Some(&only)).unwrap();
        assert_eq!(c.rows.len(), 1);
        assert_eq!(c.rows[0].cells, [None, None]);
    }
}
