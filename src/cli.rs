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
            eprintln!("gaoxin: {e:#}");
            ExitCode::FAILURE
        }
    }
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
