//! Where sources disagree: the same region, metric and year (and modality) with different
//! values from different articles. Both figures are kept and flagged; none is silently chosen.

use std::collections::BTreeMap;

use crate::dataset::{Dataset, Figure, Modality};

/// Figures that should agree and do not.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Conflict {
    /// Region index.
    pub region: usize,
    /// Metric id.
    pub metric: String,
    /// The year they all refer to.
    pub year: i32,
    /// Every figure of the group, in source order.
    pub figures: Vec<usize>,
}

fn differ(a: &Figure, b: &Figure) -> bool {
    let scale = a.value.abs().max(b.value.abs()).max(1e-12);
    a.unit != b.unit || (a.value - b.value).abs() / scale > 1e-9
}

/// Finds every conflict; `region_of` gives each figure's region index. Figures without a
/// year are left out: two undated figures may well be about different years.
pub fn find(data: &Dataset, region_of: &[Option<usize>]) -> Vec<Conflict> {
    let mut groups: BTreeMap<(usize, &str, i32, Modality), Vec<usize>> = BTreeMap::new();
    for (i, f) in data.figures.iter().enumerate() {
        let (Some(Some(r)), Some(m), Some(y)) = (region_of.get(i), f.metric.as_deref(), f.year)
        else {
            continue;
        };
        groups.entry((*r, m, y, f.modality)).or_default().push(i);
    }
    groups
        .into_iter()
        .filter(|(_, figs)| {
            figs.iter().enumerate().any(|(k, &a)| {
                figs[k + 1..].iter().any(|&b| {
                    let (fa, fb) = (&data.figures[a], &data.figures[b]);
                    fa.article != fb.article && differ(fa, fb)
                })
            })
        })
        .map(|((region, metric, year, _), figures)| Conflict {
            region,
            metric: metric.to_string(),
            year,
            figures,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use crate::dataset::Modality::{Actual, Target};
    use crate::query::index::tests::{fig, index};

    #[test]
    fn different_values_from_different_articles_conflict() {
        let ix = index(vec![
            fig("a", 0, "gdp", 1.0, Some(2022), Actual),
            fig("b", 0, "gdp", 2.0, Some(2022), Actual),
            fig("c", 0, "gdp", 1.0, Some(2022), Actual),
            // Same article, different values: a breakdown, not a disagreement.
            fig("a", 1, "gdp", 1.0, Some(2022), Actual),
            fig("a", 1, "gdp", 2.0, Some(2022), Actual),
            // Same value from two articles: they agree.
            fig("a", 2, "gdp", 1.0, Some(2022), Actual),
            fig("b", 2, "gdp", 1.0, Some(2022), Actual),
            // A target and an actual figure do not contradict each other.
            fig("a", 3, "gdp", 1.0, Some(2022), Actual),
            fig("b", 3, "gdp", 5.0, Some(2022), Target),
            // Undated figures may be about different years.
            fig("a", 0, "rank", 1.0, None, Actual),
            fig("b", 0, "rank", 3.0, None, Actual),
        ]);
        assert_eq!(ix.conflicts.len(), 1, "{:?}", ix.conflicts);
        assert_eq!(ix.conflicts[0].figures, [0, 1, 2]);
        assert_eq!(ix.conflicts[0].year, 2022);
        assert_eq!(ix.figure_conflict[1], Some(0));
        assert_eq!(ix.figure_conflict[4], None);
    }
}
