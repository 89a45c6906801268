//! `build`: read input files in parallel, extract, assemble a deterministic dataset, write it atomically.
