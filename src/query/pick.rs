//! Which figure speaks for a region on a metric when there are several: an achieved figure
//! before a target or forecast, then the latest year, then the first in the sources.

use std::cmp::Reverse;

use super::index::Index;
use crate::dataset::{Measure, Modality};

/// The figure chosen for a region and metric.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Pick {
    /// Figure index.
    pub figure: usize,
    /// How many figures were candidates (1 when there was no choice).
    pub of: usize,
}

impl Pick {
    /// Why this figure was chosen, when there was a choice: `latest actual of 3`.
    pub fn note(&self, ix: &Index) -> Option<String> {
        if self.of < 2 {
            return None;
        }
        let actual = ix
            .figure(self.figure)
            .is_some_and(|f| f.modality == Modality::Actual);
        let which = if actual { "latest actual" } else { "latest" };
        Some(format!("{which} of {}", self.of))
    }
}

/// The figure for `region` on `metric` in the metric's primary measure (in `year`, when
/// given), if it has any. See [`pick_like`].
pub fn pick(ix: &Index, region: usize, metric: &str, year: Option<i32>) -> Option<Pick> {
    pick_like(ix, region, metric, ix.primary_measure(metric), year)
}

/// The figure for `region` on `metric` and `measure` (in `year`, when given), among figures
/// like for like: rankable (a catalogue metric, no scope) and of that measure. A part's figure
/// (`国家级` incubators) or another measure (growth of revenue) never stands for the region.
pub fn pick_like(
    ix: &Index,
    region: usize,
    metric: &str,
    measure: Measure,
    year: Option<i32>,
) -> Option<Pick> {
    let figs = ix.region_figs.get(region)?;
    let candidates: Vec<usize> = figs
        .iter()
        .copied()
        .filter(|&f| {
            ix.figure(f).is_some_and(|x| {
                x.is_like(metric, measure)
                    && x.value.is_finite()
                    && (year.is_none() || x.year == year)
            })
        })
        .collect();
    let figure = candidates.iter().copied().max_by_key(|&f| {
        let x = &ix.data.figures[f];
        (x.modality == Modality::Actual, x.year, Reverse(f))
    })?;
    Some(Pick {
        figure,
        of: candidates.len(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::query::index::tests::{fig, index};

    #[test]
    fn actual_beats_target_then_latest_year_then_first() {
        let ix = index(vec![
            fig("a", 0, "gdp", 5.0, Some(2030), Modality::Target),
            fig("a", 0, "gdp", 1.0, Some(2020), Modality::Actual),
            fig("a", 0, "gdp", 2.0, Some(2022), Modality::Actual),
            fig("b", 0, "gdp", 3.0, Some(2022), Modality::Actual),
            fig("b", 1, "gdp", 9.0, None, Modality::Actual),
        ]);
        let p = pick(&ix, 0, "gdp", None).unwrap();
        assert_eq!((p.figure, p.of), (2, 4));
        assert_eq!(p.note(&ix).as_deref(), Some("latest actual of 4"));
        assert_eq!(pick(&ix, 0, "gdp", Some(2020)).unwrap().figure, 1);
        assert_eq!(pick(&ix, 0, "overall_standing", None), None);
        let only = pick(&ix, 1, "gdp", None).unwrap();
        assert_eq!((only.figure, only.of, only.note(&ix)), (4, 1, None));
    }
}
