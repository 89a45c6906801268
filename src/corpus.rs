//! Files → articles: decode bytes to text, split a page into articles, reflow hard-wrapped lines.

mod classify;
pub mod date;
pub mod decode;
mod lines;
pub mod reflow;
#[cfg(test)]
mod seed_tests;
pub mod split;
mod titles;
mod web;

pub use split::split_articles;

/// One article as found on a page, before extraction.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct RawArticle {
    /// The headline as printed, or `""`.
    pub title: String,
    /// Byline as printed (`本报记者 王晓涛`), or `""`.
    pub byline: String,
    /// Reflowed text: the title (when there is one) as the first paragraph, so figures printed
    /// in headlines have a place in the text, then the body with hard wraps joined; paragraphs
    /// (and subheadings) separated by `\n`.
    pub text: String,
    /// Publication date, `YYYY-MM-DD` or `YYYY-MM` when only the month is known: from the
    /// page's dateline or metadata, else from the path the file was saved under.
    pub date: Option<String>,
}
