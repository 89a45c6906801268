//! The query layer on the bundled dataset: names resolve as people type them, rankings and
//! comparisons hold real figures, conflicts are flagged, exports cover every figure.
#![allow(clippy::unwrap_used, clippy::expect_used)] // tests and benches fail loudly

use gaoxin::dataset;
use gaoxin::query::{self, Index, KindFilter, Lang, QueryError};

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

#[test]
fn high_tech_enterprises_rank_and_compare() {
    let ix = ix();
    let r = query::rank(&ix, "high_tech_enterprises", KindFilter::All, None);
    assert_eq!(name(&ix, r.entries[0].region), "常州市");
    assert_eq!(r.scale.number(r.entries[0].value), "3,680");
    assert_eq!(r.scale.suffix(), "家");
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
    let parks = query::rank(&ix, "high_tech_enterprises", KindFilter::Parks, None);
    assert_eq!(name(&ix, parks.entries[0].region), "天津滨海高新区");

    let cz = ix.region_names.resolve("常州").unwrap();
    let hz = ix.region_names.resolve("杭州").unwrap();
    let c = query::compare(&ix, &[cz, hz], None).unwrap();
    let row = c
        .rows
        .iter()
        .find(|r| r.metric == "high_tech_enterprises")
        .unwrap();
    assert_eq!(row.scale.suffix(), "万家");
    assert_eq!(row.cell_text(0, Lang::Zh).unwrap(), "0.368");
    assert!(row.cell_text(1, Lang::Zh).unwrap().contains("目标"));
    assert_eq!(row.best, None, "a target is never best");
}

#[test]
fn conflicts_and_exports_cover_the_data() {
    let ix = ix();
    assert!(!ix.conflicts.is_empty());
    for c in &ix.conflicts {
        assert!(c.figures.len() >= 2);
        let arts: std::collections::BTreeSet<_> = c
            .figures
            .iter()
            .map(|&f| &ix.data.figures[f].article)
            .collect();
        assert!(arts.len() >= 2, "a conflict needs two sources");
    }
    let rows = query::export_rows(&ix);
    assert_eq!(rows.len(), ix.data.figures.len());
    assert!(rows.iter().all(|r| !r.sentence.is_empty()));
}
