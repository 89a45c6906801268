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
    /// The site sections a web page was filed under, from its breadcrumb (`安徽`, `宿州市`,
    /// `今日宿州`), home page and article entries left out; empty for other pages. Not part of
    /// the text, but a place named here says where a story is when its text does not.
    pub section: Vec<String>,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fixture(name: &str) -> Vec<u8> {
        let path = format!("{}/tests/fixtures/web/{name}", env!("CARGO_MANIFEST_DIR"));
        std::fs::read(path).unwrap()
    }

    #[test]
    fn saved_page_gives_one_story_with_its_breadcrumb_sections() {
        let arts = read("pages/a.html", &fixture("gbk_page.html")).unwrap();
        assert_eq!(arts.len(), 1);
        assert_eq!(arts[0].title, "芜湖高新区前三季度营业收入增长12.5%");
        assert_eq!(arts[0].date.as_deref(), Some("2023-10-26"));
        assert_eq!(arts[0].section, ["园区动态"]);
    }

    #[test]
    fn copied_web_text_keeps_its_dateline_date_and_sections() {
        let arts = read("web_text.txt", &fixture("web_text.txt")).unwrap();
        assert_eq!(arts.len(), 1);
        assert_eq!(arts[0].date.as_deref(), Some("2022-04-15"));
        assert_eq!(arts[0].section, ["园区经济"]);
    }

    #[test]
    fn printed_dates_win_over_the_path_and_datelines_date_their_own_story() {
        let page = "甲园区新增企业120家\n\n2021/3/1 16:26:28 来源:某某新闻网\n\n今年以来，甲园区新增企业120家。\n\n\
                    乙园区签约项目30个\n\n2021/3/2 09:00 来源:某某新闻网\n\n乙园区签约项目30个，总投资50亿元。\n";
        let arts = read("news/202110/x.txt", page.as_bytes()).unwrap();
        let dates: Vec<_> = arts.iter().map(|a| a.date.as_deref()).collect();
        assert_eq!(dates, [Some("2021-03-01"), Some("2021-03-02")]);
        let titles: Vec<_> = arts.iter().map(|a| a.title.as_str()).collect();
        assert_eq!(titles, ["甲园区新增企业120家", "乙园区签约项目30个"]);
        // No dateline: the path's month.
        let plain = read(
            "news/202110/y.txt",
            "丙园区新增企业80家，同比增长5%。".as_bytes(),
        )
        .unwrap();
        assert_eq!(plain[0].date.as_deref(), Some("2021-10"));
        // A date inside a sentence is the event's, not the page's.
        let event = read(
            "z.txt",
            "2023年7月20日，丁园区召开大会，签约项目12个。".as_bytes(),
        )
        .unwrap();
        assert_eq!(event[0].date, None);
    }
}
