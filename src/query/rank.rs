//! Every region with a figure on a metric, best first: the largest value, or the lowest for
//! rankings. Achieved figures rank; regions known only by a target or forecast follow them.

use super::format::{self, Scale};
use super::index::Index;
use super::pick::{Pick, pick_like};
use crate::dataset::{Measure, Modality, RegionKind};

/// Which regions a ranking takes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum KindFilter {
    /// Every region but the nation (a national total is no rival of its parts).
    #[default]
    All,
    /// High-tech parks and other development zones.
    Parks,
    /// Prefecture-level cities.
    Cities,
    /// Provinces.
    Provinces,
    /// City districts and counties.
    Districts,
}

impl KindFilter {
    /// Whether a region of `kind` takes part.
    pub fn admits(self, kind: RegionKind) -> bool {
        match self {
            KindFilter::All => kind != RegionKind::Nation,
            KindFilter::Parks => kind == RegionKind::Park,
            KindFilter::Cities => kind == RegionKind::City,
            KindFilter::Provinces => kind == RegionKind::Province,
            KindFilter::Districts => matches!(kind, RegionKind::District | RegionKind::County),
        }
    }

    /// The next filter, for a key that cycles.
    pub fn next(self) -> KindFilter {
        match self {
            KindFilter::All => KindFilter::Parks,
            KindFilter::Parks => KindFilter::Cities,
            KindFilter::Cities => KindFilter::Provinces,
            KindFilter::Provinces => KindFilter::Districts,
            KindFilter::Districts => KindFilter::All,
        }
    }
}

/// One place in a ranking.
#[derive(Debug, Clone, PartialEq)]
pub struct RankEntry {
    /// Region index.
    pub region: usize,
    /// The figure chosen for the region, and how many it had.
    pub pick: Pick,
    /// Value in the base unit.
    pub value: f64,
    /// The figure is achieved (not a target or forecast).
    pub actual: bool,
    /// Another article gives a different value for the same year.
    pub conflict: bool,
}

/// A ranking of regions on one metric.
#[derive(Debug, Clone, PartialEq)]
pub struct Ranking {
    /// Metric id.
    pub metric: String,
    /// The measure ranked: only figures of this measure, with no scope, take part.
    pub measure: Measure,
    /// Which regions took part.
    pub kind: KindFilter,
    /// The year asked for, if any.
    pub year: Option<i32>,
    /// One magnitude for the whole list, in the most common unit, set by the achieved figures.
    pub scale: Scale,
    /// Best first.
    pub entries: Vec<RankEntry>,
    /// The years the metric has figures for among the admitted regions, oldest first.
    pub years: Vec<i32>,
}

/// Ranks regions admitted by `kind` on `metric` (an id) in its primary measure, in `year` when
/// given.
pub fn rank(ix: &Index, metric: &str, kind: KindFilter, year: Option<i32>) -> Ranking {
    rank_by(ix, metric, ix.primary_measure(metric), kind, year)
}

/// Ranks regions admitted by `kind` on `metric` and `measure`, in `year` when given: only
/// like-for-like figures (the metric, that measure, no scope) take part.
pub fn rank_by(
    ix: &Index,
    metric: &str,
    measure: Measure,
    kind: KindFilter,
    year: Option<i32>,
) -> Ranking {
    let admitted = |r: usize| ix.region(r).is_some_and(|x| kind.admits(x.kind));
    let mut years: Vec<i32> = ix
        .data
        .figures
        .iter()
        .zip(&ix.region_of)
        .filter(|(f, _)| f.is_like(metric, measure))
        .filter(|(_, r)| r.is_some_and(admitted))
        .filter_map(|(f, _)| f.year)
        .collect();
    years.sort_unstable();
    years.dedup();
    let mut entries: Vec<RankEntry> = (0..ix.data.regions.len())
        .filter(|&r| admitted(r))
        .filter_map(|r| {
            let p = pick_like(ix, r, metric, measure, year)?;
            let f = ix.figure(p.figure)?;
            Some(RankEntry {
                region: r,
                pick: p,
                value: f.value,
                actual: f.modality == Modality::Actual,
                conflict: ix.in_conflict(p.figure),
            })
        })
        .collect();
    let lower_wins = measure.lower_is_better();
    entries.sort_by(|a, b| {
        let by_value = if lower_wins {
            a.value.total_cmp(&b.value)
        } else {
            b.value.total_cmp(&a.value)
        };
        b.actual
            .cmp(&a.actual)
            .then(by_value)
            .then(a.region.cmp(&b.region))
    });
    let unit = format::common_unit(
        entries
            .iter()
            .filter_map(|e| ix.figure(e.pick.figure).map(|f| f.unit.as_str())),
    );
    // Targets follow the ranking; they should not set its magnitude.
    let actual = entries.iter().filter(|e| e.actual).map(|e| e.value);
    let scale = if entries.iter().any(|e| e.actual) {
        Scale::for_values(actual, &unit)
    } else {
        Scale::for_values(entries.iter().map(|e| e.value), &unit)
    };
    Ranking {
        metric: metric.to_string(),
        measure,
        kind,
        year,
        scale,
        entries,
        years,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dataset::Modality::{Actual, Target};
    use crate::query::index::tests::{fig, index};

    #[test]
    fn sorted_filtered_and_targets_last() {
        let ix = index(vec![
            fig("a", 0, "enterprises", 100.0, Some(2021), Actual),
            fig("b", 0, "enterprises", 120.0, Some(2022), Actual),
            fig("a", 1, "enterprises", 9000.0, Some(2030), Target),
            fig("a", 2, "enterprises", 110.0, Some(2022), Actual),
            fig("a", 3, "enterprises", 1e6, Some(2022), Actual),
        ]);
        let r = rank(&ix, "enterprises", KindFilter::All, None);
        let order: Vec<usize> = r.entries.iter().map(|e| e.region).collect();
        assert_eq!(
            order,
            [0, 2, 1],
            "the nation stays out; the target comes last"
        );
        assert_eq!(r.entries[0].value, 120.0, "the latest actual figure");
        assert_eq!(r.entries[0].pick.of, 2);
        assert_eq!(r.years, [2021, 2022, 2030]);
        let parks = rank(&ix, "enterprises", KindFilter::Parks, None);
        assert_eq!(parks.entries.len(), 1);
        let cities = rank(&ix, "enterprises", KindFilter::Cities, Some(2021));
        assert_eq!(cities.entries.len(), 1);
        assert_eq!(cities.entries[0].value, 100.0);
        assert_eq!(r.scale.suffix(), "家");
    }

    #[test]
    fn rankings_rank_lowest_first() {
        let ix = index(vec![
            fig("a", 0, "overall_standing", 3.0, None, Actual),
            fig("a", 1, "overall_standing", 1.0, None, Actual),
        ]);
        let r = rank(&ix, "overall_standing", KindFilter::Cities, None);
        assert_eq!(r.entries[0].region, 1);
        assert_eq!(KindFilter::Cities.next(), KindFilter::Provinces);
        assert_eq!(KindFilter::Districts.next(), KindFilter::All);
        assert!(KindFilter::Districts.admits(RegionKind::County));
    }
}
