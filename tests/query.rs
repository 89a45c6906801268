//! The query layer on the bundled dataset: names resolve as people type them, rankings and
//! comparisons hold real figures, conflicts are flagged, exports cover every figure.
#![allow(clippy::unwrap_used, clippy::expect_used)] // tests and benches fail loudly

use std::collections::BTreeMap;

use gaoxin::dataset::{self, Dataset, Figure, Measure, Modality, Region, RegionKind};
use gaoxin::query::{self, Index, KindFilter, Lang, QueryError, format};

fn ix() -> Index {
    Index::new(dataset::bundled().unwrap())
}

fn name(ix: &Index, r: usize) -> &str {
    &ix.region(r).unwrap().name
}

#[test]
fn names_resolve_by_name_alias_pinyin_and_initials() {
    let ix = ix();
    for q in ["成都市", "成都", "chengdu", "cd", "510100", "蓉"] {
        let r = ix.region_names.resolve(q).unwrap();
        assert_eq!(name(&ix, r), "成都市", "{q}");
    }
    let r = ix.region_names.resolve("天津滨海高新区").unwrap();
    assert_eq!(name(&ix, r), "天津滨海高新区");
    let err = ix.region_names.resolve("高新区").unwrap_err();
    assert!(matches!(err, QueryError::Ambiguous { .. }), "{err}");
    let err = ix.region_names.resolve("xyzzy").unwrap_err();
    assert!(matches!(err, QueryError::Unknown { ref closest, .. } if closest.len() == 3));
    let m = ix.metric_names.resolve("高新技术企业").unwrap();
    assert_eq!(ix.data.metrics[m].id, "high_tech_enterprises");
}

/// The ranking worked out from the raw figures, without the query layer: per admitted region
/// the figure that speaks for it (achieved before target or forecast, then the latest year,
/// then the first in the data), achieved figures first, then by value (the lowest first for
/// rankings), then by region. Pairs of (region, figure) indices.
fn ranked_from_figures(
    ds: &Dataset,
    metric: &str,
    admit: impl Fn(&Region) -> bool,
) -> Vec<(usize, usize)> {
    // Like for like: the metric's level figures about whole regions, else its places in lists.
    let like = |f: &Figure, m: Measure| {
        f.metric.as_deref() == Some(metric) && f.scope.is_none() && f.measure == m
    };
    let measure = if ds.figures.iter().any(|f| like(f, Measure::Level)) {
        Measure::Level
    } else {
        Measure::Rank
    };
    let mut chosen: BTreeMap<usize, usize> = BTreeMap::new();
    for (i, f) in ds.figures.iter().enumerate() {
        if !like(f, measure) || !f.value.is_finite() {
            continue;
        }
        let Some(r) = f
            .region
            .as_deref()
            .and_then(|id| ds.regions.iter().position(|x| x.id == id))
        else {
            continue;
        };
        if !admit(&ds.regions[r]) {
            continue;
        }
        let key = |f: &Figure| (f.modality == Modality::Actual, f.year);
        // Only a strictly better figure replaces: on a tie the first one stays.
        if chosen.get(&r).is_none_or(|&j| key(&ds.figures[j]) < key(f)) {
            chosen.insert(r, i);
        }
    }
    let lower_wins = measure == Measure::Rank;
    let mut out: Vec<(usize, usize)> = chosen.into_iter().collect();
    out.sort_by(|&(ra, fa), &(rb, fb)| {
        let (a, b) = (&ds.figures[fa], &ds.figures[fb]);
        let actual = |f: &Figure| f.modality == Modality::Actual;
        let by_value = if lower_wins {
            a.value.total_cmp(&b.value)
        } else {
            b.value.total_cmp(&a.value)
        };
        actual(b).cmp(&actual(a)).then(by_value).then(ra.cmp(&rb))
    });
    out
}

fn described(ix: &Index, order: &[(usize, usize)]) -> Vec<String> {
    order
        .iter()
        .map(|&(r, f)| format!("{} {}", name(ix, r), ix.data.figures[f].raw))
        .collect()
}

