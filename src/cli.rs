//! Command-line entry: `gaoxin` opens the app, subcommands build the dataset and answer queries.
//!
//! This module is the clap layer only. [`config`] turns parsed arguments into a resolved
//! [`config::Request`] (names become regions and metrics, or an error listing the closest),
//! [`commands`] answers it as a [`report::Report`], and [`report`] prints that as an aligned
//! table, CSV or JSON.

pub mod commands;
pub mod config;
pub mod report;
pub mod show;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{CommandFactory, Parser, Subcommand, ValueEnum};

use crate::dataset::{self, Dataset, Measure, RegionKind};
use crate::query::{Index, Lang};
use report::Format;

/// Browse, compare and check figures on China's cities and high-tech parks, offline.
#[derive(Debug, Parser)]
#[command(name = "gaoxin", version, about)]
#[command(
    after_help = "Examples:\n  gaoxin                        open the app\n  \
    gaoxin ~/news/ article.txt    read these articles and open the app on them\n  \
    gaoxin compare 成都 天津滨海高新区\n  gaoxin rank 高新技术企业 --kind park\n  \
    gaoxin export --format csv > figures.csv"
)]
pub struct Cli {
    /// Open this dataset instead of the bundled one.
    #[arg(long, global = true, value_name = "FILE")]
    pub data: Option<PathBuf>,
    /// Articles (.txt, .md, or folders of them) to read and open the app on, without writing
    /// a dataset.
    #[arg(value_name = "PATH", conflicts_with = "data")]
    pub paths: Vec<PathBuf>,
    /// What to do; without a command the app opens.
    #[command(subcommand)]
    pub command: Option<Command>,
}

/// How a query prints its answer.
#[derive(Debug, Clone, clap::Args)]
pub struct Output {
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Table)]
    pub format: Format,
}

/// Parses a region kind by its dataset name (`park`, `city`, …).
fn kind_parser() -> impl clap::builder::TypedValueParser<Value = RegionKind> {
    use clap::builder::{PossibleValuesParser, TypedValueParser};
    PossibleValuesParser::new(RegionKind::ALL.map(RegionKind::as_str)).map(|s| {
        RegionKind::ALL
            .into_iter()
            .find(|k| k.as_str() == s)
            // The possible values above have already rejected anything else.
            .unwrap_or(RegionKind::Park)
    })
}

/// Parses a measure by its dataset name (`level`, `growth`, …).
fn measure_parser() -> impl clap::builder::TypedValueParser<Value = Measure> {
    use clap::builder::{PossibleValuesParser, TypedValueParser};
    PossibleValuesParser::new(Measure::ALL.map(Measure::as_str)).map(|s| {
        Measure::ALL
            .into_iter()
            .find(|m| m.as_str() == s)
            // The possible values above have already rejected anything else.
            .unwrap_or_default()
    })
}

/// Which regions `rank --kind` ranks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum RankKind {
    /// Every region but the nation.
    All,
    /// Parks and zones only.
    Park,
    /// Prefecture-level cities only.
    City,
    /// Provinces only.
    Province,
    /// City districts and counties only.
    District,
}

