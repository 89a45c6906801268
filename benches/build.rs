//! Extraction throughput on one core: decode, split, reflow and extract the seeds, repeated to
//! over 10 MB, reported in bytes per second.

// Benchmarks read the repository's own seeds; a missing seed should stop the run loudly.
#![allow(clippy::expect_used)]

use std::path::Path;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use gaoxin::extract::gazetteer::Gazetteer;
use gaoxin::pipeline::extract_file;

const TARGET_BYTES: usize = 10 * 1024 * 1024;

fn seeds() -> Vec<(String, Vec<u8>)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds");
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .expect("seeds folder")
        .map(|e| e.expect("seed entry").path())
        .collect();
    files.sort();
    files
        .into_iter()
        .map(|p| {
            (
                p.display().to_string(),
                std::fs::read(&p).expect("seed file"),
            )
        })
        .collect()
}

fn extraction(c: &mut Criterion) {
    // One core, whatever the machine: extraction of a long article would otherwise spread its
    // parts over the thread pool.
    let _ = rayon::ThreadPoolBuilder::new()
        .num_threads(1)
        .build_global();
    let gaz = Gazetteer::bundled();
    let seeds = seeds();
    let per_round: usize = seeds.iter().map(|(_, b)| b.len()).sum();
    let rounds = TARGET_BYTES.div_ceil(per_round);
    let mut group = c.benchmark_group("build");
    group.throughput(Throughput::Bytes((per_round * rounds) as u64));
    group.sample_size(10);
    group.bench_function("extract_seeds_x10MB", |b| {
        b.iter(|| {
            let mut figures = 0;
            for _ in 0..rounds {
                for (name, bytes) in &seeds {
                    let f = extract_file(gaz, name, bytes).expect("seed extracts");
                    figures += f
                        .articles
                        .iter()
                        .map(|(_, a)| a.drafts.len())
                        .sum::<usize>();
                }
            }
            figures
        });
    });
    group.finish();
}

criterion_group!(benches, extraction);
criterion_main!(benches);
