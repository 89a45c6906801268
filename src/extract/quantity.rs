//! Quantities in running text: a number with its magnitude and unit words, as a figure's `raw`.

use std::ops::Range;

use crate::dataset::Qualifier;

/// What kind of number a quantity is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum QuantityKind {
    /// A count or amount.
    Number,
    /// A percentage (`%`, `％`, `个百分点`).
    Percent,
    /// A fraction (`1/4`, `四分之一`): unit `ratio`.
    Fraction,
    /// A rank (`第4`): unit `位次`.
    Rank,
}

/// A quantity found in text.
#[derive(Debug, Clone, PartialEq)]
pub struct Quantity {
    /// Byte range of the raw text (number, magnitude and unit words).
    pub range: Range<usize>,
    /// Value with magnitude applied, in the base unit.
    pub value: f64,
    /// Base unit as written, `""` when none.
    pub unit: String,
    /// Kind of number.
    pub kind: QuantityKind,
    /// A hedge written inside the raw text (`十余家`, `2100余万`, `300多家`).
    pub inner_qualifier: Option<Qualifier>,
}

/// Finds the quantities in `text`, leaving out dates, years, durations, ordinals, enumerators and
/// numbers inside names and slogans.
pub fn scan(_text: &str) -> Vec<Quantity> {
    Vec::new()
}