#[test]
fn high_tech_enterprises_rank_and_compare() {
    let ix = ix();
    let metric = "high_tech_enterprises";
    let r = query::rank(&ix, metric, KindFilter::All, None);
    let expected = ranked_from_figures(&ix.data, metric, |x| x.kind != RegionKind::Nation);
    assert!(expected.len() >= 2, "{:?}", described(&ix, &expected));
    let got: Vec<(usize, usize)> = r
        .entries
        .iter()
        .map(|e| (e.region, e.pick.figure))
        .collect();
    assert_eq!(
        described(&ix, &got),
        described(&ix, &expected),
        "ranked as the figures say"
    );
    assert_eq!(got, expected);
    for e in &r.entries {
        let f = &ix.data.figures[e.pick.figure];
        assert_eq!(e.value, f.value);
        assert_eq!(e.actual, f.modality == Modality::Actual);
    }
    // One magnitude for the list, set by the largest achieved value, in the unit 家.
    assert_eq!(r.scale.unit, "家");
    assert!(r.scale.suffix().ends_with('家'), "{}", r.scale.suffix());
    assert!(r.entries[0].actual);
    let top = r.scale.scaled(r.entries[0].value);
    assert!(
        (1.0..10_000.0).contains(&top),
        "{top} in {}",
        r.scale.suffix()
    );
    assert!(
        r.entries.iter().all(|e| name(&ix, e.region) != "全国"),
        "the nation is no rival"
    );
    // A target never tops achieved figures.
    let first_target = r.entries.iter().position(|e| !e.actual);
    let last_actual = r.entries.iter().rposition(|e| e.actual);
    if let (Some(t), Some(a)) = (first_target, last_actual) {
        assert!(t > a);
    }
    let parks = query::rank(&ix, metric, KindFilter::Parks, None);
    let expected = ranked_from_figures(&ix.data, metric, |x| x.kind == RegionKind::Park);
    assert!(!expected.is_empty());
    let got: Vec<(usize, usize)> = parks
        .entries
        .iter()
        .map(|e| (e.region, e.pick.figure))
        .collect();
    assert_eq!(described(&ix, &got), described(&ix, &expected));

    // The two leading regions side by side: the comparison takes the figures the ranking took.
    let leading = ranked_from_figures(&ix.data, metric, |x| x.kind != RegionKind::Nation);
    assert!(leading.len() >= 2, "{:?}", described(&ix, &leading));
    let pair = [leading[0], leading[1]];
    let c = query::compare(&ix, &[pair[0].0, pair[1].0], None).unwrap();
    let row = c.rows.iter().find(|r| r.metric == metric).unwrap();
    assert!(row.scale.suffix().ends_with('家'), "{}", row.scale.suffix());
    let figs = pair.map(|(_, f)| &ix.data.figures[f]);
    for (i, f) in figs.iter().enumerate() {
        let cell = row.cells[i].as_ref().unwrap();
        assert_eq!(cell.figure, pair[i].1, "{}", name(&ix, pair[i].0));
        let text = row.cell_text(i, Lang::Zh).unwrap();
        let number = format!(
            "{}{}",
            format::qualifier(f.qualifier),
            row.scale.number(f.value)
        );
        assert!(text.starts_with(&number), "{text:?} for {}", f.raw);
        let marker = format::modality(f.modality, Lang::Zh);
        assert_eq!(
            !marker.is_empty() && text.contains(marker),
            f.modality != Modality::Actual
        );
    }
    let both_actual = figs.iter().all(|f| f.modality == Modality::Actual);
    let expected_best = if both_actual && figs[0].unit == figs[1].unit {
        // Ties go to the first column.
        Some(usize::from(figs[1].value > figs[0].value))
    } else {
        None
    };
    assert_eq!(row.best, expected_best);
}

#[test]
fn a_target_is_never_best() {
    // The three leading regions on a metric, the first one's figure turned into a target: it
    // is still the largest value, and it must not be marked best.
    let mut data = ix().data;
    let metric = "high_tech_enterprises";
    let order = ranked_from_figures(&data, metric, |x| x.kind != RegionKind::Nation);
    let actual: Vec<(usize, usize)> = order
        .iter()
        .copied()
        .filter(|&(_, f)| data.figures[f].modality == Modality::Actual)
        .take(3)
        .collect();
    assert_eq!(actual.len(), 3, "{metric} needs three achieved figures");
    data.figures[actual[0].1].modality = Modality::Target;
    let ix = Index::new(data);
    let regions: Vec<usize> = actual.iter().map(|&(r, _)| r).collect();
    let c = query::compare(&ix, &regions, Some(&[metric.to_string()])).unwrap();
    let row = &c.rows[0];
    assert_eq!(row.best, Some(1), "{:?}", described(&ix, &actual));
    let marker = format::modality(Modality::Target, Lang::Zh);
    assert!(row.cell_text(0, Lang::Zh).unwrap().contains(marker));
}

#[test]
fn conflicts_and_exports_cover_the_data() {
    let ix = ix();
    for c in &ix.conflicts {
        assert!(c.figures.len() >= 2);
        let figs: Vec<&Figure> = c.figures.iter().map(|&f| &ix.data.figures[f]).collect();
        // Like for like: one metric, measure, year and modality, whole regions only.
        for f in &figs {
            assert_eq!(f.metric.as_deref(), Some(c.metric.as_str()));
            assert_eq!(
                (f.measure, f.year, f.scope.as_deref()),
                (c.measure, c.year, None)
            );
            assert_eq!(f.modality, figs[0].modality);
        }
        assert!(
            figs.iter()
                .any(|f| f.value != figs[0].value || f.unit != figs[0].unit),
            "a conflict needs two different values"
        );
    }
    let rows = query::export_rows(&ix);
    assert_eq!(rows.len(), ix.data.figures.len());
    assert!(rows.iter().all(|r| !r.sentence.is_empty()));
}
