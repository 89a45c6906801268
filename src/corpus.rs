//! Files → articles: decode bytes to text, split a page into articles, reflow hard-wrapped lines.

mod classify;
pub mod date;
pub mod decode;
pub mod html;
mod lines;
pub mod reflow;
#[cfg(test)]
mod seed_tests;
pub mod split;
mod titles;
mod web;

pub use split::split_articles;

/// Reads one input file into its articles: a web page (by name or by its bytes) gives the one
/// story it shows, any other file is decoded and split. Articles whose page prints no date take
/// the date in the file's path (`news/202110/…`), if any.
///
/// The error is a human reason ("looks like a PNG image, not text"); the caller adds the file
/// name.
pub fn read(source: &str, bytes: &[u8]) -> Result<Vec<RawArticle>, String> {
    let mut articles = if html::is_html(source, bytes) {
        html::read(bytes)?.into_iter().collect()
    } else {
        split_articles(&decode::decode(bytes)?)
    };
    if let Some(d) = date::from_path(source) {
        for a in articles.iter_mut().filter(|a| a.date.is_none()) {
            a.date = Some(d.clone());
        }
    }
    Ok(articles)
}

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
