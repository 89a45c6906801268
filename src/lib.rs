//! gaoxin turns Chinese news about cities and high-tech parks into a dataset of regions and
//! figures, and lets people browse, compare and check it against the source in a terminal.
//!
//! Data flows one way: files → [`corpus`] (decode, split, reflow) → [`extract`] (gazetteer,
//! numbers, metrics, attribution) → [`dataset`] (types, load, validate) → [`query`] → [`tui`] /
//! [`cli`].
//! [`text`] holds the display-width helpers every renderer uses.

pub mod cli;
pub mod corpus;
pub mod dataset;
pub mod error;
pub mod export;
pub mod extract;
pub mod limits;
pub mod pipeline;
pub mod query;
pub mod text;
pub mod tui;

pub use error::{Error, Result};
