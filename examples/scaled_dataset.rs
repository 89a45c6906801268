//! Writes a dataset `N` times the bundled one (or `BASE`), for measuring the app and the
//! commands at scale (see "Speed at scale" in the README):
//!
//! ```text
//! cargo run --release --example scaled_dataset -- 500 /tmp/gaoxin-500x.json
//! ```
//!
//! Regions, articles and figures are all `N` times as many (renamed copies; one nation).

use std::path::PathBuf;

use anyhow::Context;

#[path = "../benches/support/scaled.rs"]
mod support;

fn main() -> anyhow::Result<()> {
    let mut args = std::env::args_os().skip(1);
    let usage = "usage: scaled_dataset N OUT.json [BASE.json]";
    let n: usize = args
        .next()
        .and_then(|s| s.to_str()?.parse().ok())
        .filter(|&n| n > 0)
        .context(usage)?;
    let out = PathBuf::from(args.next().context(usage)?);
    let base = match args.next() {
        Some(p) => gaoxin::dataset::load(&PathBuf::from(p))?,
        None => gaoxin::dataset::bundled()?,
    };
    let ds = support::scaled(&base, n);
    gaoxin::pipeline::write_atomic(&out, &ds)?;
    let bytes = std::fs::metadata(&out)?.len();
    eprintln!(
        "wrote {}: {} regions, {} articles, {} figures, {:.1} MB",
        out.display(),
        ds.regions.len(),
        ds.articles.len(),
        ds.figures.len(),
        bytes as f64 / 1e6
    );
    Ok(())
}
