//! A larger dataset made from a small one: `n` renamed copies, so regions, articles and
//! figures are all `n` times as many. Shared by the `tui` bench and the `scaled_dataset`
//! example, which writes one to a file for the command-line measurements.

use gaoxin::dataset::Dataset;

/// `n` renamed copies of `base`, so regions, articles and figures are all `n` times as many.
/// Copy `k > 0` suffixes every id with `~k` and every region name with `k`; the nation stays
/// one region, shared by all copies.
pub fn scaled(base: &Dataset, n: usize) -> Dataset {
    let mut out = base.clone();
    out.articles.clear();
    out.regions.clear();
    out.figures.clear();
    let nations: Vec<&str> = base
        .regions
        .iter()
        .filter(|r| r.parent.is_none())
        .map(|r| r.id.as_str())
        .collect();
    for k in 0..n {
        let sfx = |id: &str| {
            if k == 0 || nations.contains(&id) {
                id.to_string()
            } else {
                format!("{id}~{k}")
            }
        };
        for a in &base.articles {
            let mut a = a.clone();
            a.id = sfx(&a.id);
            out.articles.push(a);
        }
        for r in &base.regions {
            if k > 0 && r.parent.is_none() {
                continue;
            }
            let mut r = r.clone();
            r.id = sfx(&r.id);
            r.parent = r.parent.as_deref().map(sfx);
            if k > 0 {
                r.name = format!("{}{k}", r.name);
            }
            out.regions.push(r);
        }
        for f in &base.figures {
            let mut f = f.clone();
            f.id = sfx(&f.id);
            f.article = sfx(&f.article);
            f.region = f.region.as_deref().map(sfx);
            out.figures.push(f);
        }
    }
    out
}
