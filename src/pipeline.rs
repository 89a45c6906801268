//! `build`: read input files in parallel, extract, assemble a deterministic dataset, write it
//! atomically.

mod assemble;
mod inputs;
mod output;

use std::collections::BTreeMap;
use std::io::IsTerminal;
use std::path::{Path, PathBuf};

use rayon::prelude::*;

use crate::corpus::{self, RawArticle};
use crate::dataset::{Dataset, RegionKind};
use crate::extract::figures::{self, ArticleFigures};
use crate::extract::gazetteer::Gazetteer;
use crate::limits::{self, Limit};
use crate::{Error, Result};

pub use assemble::assemble;
pub use inputs::{ARTICLE_EXTENSIONS, Inputs, collect_inputs, scan_inputs};
pub use output::{Target, check_not_an_input, target as output_target, to_json, write_atomic};

/// What `build` should read and write.
#[derive(Debug, Clone)]
pub struct BuildOptions {
    /// Files and folders of articles (`.txt`, `.md`, `.html`, `.htm`).
    pub inputs: Vec<PathBuf>,
    /// Where the dataset goes.
    pub output: PathBuf,
    /// Show a progress bar on stderr when it is a terminal and the input is large.
    pub progress: bool,
}

/// One input file, decoded, split and extracted.
#[derive(Debug, Clone)]
pub struct ExtractedFile {
    /// The file's path as recorded in the dataset (`seeds/000.txt`).
    pub source: String,
    /// Its articles with their figures, in page order.
    pub articles: Vec<(RawArticle, ArticleFigures)>,
}

/// What a build produced, for the summary line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Summary {
    /// Input files read.
    pub files: usize,
    /// Files that held no article.
    pub empty_files: Vec<String>,
    /// What the folders held that was left out, with why.
    pub skipped: Vec<String>,
    /// Articles found.
    pub articles: usize,
    /// Regions by kind.
    pub regions: BTreeMap<RegionKind, usize>,
    /// Figures found.
    pub figures: usize,
    /// Figures mapped to a canonical metric.
    pub with_metric: usize,
    /// Figures attributed to a region.
    pub with_region: usize,
}

impl Summary {
    /// Counts what a dataset holds.
    pub fn of(ds: &Dataset, files: usize, empty_files: Vec<String>) -> Self {
        let mut regions = BTreeMap::new();
        for r in &ds.regions {
            *regions.entry(r.kind).or_insert(0) += 1;
        }
        Summary {
            files,
            empty_files,
            skipped: Vec::new(),
            articles: ds.articles.len(),
            regions,
            figures: ds.figures.len(),
            with_metric: ds.figures.iter().filter(|f| f.metric.is_some()).count(),
            with_region: ds.figures.iter().filter(|f| f.region.is_some()).count(),
        }
    }
}

impl std::fmt::Display for Summary {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let kinds: Vec<String> = self
            .regions
            .iter()
            .map(|(k, n)| format!("{n} {}", k.as_str()))
            .collect();
        writeln!(f, "files     {}", self.files)?;
        for s in &self.skipped {
            writeln!(f, "  skipped {s}")?;
        }
        if !self.empty_files.is_empty() {
            writeln!(f, "  no articles in: {}", self.empty_files.join(", "))?;
        }
        writeln!(f, "articles  {}", self.articles)?;
        writeln!(
            f,
            "regions   {} ({})",
            self.regions.values().sum::<usize>(),
            kinds.join(", ")
        )?;
        writeln!(
            f,
            "figures   {} ({} with a metric, {} with a region)",
            self.figures, self.with_metric, self.with_region
        )
    }
}

/// Decodes, splits and extracts one file's bytes, on the calling thread; `source` names it in the
/// dataset and errors.
pub fn extract_file(gaz: &Gazetteer, source: &str, bytes: &[u8]) -> Result<ExtractedFile> {
    let articles = read_articles(source, bytes)?
        .into_iter()
        .map(|a| {
            let found = figures::extract(gaz, &a.title, &a.section, &a.text, a.date.as_deref());
            (a, found)
        })
        .collect();
    Ok(ExtractedFile {
        source: source.to_string(),
        articles,
    })
}

/// A file's name in the dataset and its articles, before extraction.
type ReadFile = (String, Vec<RawArticle>);

/// Decodes and splits one file's bytes into its articles.
fn read_articles(source: &str, bytes: &[u8]) -> Result<Vec<RawArticle>> {
    corpus::read(source, bytes).map_err(|reason| Error::Decode {
        path: PathBuf::from(source),
        reason,
    })
}

