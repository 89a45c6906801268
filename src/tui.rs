//! The terminal app: browse regions, read figures and check them against their source.

use crate::dataset::Dataset;

/// Runs the app on `dataset` until the user quits; the terminal is restored on every exit path.
pub fn run(_dataset: Dataset) -> crate::Result<()> {
    Ok(())
}
