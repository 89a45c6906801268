//! Command-line entry: `gaoxin` opens the app, subcommands build the dataset and answer queries.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

use crate::dataset::{self, Dataset};

/// Browse, compare and check figures on China's cities and high-tech parks, offline.
#[derive(Debug, Parser)]
#[command(name = "gaoxin", version, about)]
pub struct Cli {
    /// Open this dataset instead of the bundled one.
    #[arg(long, global = true, value_name = "FILE")]
    pub data: Option<PathBuf>,
    /// What to do; without a command the app opens.
    #[command(subcommand)]
    pub command: Option<Command>,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Turn articles into a dataset.
    ///
    /// Example: gaoxin build seeds/ -o data/dataset.json
    Build {
        /// Files and folders of .txt/.md articles.
        #[arg(default_value = "seeds")]
        inputs: Vec<PathBuf>,
        /// Where to write the dataset.
        #[arg(short, long, default_value = "data/dataset.json")]
        output: PathBuf,
    },
}

/// Runs the program with the process's arguments and returns its exit code.
pub fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("gaoxin: {}", report(&e));
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

/// Runs one parsed command line.
pub fn run(cli: Cli) -> anyhow::Result<()> {
    match cli.command {
        None => crate::tui::run(load_data(cli.data.as_ref())?)?,
        Some(Command::Build { inputs, output }) => {
            let summary = crate::pipeline::build(&crate::pipeline::BuildOptions {
                inputs,
                output: output.clone(),
                progress: true,
            })?;
            eprint!("{summary}");
            eprintln!("wrote {}", output.display());
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

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