/// Shells `completions` writes scripts for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Shell {
    /// Bash.
    Bash,
    /// Zsh.
    Zsh,
    /// Fish.
    Fish,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Turn articles into a dataset.
    #[command(after_help = "Example:\n  gaoxin build seeds/ -o data/dataset.json")]
    Build {
        /// Files and folders of articles: .txt, .md, .html, .htm. An input file may be at
        /// most 256 MiB (raise with GAOXIN_MAX_INPUT_MB).
        #[arg(default_value = "seeds")]
        inputs: Vec<PathBuf>,
        /// Where to write the dataset.
        #[arg(short, long, default_value = "data/dataset.json")]
        output: PathBuf,
    },
    /// List regions with their figure counts.
    #[command(after_help = "Examples:\n  gaoxin regions --kind park\n  \
        gaoxin regions --province 四川 --format csv")]
    Regions {
        /// Only regions of this kind.
        #[arg(long, value_parser = kind_parser())]
        kind: Option<RegionKind>,
        /// Only regions in this province (name, pinyin or initials).
        #[arg(long, value_name = "NAME")]
        province: Option<String>,
        #[command(flatten)]
        output: Output,
    },
    /// One region: its figures with their sources, trends and conflicts.
    #[command(after_help = "Examples:\n  gaoxin show 成都\n  gaoxin show chengdu --format json")]
    Show {
        /// Region name, alias, pinyin (chengdu) or initials (cd).
        region: String,
        #[command(flatten)]
        output: Output,
    },
    /// Compare 2 to 6 regions metric by metric.
    #[command(after_help = "Examples:\n  gaoxin compare 常州 杭州\n  \
        gaoxin compare 常州 杭州 --metric 高新技术企业 --metric enterprises")]
    Compare {
        /// Two to six regions.
        #[arg(required = true, num_args = 2..=6, value_name = "REGION")]
        regions: Vec<String>,
        /// Only these metrics (id, Chinese or English name); repeatable.
        #[arg(long = "metric", value_name = "METRIC")]
        metrics: Vec<String>,
        #[command(flatten)]
        output: Output,
    },
    /// Rank regions on one metric, best first.
    #[command(after_help = "Examples:\n  gaoxin rank 高新技术企业\n  \
        gaoxin rank talent --kind park --year 2021")]
    Rank {
        /// Metric id, Chinese or English name, or pinyin.
        metric: String,
        /// Which regions take part.
        #[arg(long, value_enum, default_value_t = RankKind::All)]
        kind: RankKind,
        /// Only figures about this year.
        #[arg(long)]
        year: Option<i32>,
        /// Which measure of the metric to rank (default: its level, or for places in lists,
        /// the rank); figures of other measures and figures about a part of a region never
        /// enter.
        #[arg(long, value_parser = measure_parser())]
        measure: Option<Measure>,
        #[command(flatten)]
        output: Output,
    },
    /// List the canonical metrics with how many figures and regions have them.
    #[command(after_help = "Example:\n  gaoxin metrics --format json")]
    Metrics {
        #[command(flatten)]
        output: Output,
    },
    /// Every figure as one row: region, metric, value, year, article and source sentence.
    #[command(after_help = "Examples:\n  gaoxin export -o figures.xlsx\n  \
        gaoxin export -o sichuan.csv --region 四川 --year 2023\n  \
        gaoxin export --format json | jq length")]
    Export {
        /// Format on standard output (CSV by default, without a byte order mark).
        #[arg(long, value_enum)]
        format: Option<Format>,
        /// Write to this file instead, in the format its extension names: .csv (UTF-8 with a
        /// byte order mark, as Excel needs), .xlsx or .json.
        #[arg(short, long, value_name = "FILE", conflicts_with = "format")]
        output: Option<PathBuf>,
        /// Only figures about this region or any region inside it; repeatable.
        #[arg(long = "region", value_name = "REGION")]
        regions: Vec<String>,
        /// Only figures on this metric (id, Chinese or English name); repeatable.
        #[arg(long = "metric", value_name = "METRIC")]
        metrics: Vec<String>,
        /// Only figures about this year.
        #[arg(long)]
        year: Option<i32>,
        /// Only figures about regions of this kind.
        #[arg(long, value_parser = kind_parser())]
        kind: Option<RegionKind>,
    },
    /// Print a shell completion script.
    #[command(
        after_help = "Example:\n  gaoxin completions bash > ~/.local/share/bash-completion/completions/gaoxin"
    )]
    Completions {
        /// The shell.
        #[arg(value_enum)]
        shell: Shell,
    },
}

/// Runs the program with the process's arguments and returns its exit code: 0 on success,
/// 1 when the command failed, 2 for usage errors (from clap).
pub fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            // Messages quote names, ids and values from the dataset and the command line,
            // which may hold escape sequences: they must not reach the terminal raw.
            // Several failed inputs give several lines, each made safe on its own.
            let lines: Vec<String> = report(&e).lines().map(crate::text::sanitize).collect();
            eprintln!("gaoxin: {}", lines.join("\n"));
            ExitCode::FAILURE
        }
    }
}

/// The error and its causes on one line, leaving out causes the message already quotes: a
/// [`crate::Error`] spells out its I/O cause itself, so `{:#}` would print it twice.
fn report(e: &anyhow::Error) -> String {
    let mut out = e.to_string();
    for cause in e.chain().skip(1) {
        let cause = cause.to_string();
        if !out.contains(&cause) {
            out.push_str(": ");
            out.push_str(&cause);
        }
    }
    out
}

fn load_data(path: Option<&PathBuf>) -> anyhow::Result<Dataset> {
    Ok(match path {
        Some(p) => dataset::load(p)?,
        None => dataset::bundled()?,
    })
}

/// A lone word that is no file is a mistyped command (`gaoxin frobnicate`): a usage error.
fn unknown_command(paths: &[PathBuf]) {
    if let [p] = paths
        && !p.exists()
        && p.to_str().is_some_and(|s| !s.contains(['/', '\\', '.']))
    {
        Cli::command()
            .error(
                clap::error::ErrorKind::InvalidSubcommand,
                format!(
                    "'{}' is neither a command nor a file or folder of articles",
                    p.display()
                ),
            )
            .exit();
    }
}

/// Builds a dataset from articles in memory, saying on stderr what it reads.
pub fn read_articles(paths: &[PathBuf]) -> anyhow::Result<Dataset> {
    let files = crate::pipeline::collect_inputs(paths)?;
    eprintln!(
        "gaoxin: reading {} file{}…",
        files.len(),
        if files.len() == 1 { "" } else { "s" }
    );
    let extracted = crate::pipeline::extract_files(&files, true)?;
    let ds = crate::pipeline::assemble(&extracted, crate::extract::gazetteer::Gazetteer::bundled());
    let first = paths.first().cloned().unwrap_or_default();
    crate::dataset::validate(&ds, &first)?;
    eprintln!(
        "gaoxin: {} articles, {} figures",
        ds.articles.len(),
        ds.figures.len()
    );
    Ok(ds)
}

