//! Place mentions in text: divisions by name or short name, parks by pattern, the nation.
use super::gazetteer::Gazetteer;
use std::ops::Range;
/// Place.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Place {
    /// Nation.
    Nation,
    /// Division.
    Division(u32),
    /// Park.
    Park {
        /// Name.
        name: String,
        /// Parent.
        parent: Option<u32>,
    },
}
/// Mention.
#[derive(Debug, Clone, PartialEq)]
pub struct Mention {
    /// Range.
    pub range: Range<usize>,
    /// Place.
    pub place: Place,
    /// Surface.
    pub surface: String,
}
/// Find.
pub fn find_mentions(_g: &Gazetteer, _t: &str) -> Vec<Mention> {
    Vec::new()
}