/// The path recorded for an input: relative to `cwd` when inside it, `/`-separated.
fn source_name(path: &Path, cwd: Option<&Path>) -> String {
    let rel = cwd
        .and_then(|cwd| path.strip_prefix(cwd).ok())
        .unwrap_or(path);
    rel.components()
        .filter(|c| !matches!(c, std::path::Component::CurDir))
        .map(|c| c.as_os_str().to_string_lossy())
        .collect::<Vec<_>>()
        .join("/")
}

/// Reads and extracts every file, in parallel, keeping input order; fails listing every file
/// that could not be read or decoded.
pub fn extract_files(files: &[PathBuf], progress: bool) -> Result<Vec<ExtractedFile>> {
    let (extracted, problems) = extract_all(files, progress, Limit::input()?);
    match Error::all(problems) {
        Some(e) => Err(e),
        None => Ok(extracted),
    }
}

/// Reads and extracts every file, in parallel: the files that worked in input order, and the
/// errors of those that did not, also in input order.
fn extract_all(
    files: &[PathBuf],
    progress: bool,
    limit: Limit,
) -> (Vec<ExtractedFile>, Vec<Error>) {
    let bar = (progress && files.len() >= 20 && std::io::stderr().is_terminal())
        .then(|| indicatif::ProgressBar::new(files.len() as u64));
    let cwd = std::env::current_dir().ok();
    // Reading and splitting need no gazetteer: the place automata, a one-off cost of tens of
    // milliseconds, are built meanwhile on one thread while the others read.
    let (gaz, read): (_, Vec<Result<ReadFile>>) = rayon::join(
        || {
            let gaz = Gazetteer::bundled();
            figures::prepare(gaz);
            gaz
        },
        || {
            files
                .par_iter()
                .map(|path| {
                    let bytes = limits::read_capped(path, limit)?;
                    let source = source_name(path, cwd.as_deref());
                    let articles = read_articles(&source, &bytes)?;
                    Ok((source, articles))
                })
                .collect()
        },
    );
    // Articles of one file are extracted in parallel too: a page of many stories, or one huge
    // file, does not hold up the rest. Collecting keeps input order.
    let results: Vec<Result<ExtractedFile>> = read
        .into_par_iter()
        .map(|r| {
            let (source, articles) = r?;
            let articles = articles
                .into_par_iter()
                .map(|a| {
                    let found =
                        figures::extract(gaz, &a.title, &a.section, &a.text, a.date.as_deref());
                    (a, found)
                })
                .collect();
            if let Some(b) = &bar {
                b.inc(1);
            }
            Ok(ExtractedFile { source, articles })
        })
        .collect();
    if let Some(b) = bar {
        b.finish_and_clear();
    }
    let mut extracted = Vec::new();
    let mut problems = Vec::new();
    for r in results {
        match r {
            Ok(f) => extracted.push(f),
            Err(e) => problems.push(e),
        }
    }
    (extracted, problems)
}

/// Builds a dataset from `inputs` and writes it to `output`; the previous output is untouched
/// unless the whole build succeeds.
pub fn build(opts: &BuildOptions) -> Result<Summary> {
    let scanned = scan_inputs(&opts.inputs);
    // Checked before the long part, and again (by the write) after it.
    let target = output::target(&opts.output)?;
    output::check_not_an_input(&opts.output, &target, &scanned.files)?;
    let (extracted, problems) = extract_all(&scanned.files, opts.progress, Limit::input()?);
    let mut problems = problems;
    let mut all = scanned.problems;
    all.append(&mut problems);
    if let Some(e) = Error::all(all) {
        return Err(e);
    }
    let empty: Vec<String> = extracted
        .iter()
        .filter(|f| f.articles.is_empty())
        .map(|f| f.source.clone())
        .collect();
    let ds = assemble(&extracted, Gazetteer::bundled());
    // Never write what the app would refuse to open. Checking and serialising only read the
    // dataset, so they run side by side.
    let (checked, json) = rayon::join(
        || crate::dataset::validate(&ds, &opts.output),
        || to_json(&ds),
    );
    checked?;
    let json = json.map_err(|e| Error::io(&opts.output, std::io::Error::other(e)))?;
    output::write_json_atomic(&opts.output, &json)?;
    let mut summary = Summary::of(&ds, scanned.files.len(), empty);
    summary.skipped = scanned.skipped;
    Ok(summary)
}
