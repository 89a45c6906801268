//! Any bytes as a dataset file, and mutations of real datasets: loading never panics, and a
//! dataset that loads can be indexed, queried and opened in the app.
#![no_main]

use gaoxin::query::{self, Index, KindFilter, Lang};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    // The loader's own path: bytes from a file, UTF-8 checked, then parsed and validated.
    let dir = std::env::temp_dir().join(format!("gaoxin-fuzz-{}", std::process::id()));
    let _ = std::fs::create_dir_all(&dir);
    let path = dir.join("dataset.json");
    if std::fs::write(&path, data).is_err() {
        return;
    }
    let Ok(ds) = gaoxin::dataset::load(&path) else {
        return;
    };
    if let Err(e) = gaoxin::dataset::validate(&ds, &path) {
        panic!("loaded but invalid: {e}");
    }
    let app = gaoxin::tui::App::with_lang(ds.clone(), Lang::En);
    assert!(app.region_sel <= app.rows.len());
    let ix = Index::new(ds);
    for m in ix.data.metrics.iter().take(8) {
        let _ = query::rank(&ix, &m.id, KindFilter::All, None);
    }
    for r in 0..ix.data.regions.len().min(8) {
        let _ = query::compare(&ix, &[r, 0], None);
    }
});