/// Runs one parsed command line.
pub fn run(cli: Cli) -> anyhow::Result<()> {
    let command = match cli.command {
        None if !cli.paths.is_empty() => {
            unknown_command(&cli.paths);
            return Ok(crate::tui::run(read_articles(&cli.paths)?)?);
        }
        None => return Ok(crate::tui::run(load_data(cli.data.as_ref())?)?),
        Some(c) => c,
    };
    match command {
        Command::Build { inputs, output } => {
            let summary = crate::pipeline::build(&crate::pipeline::BuildOptions {
                inputs,
                output: output.clone(),
                progress: true,
            })?;
            eprint!("{summary}");
            eprintln!("wrote {}", output.display());
        }
        Command::Completions { shell } => {
            let shell = match shell {
                Shell::Bash => clap_complete::Shell::Bash,
                Shell::Zsh => clap_complete::Shell::Zsh,
                Shell::Fish => clap_complete::Shell::Fish,
            };
            let mut script = Vec::new();
            clap_complete::generate(shell, &mut Cli::command(), "gaoxin", &mut script);
            report::write_stdout(&script)?;
        }
        query => {
            let ix = Index::new(load_data(cli.data.as_ref())?);
            let output = match &query {
                Command::Export { output, .. } => output.clone(),
                _ => None,
            };
            let (request, format) = config::resolve(&ix, query)?;
            let written = write_answer(
                &ix,
                &request,
                format,
                output.as_deref(),
                cli.data.as_deref(),
            );
            // The process ends here: its memory goes back whole, faster than the dataset's
            // million allocations one by one.
            std::mem::forget(ix);
            written?;
        }
    }
    Ok(())
}

/// Answers `request` on stdout in `format`, or in the file `output`, never over the dataset
/// `data` it was read from. Exports to CSV and JSON are written row by row as they are made, so
/// their size never sits in memory.
fn write_answer(
    ix: &Index,
    request: &config::Request,
    format: Format,
    output: Option<&std::path::Path>,
    data: Option<&std::path::Path>,
) -> anyhow::Result<()> {
    use crate::export::{FileFormat, stream_to, write_csv, write_json};
    if let (Some(out), Some(data)) = (output, data) {
        let target = crate::pipeline::output_target(out)?;
        crate::pipeline::check_not_an_input(out, &target, &[data.to_path_buf()])?;
    }
    if let config::Request::Export(filter) = request {
        let columns: Vec<String> = crate::query::EXPORT_COLUMNS
            .iter()
            .map(|c| c.to_string())
            .collect();
        let rows = commands::export_records(ix, filter);
        match output {
            Some(path) if FileFormat::from_path(path).is_ok_and(|f| f != FileFormat::Xlsx) => {
                let n = stream_to(path, &columns, rows)?;
                eprintln!("wrote {n} figures to {}", path.display());
                return Ok(());
            }
            None if format == Format::Csv => {
                return Ok(report::stream_stdout(|out| {
                    write_csv(out, &columns, rows, false)
                })?);
            }
            None if format == Format::Json => {
                return Ok(report::stream_stdout(|out| {
                    write_json(out, &columns, rows)
                })?);
            }
            _ => {}
        }
    }
    let report = commands::answer(ix, request, Lang::from_env());
    match output {
        Some(path) => {
            let sheet = report.sheet();
            sheet.write(path)?;
            eprintln!("wrote {} figures to {}", sheet.rows.len(), path.display());
        }
        None => report::write_stdout(report.render(format).as_bytes())?,
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_open_the_app_and_names_run_commands() {
        let cli = Cli::try_parse_from(["gaoxin", "seeds", "a.txt"]).unwrap();
        assert_eq!(cli.paths, [PathBuf::from("seeds"), PathBuf::from("a.txt")]);
        assert!(cli.command.is_none());
        let cli = Cli::try_parse_from(["gaoxin", "regions"]).unwrap();
        assert!(cli.paths.is_empty() && cli.command.is_some());
        let cli = Cli::try_parse_from(["gaoxin", "--data", "d.json", "regions", "--format", "csv"]);
        assert!(cli.unwrap().command.is_some());
        assert!(Cli::try_parse_from(["gaoxin", "--data", "d.json", "seeds"]).is_err());
    }

    #[test]
    fn report_names_each_cause_once() {
        let io = std::io::Error::new(std::io::ErrorKind::NotFound, "No such file or directory");
        let e = anyhow::Error::from(crate::Error::io("dir/bad.txt", io));
        assert_eq!(report(&e), "dir/bad.txt: No such file or directory");
        let wrapped = e.context("reading inputs");
        assert_eq!(
            report(&wrapped),
            "reading inputs: dir/bad.txt: No such file or directory"
        );
    }
}
