//! How a region's figure on one metric moved over the years: one point per year, for every
//! metric the region has in two or more years.

use super::format;
use super::index::Index;
use super::pick::pick_like;
use crate::dataset::{Measure, Modality};

/// One year of a trend.
#[derive(Debug, Clone, PartialEq)]
pub struct TrendPoint {
    /// The year.
    pub year: i32,
    /// Value in the base unit.
    pub value: f64,
    /// The figure (see [`pick`] for which one when a year has several).
    pub figure: usize,
    /// Achieved, target or forecast.
    pub modality: Modality,
}

/// A metric over the years.
#[derive(Debug, Clone, PartialEq)]
pub struct Trend {
    /// Metric id.
    pub metric: String,
    /// The unit every point is in.
    pub unit: String,
    /// Oldest first, one per year.
    pub points: Vec<TrendPoint>,
}

/// Every metric `region` has levels for in two or more years, in the dataset's metric order:
/// a trend is a series of the region's own totals (`level`, no scope), never growth rates or a
/// part's figures mixed in.
/// Points in another unit than the metric's most common one are left out: they do not plot on
/// the same axis.
pub fn trends(ix: &Index, region: usize) -> Vec<Trend> {
    let Some(figs) = ix.region_figs.get(region) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    for m in &ix.data.metrics {
        let dated: Vec<&crate::dataset::Figure> = figs
            .iter()
            .filter_map(|&f| ix.figure(f))
            .filter(|f| f.is_like(&m.id, Measure::Level) && f.year.is_some())
            .collect();
        let unit = format::common_unit(dated.iter().map(|f| f.unit.as_str()));
        let mut years: Vec<i32> = dated
            .iter()
            .filter(|f| f.unit == unit)
            .filter_map(|f| f.year)
            .collect();
        years.sort_unstable();
        years.dedup();
        if years.len() < 2 {
            continue;
        }
        let points = years
            .into_iter()
            .filter_map(|y| {
                let p = pick_like(ix, region, &m.id, Measure::Level, Some(y))?;
                let f = ix.figure(p.figure).filter(|f| f.unit == unit)?;
                Some(TrendPoint {
                    year: y,
                    value: f.value,
                    figure: p.figure,
                    modality: f.modality,
                })
            })
            .collect::<Vec<_>>();
        if points.len() >= 2 {
            out.push(Trend {
                metric: m.id.clone(),
                unit,
                points,
            });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dataset::Modality::{Actual, Target};
    use crate::query::index::tests::{fig, index};

    #[test]
    fn one_point_per_year_for_metrics_with_several_years() {
        let ix = index(vec![
            fig("a", 0, "gdp", 1.0, Some(2021), Actual),
            fig("a", 0, "gdp", 3.0, Some(2025), Target),
            fig("b", 0, "gdp", 2.0, Some(2022), Actual),
            fig("b", 0, "gdp", 2.5, Some(2022), Actual),
            fig("a", 0, "enterprises", 5.0, Some(2022), Actual),
            fig("a", 0, "enterprises", 6.0, None, Actual),
        ]);
        let t = trends(&ix, 0);
        assert_eq!(t.len(), 1, "{t:?}");
        let years: Vec<(i32, f64)> = t[0].points.iter().map(|p| (p.year, p.value)).collect();
        assert_eq!(years, [(2021, 1.0), (2022, 2.0), (2025, 3.0)]);
        assert_eq!(t[0].points[2].modality, Target);
        assert!(trends(&ix, 1).is_empty());
        assert!(trends(&ix, 99).is_empty());
    }
}
