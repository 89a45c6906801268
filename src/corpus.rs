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

    #[test]
    fn a_long_opening_line_over_prose_is_the_headline() {
        let title = "推进全域创新、大力培育高新技术企业 某市创新能级不断攀升见成效";
        let page = format!(
            "{title}\n今年以来，某市新增高新技术企业560家，同比增长18%，总数突破3000家。\n"
        );
        let arts = read("a.txt", page.as_bytes()).unwrap();
        assert_eq!(arts[0].title, title);
        // Not when the first line is a sentence, or what follows is not prose.
        let sentence = format!(
            "{title}。\n今年以来，某市新增高新技术企业560家，同比增长18%，总数突破3000家。\n"
        );
        assert_eq!(read("b.txt", sentence.as_bytes()).unwrap()[0].title, "");
        let short_next = format!("{title}\n某市新增企业560家\n");
        assert_eq!(read("c.txt", short_next.as_bytes()).unwrap()[0].title, "");
    }

    #[test]
    fn e_paper_running_lines_are_dropped_and_date_the_page() {
        let page = "xarb 2020年01月21日 星期二 3 上\n\n某区新增企业三百家\n\n今年以来，某区新增企业300家，同比增长12%。\n";
        let arts = read("p.txt", page.as_bytes()).unwrap();
        assert_eq!(arts.len(), 1);
        assert_eq!(arts[0].title, "某区新增企业三百家");
        assert_eq!(arts[0].date.as_deref(), Some("2020-01-21"));
        assert!(!arts[0].text.contains("星期二"));
    }
}
