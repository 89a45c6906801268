//! Articles → figures: find quantities, the regions they are about, their labels and metrics.

pub mod attribution;
pub mod context;
pub mod figures;
pub mod gazetteer;
pub mod label;
pub mod lexicon;
pub mod meaning;
pub mod metrics;
pub mod numbers;
mod pairs;
pub mod places;
pub mod quantity;
