//! Extraction throughput on the seeds.
fn main() {}
