//! Files → articles: decode bytes to text, split a page into articles, reflow hard-wrapped lines.

pub mod decode;
pub mod reflow;
pub mod split;

pub use split::split_articles;

/// One article as found on a page, before extraction.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct RawArticle {
    /// The headline as printed, or `""`.
    pub title: String,
    /// Byline as printed (`本报记者 王晓涛`), or `""`.
    pub byline: String,
    /// Reflowed body: hard wraps joined, paragraphs separated by `\n`.
    pub text: String,
}
