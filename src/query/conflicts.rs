//! Where figures disagree: like-for-like figures (same region, metric, measure, year and
//! modality, no scope) with different values, from one article or several. All are kept and
//! flagged; none is silently chosen.

use std::collections::BTreeMap;

use crate::dataset::{Dataset, Figure, Measure, Modality};

/// Figures that should agree and do not.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Conflict {
    /// Region index.
    pub region: usize,
    /// Metric id.
    pub metric: String,
    /// The measure they share.
    pub measure: Measure,
    /// The year they all refer to; `None` when none of them gives one.
    pub year: Option<i32>,
    /// Every figure of the group, in source order.
    pub figures: Vec<usize>,
}

fn differ(a: &Figure, b: &Figure) -> bool {
    let scale = a.value.abs().max(b.value.abs()).max(1e-12);
    a.unit != b.unit || (a.value - b.value).abs() / scale > 1e-9
}

/// Whether any two of `figs` differ, in time linear in their number: with one unit and
/// finite values, some pair differs exactly when the smallest and the largest value do (the
/// relative difference of two values of one sign grows as they move apart; values of
/// opposite signs differ from each other and so do the extremes). Anything else is compared
/// pair by pair.
fn any_differ(data: &Dataset, figs: &[usize]) -> bool {
    let fig = |i: usize| &data.figures[i];
    let Some(&first) = figs.first() else {
        return false;
    };
    let same_unit = figs.iter().all(|&i| fig(i).unit == fig(first).unit);
    if same_unit && figs.iter().all(|&i| fig(i).value.is_finite()) {
        let by_value = |&a: &&usize, &b: &&usize| fig(*a).value.total_cmp(&fig(*b).value);
        let (Some(&lo), Some(&hi)) = (figs.iter().min_by(by_value), figs.iter().max_by(by_value))
        else {
            return false;
        };
        return differ(fig(lo), fig(hi));
    }
    figs.iter()
        .enumerate()
        .any(|(k, &a)| figs[k + 1..].iter().any(|&b| differ(fig(a), fig(b))))
}

/// Finds every conflict; `region_of` gives each figure's region index. Undated figures are
/// grouped with the undated: whether or not they speak of one year, a reader must see both
/// rather than one picked for them.
pub fn find(data: &Dataset, region_of: &[Option<usize>]) -> Vec<Conflict> {
    type Key<'a> = (usize, &'a str, Measure, Option<i32>, Modality);
    let mut groups: BTreeMap<Key, Vec<usize>> = BTreeMap::new();
    for (i, f) in data.figures.iter().enumerate() {
        let (Some(Some(r)), Some(m)) = (region_of.get(i), f.metric.as_deref()) else {
            continue;
        };
        if !f.is_rankable() {
            continue;
        }
        groups
            .entry((*r, m, f.measure, f.year, f.modality))
            .or_default()
            .push(i);
    }
    groups
        .into_iter()
        .filter(|(_, figs)| any_differ(data, figs))
        .map(|((region, metric, measure, year, _), figures)| Conflict {
            region,
            metric: metric.to_string(),
            measure,
            year,
            figures,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use crate::dataset::Measure;
    use crate::dataset::Modality::{Actual, Target};
    use crate::query::index::tests::{fig, index};

    #[test]
    fn like_figures_with_different_values_conflict() {
        let growth = {
            let mut f = fig("b", 0, "gdp", 9.0, Some(2022), Actual);
            f.measure = Measure::Growth;
            f
        };
        let part = {
            let mut f = fig("b", 0, "gdp", 7.0, Some(2022), Actual);
            f.scope = Some("工业".into());
            f
        };
        let ix = index(vec![
            fig("a", 0, "gdp", 1.0, Some(2022), Actual),
            fig("b", 0, "gdp", 2.0, Some(2022), Actual),
            fig("c", 0, "gdp", 1.0, Some(2022), Actual),
            // Another measure or a part of the region is not like for like.
            growth,
            part,
            // Same value from two articles: they agree.
            fig("a", 2, "gdp", 1.0, Some(2022), Actual),
            fig("b", 2, "gdp", 1.0, Some(2022), Actual),
            // A target and an actual figure do not contradict each other.
            fig("a", 1, "gdp", 1.0, Some(2022), Actual),
            fig("b", 1, "gdp", 5.0, Some(2022), Target),
            // Two undated values for one region are shown, not one picked silently.
            fig("a", 0, "enterprises", 1.0, None, Actual),
            fig("a", 0, "enterprises", 3.0, None, Actual),
        ]);
        assert_eq!(ix.conflicts.len(), 2, "{:?}", ix.conflicts);
        assert_eq!(ix.conflicts[0].figures, [9, 10]);
        assert_eq!(ix.conflicts[0].year, None);
        assert_eq!(ix.conflicts[1].figures, [0, 1, 2]);
        assert_eq!(ix.conflicts[1].year, Some(2022));
        assert_eq!(ix.figure_conflict[1], Some(1));
        assert_eq!(ix.figure_conflict[3], None);
        assert_eq!(ix.figure_conflict[4], None);
        assert_eq!(ix.figure_conflict[5], None);
    }
}
