//! The committed dataset: reproducible from `seeds/`, internally consistent, and covering what the
//! seeds report.

// Test code: a failed unwrap is a failed test.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::Path;
use std::process::Command;

use gaoxin::dataset::{self, Dataset, RegionKind};

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn committed() -> Dataset {
    dataset::load(&root().join("data/dataset.json")).unwrap()
}

#[test]
fn build_reproduces_the_committed_dataset_byte_for_byte() {
    let out = tempfile::tempdir().unwrap();
    let target = out.path().join("dataset.json");
    let status = Command::new(env!("CARGO_BIN_EXE_gaoxin"))
        .current_dir(root())
        .args(["build", "seeds", "-o"])
        .arg(&target)
        .output()
        .unwrap();
    assert!(
        status.status.success(),
        "{}",
        String::from_utf8_lossy(&status.stderr)
    );
    let summary = String::from_utf8_lossy(&status.stderr);
    assert!(
        summary.contains("articles") && summary.contains("figures"),
        "{summary}"
    );
    let rebuilt = std::fs::read(&target).unwrap();
    let committed = std::fs::read(root().join("data/dataset.json")).unwrap();
    assert!(
        rebuilt == committed,
        "data/dataset.json is stale: run `cargo run --release -- build` and commit the result"
    );
}

#[test]
fn every_span_holds_its_raw_text() {
    let ds = committed();
    assert!(!ds.figures.is_empty());
    for f in &ds.figures {
        let art = ds.articles.iter().find(|a| a.id == f.article).unwrap();
        let chars: Vec<char> = art.text.chars().collect();
        let [s, e] = f.span;
        let got: String = chars[s..e].iter().collect();
        assert_eq!(got, f.raw, "figure {}", f.id);
        let [ss, se] = f.sentence;
        assert!(
            ss <= s && e <= se && se <= chars.len(),
            "sentence of {}",
            f.id
        );
    }
}

#[test]
fn regions_chain_up_to_the_nation_and_cities_have_coordinates() {
    let ds = committed();
    let by_id = |id: &str| ds.regions.iter().find(|r| r.id == id);
    let nations: Vec<_> = ds
        .regions
        .iter()
        .filter(|r| r.kind == RegionKind::Nation)
        .collect();
    assert_eq!(nations.len(), 1);
    assert_eq!(nations[0].name, "全国");
    for r in &ds.regions {
        let mut cur = r;
        for _ in 0..8 {
            match &cur.parent {
                Some(p) => {
                    cur = by_id(p).unwrap_or_else(|| panic!("{} has missing parent {p}", r.id))
                }
                None => break,
            }
        }
        assert_eq!(
            cur.kind,
            RegionKind::Nation,
            "{} does not reach the nation",
            r.id
        );
        if r.kind == RegionKind::City {
            assert!(
                r.lon.is_some() && r.lat.is_some(),
                "{} has no coordinates",
                r.name
            );
        }
    }
    for f in &ds.figures {
        if let Some(id) = &f.region {
            assert!(
                by_id(id).is_some(),
                "figure {} points at missing region {id}",
                f.id
            );
        }
    }
}

#[test]
fn ids_are_unique_and_output_is_sorted() {
    let ds = committed();
    let mut ids: Vec<&str> = ds.figures.iter().map(|f| f.id.as_str()).collect();
    let n = ids.len();
    ids.sort_unstable();
    ids.dedup();
    assert_eq!(ids.len(), n);
    let region_ids: Vec<&str> = ds.regions.iter().map(|r| r.id.as_str()).collect();
    let mut sorted = region_ids.clone();
    sorted.sort_unstable();
    assert_eq!(region_ids, sorted);
}

#[test]
fn nicknames_are_searchable_aliases() {
    let ds = committed();
    let chengdu = ds.regions.iter().find(|r| r.name == "成都市").unwrap();
    assert!(
        chengdu.aliases.iter().any(|a| a == "蓉"),
        "{:?}",
        chengdu.aliases
    );
}
