//! The `gaoxin` binary: parse arguments, hand over to the library, map errors to an exit code.

use std::process::ExitCode;

fn main() -> ExitCode {
    gaoxin::cli::main()
}
