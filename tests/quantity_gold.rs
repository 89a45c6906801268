//! Scores `quantity::scan` against the hand-made gold figures in `tests/fixtures`.
//!
//! Each seed file is joined without line breaks (as the gold quotes are written) and scanned
//! once. A gold figure is found when a quantity overlapping its quote has the same `raw`, the
//! same value (relative tolerance 1e-9) and a compatible unit. Run with `--nocapture` to see the
//! misses and the quantities that match no gold figure.

#![allow(clippy::unwrap_used)] // a test: a missing fixture should fail loudly

use std::path::Path;

use gaoxin::extract::quantity::{Quantity, scan};

struct Gold {
    quote: String,
    raw: String,
    value: Option<f64>,
    unit: String,
    borderline: bool,
}

fn load_gold(path: &Path) -> Vec<(String, Gold)> {
    let text = std::fs::read_to_string(path).unwrap();
    text.lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| {
            let v: serde_json::Value = serde_json::from_str(l).unwrap();
            let s = |k: &str| v[k].as_str().unwrap_or("").to_owned();
            let gold = Gold {
                quote: s("quote"),
                raw: s("raw"),
                value: v["value"].as_f64(),
                unit: s("unit"),
                borderline: v["borderline"].as_bool().unwrap_or(false),
            };
            (s("file"), gold)
        })
        .collect()
}

fn norm_unit(u: &str) -> &str {
    match u.trim() {
        "％" => "%",
        u => u,
    }
}

fn units_compatible(a: &str, b: &str) -> bool {
    let (a, b) = (norm_unit(a), norm_unit(b));
    let people = |u: &str| matches!(u, "人" | "名" | "位");
    a == b || a.is_empty() || b.is_empty() || (people(a) && people(b))
}

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() <= 1e-9 * a.abs().max(b.abs()).max(1.0)
}

/// Byte ranges where `quote` occurs in `text`.
fn occurrences(text: &str, quote: &str) -> Vec<std::ops::Range<usize>> {
    text.match_indices(quote)
        .map(|(i, q)| i..i + q.len())
        .collect()
}

fn matches(text: &str, q: &Quantity, g: &Gold) -> bool {
    let Some(value) = g.value else { return false };
    text[q.range.clone()] == g.raw
        && close(q.value, value)
        && units_compatible(&q.unit, &g.unit)
        && occurrences(text, &g.quote)
            .iter()
            .any(|r| q.range.start < r.end && r.start < q.range.end)
}

struct Score {
    found: usize,
    wanted: usize,
    unmatched: usize,
    emitted: usize,
}

fn score_file(stem: &str) -> Score {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let gold = load_gold(&root.join("tests/fixtures").join(format!("{stem}.jsonl")));
    let file = &gold[0].0;
    let text = std::fs::read_to_string(root.join("seeds").join(file))
        .unwrap()
        .replace(['\n', '\r'], "");
    let quantities = scan(&text);
    let mut used = vec![false; quantities.len()];
    let (mut found, mut wanted) = (0, 0);
    // Non-borderline gold first, so a borderline figure never takes a quantity they need.
    let mut order: Vec<&Gold> = gold.iter().map(|(_, g)| g).collect();
    order.sort_by_key(|g| g.borderline);
    for g in order {
        let hit = quantities
            .iter()
            .enumerate()
            .find(|(k, q)| !used[*k] && matches(&text, q, g))
            .map(|(k, _)| k);
        if let Some(k) = hit {
            used[k] = true;
        }
        if !g.borderline && g.value.is_some() {
            wanted += 1;
            if hit.is_some() {
                found += 1;
            } else {
                println!(
                    "{stem} MISS {} ({}) in {}",
                    g.raw,
                    g.value.unwrap_or(f64::NAN),
                    g.quote
                );
            }
        }
    }
    let mut unmatched = 0;
    for (k, q) in quantities.iter().enumerate() {
        if !used[k] {
            unmatched += 1;
            let lo = text.floor_char_boundary(q.range.start.saturating_sub(24));
            let hi = text.ceil_char_boundary((q.range.end + 18).min(text.len()));
            println!(
                "{stem} EXTRA {} = {} {:?} in {}",
                &text[q.range.clone()],
                q.value,
                q.unit,
                &text[lo..hi]
            );
        }
    }
    Score {
        found,
        wanted,
        unmatched,
        emitted: quantities.len(),
    }
}

#[test]
fn recall_on_gold_files() {
    let mut total_found = 0;
    let mut total_wanted = 0;
    let mut total_unmatched = 0;
    let mut total_emitted = 0;
    for stem in ["000", "001", "003"] {
        let s = score_file(stem);
        println!(
            "{stem}: recall {}/{} = {:.3}, emitted {}, matching no gold {}",
            s.found,
            s.wanted,
            s.found as f64 / s.wanted as f64,
            s.emitted,
            s.unmatched
        );
        assert!(
            s.found as f64 >= 0.93 * s.wanted as f64,
            "{stem}: recall below 0.93"
        );
        total_found += s.found;
        total_wanted += s.wanted;
        total_unmatched += s.unmatched;
        total_emitted += s.emitted;
    }
    println!(
        "all: recall {total_found}/{total_wanted}, {total_unmatched} of {total_emitted} match no gold"
    );
    // Precision guard: quantities no annotator listed stay a small share of the output.
    assert!(
        total_unmatched * 5 <= total_emitted,
        "too many quantities match no gold figure"
    );
}
