//! `gaoxin build` on saved web pages and text copied from them: one article per page with its
//! headline and publication date, and only the story's figures — never a number from the
//! navigation, scripts, related links, share bars or the footer.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::{Path, PathBuf};
use std::process::Command;

use gaoxin::dataset::{self, Dataset};

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/web")
        .join(name)
}

/// Builds `inputs` into a dataset in a temporary folder and loads it (which checks every span).
fn build(inputs: &[&Path]) -> Dataset {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("dataset.json");
    let run = Command::new(env!("CARGO_BIN_EXE_gaoxin"))
        .arg("build")
        .args(inputs)
        .arg("-o")
        .arg(&out)
        .output()
        .unwrap();
    assert!(
        run.status.success(),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
    dataset::load(&out).unwrap()
}

/// What one page must give.
struct Expect<'a> {
    title: &'a str,
    date: &'a str,
    /// Figures the story prints; every one must be found.
    must: &'a [&'a str],
    /// Further spans the story prints that may or may not count as figures.
    may: &'a [&'a str],
    /// Text of the page that is not the story.
    furniture: &'a [&'a str],
}

fn check(ds: &Dataset, e: &Expect) {
    assert_eq!(ds.articles.len(), 1, "{:#?}", ds.articles);
    let a = &ds.articles[0];
    assert_eq!(a.title, e.title);
    assert_eq!(a.date.as_deref(), Some(e.date));
    assert!(a.text.starts_with(e.title), "{}", a.text);
    for f in e.furniture {
        assert!(
            !a.text.contains(f),
            "furniture {f} in the text:\n{}",
            a.text
        );
    }
    let raws: Vec<&str> = ds.figures.iter().map(|f| f.raw.as_str()).collect();
    for m in e.must {
        assert!(raws.contains(m), "{m} not found among {raws:?}");
    }
    for r in &raws {
        assert!(
            e.must.contains(r) || e.may.contains(r),
            "{r} is not a figure of the story ({raws:?})"
        );
    }
}

#[test]
fn saved_gbk_page_gives_its_story_headline_and_date() {
    let page = fixture("gbk_page.html");
    let bytes = std::fs::read(&page).unwrap();
    assert!(
        std::str::from_utf8(&bytes).is_err(),
        "the fixture must stay GBK"
    );
    let ds = build(&[&page]);
    check(
        &ds,
        &Expect {
            title: "芜湖高新区前三季度营业收入增长12.5%",
            date: "2023-10-26",
            must: &[
                "12.5%",
                "1280亿元",
                "86家",
                "512家",
                "43个",
                "210亿元",
                "156个",
                "98.6件",
            ],
            may: &["七成"],
            furniture: &[
                "江淮科技网",
                "当前位置",
                "浏览次数",
                "1523",
                "分享",
                "字体",
                "责任编辑",
                "上一篇",
                "相关新闻",
                "合肥高新区",
                "ICP",
                "版权所有",
                "8888",
                "0553",
                "_hmt",
                "float:left",
            ],
        },
    );
    let region_names: Vec<&str> = ds.regions.iter().map(|r| r.name.as_str()).collect();
    for other in ["合肥市", "蚌埠市", "安庆市", "马鞍山市", "滁州市"] {
        assert!(
            !region_names.contains(&other),
            "{other} came from the related links"
        );
    }
}

#[test]
fn utf8_page_with_metadata_and_an_article_element() {
    let ds = build(&[&fixture("utf8_page.html")]);
    check(
        &ds,
        &Expect {
            title: "成都高新区上半年新增科技型企业2150家",
            date: "2024-07-18",
            must: &[
                "2150家",
                "18%",
                "3.2万家",
                "96亿元",
                "15.3%",
                "4860件",
                "320件",
                "5.6万人",
                "12个",
                "168个",
            ],
            may: &["三成"],
            furniture: &[
                "蓉城科创在线",
                "今天是",
                "分享到",
                "推荐阅读",
                "绵阳",
                "ICP",
                "40960",
                "__STATE__",
            ],
        },
    );
    assert_eq!(ds.articles[0].byline, "张晓");
    // The subheading stays a paragraph of its own.
    assert!(ds.articles[0].text.contains("\n人才集聚效应显现\n"));
}

#[test]
fn copied_web_text_drops_furniture_and_citation_marks() {
    let ds = build(&[&fixture("web_text.txt")]);
    check(
        &ds,
        &Expect {
            title: "南昌高新区一季度实现技工贸总收入1050亿元",
            date: "2022-04-15",
            must: &["1050亿元", "9.6%", "11.2%", "15%", "28个", "186亿元", "7家"],
            may: &[],
            furniture: &[
                "网站首页",
                "热门关键字",
                "某某照明",
                "首页 >",
                "来源:",
                "放大",
                "分享",
                "上一篇",
                "新闻推荐",
                "赣州",
                "800亿元",
                "[1]",
                "[2]",
            ],
        },
    );
    let text = &ds.articles[0].text;
    // Marks leave no gap behind: the figure and the comma after it touch.
    assert!(text.contains("同比增长9.6%,规上"), "{text}");
    assert!(text.contains("固定资产投资增长15%。"), "{text}");
    // Three paragraphs under the headline: indents open paragraphs in web text.
    assert_eq!(text.lines().count(), 4, "{text}");
}

#[test]
fn a_page_is_recognised_by_its_bytes_and_folders_yield_web_pages() {
    let dir = tempfile::tempdir().unwrap();
    // A saved page with a text extension is still a page.
    let renamed = dir.path().join("saved.txt");
    std::fs::copy(fixture("gbk_page.html"), &renamed).unwrap();
    let ds = build(&[&renamed]);
    assert_eq!(ds.articles.len(), 1);
    assert_eq!(ds.articles[0].title, "芜湖高新区前三季度营业收入增长12.5%");
    // A folder of pages: .html and .htm files are read.
    let folder = dir.path().join("pages");
    std::fs::create_dir(&folder).unwrap();
    std::fs::copy(fixture("gbk_page.html"), folder.join("a.htm")).unwrap();
    std::fs::copy(fixture("utf8_page.html"), folder.join("b.html")).unwrap();
    let ds = build(&[&folder]);
    let titles: Vec<&str> = ds.articles.iter().map(|a| a.title.as_str()).collect();
    assert_eq!(
        titles,
        [
            "芜湖高新区前三季度营业收入增长12.5%",
            "成都高新区上半年新增科技型企业2150家"
        ]
    );
}

#[test]
fn a_date_in_the_folder_dates_pages_that_print_none() {
    let dir = tempfile::tempdir().unwrap();
    let month = dir.path().join("news/202110");
    std::fs::create_dir_all(&month).unwrap();
    let file = month.join("480178.txt");
    std::fs::write(
        &file,
        "某市高新区新增企业120家\n\n今年以来，某市高新区新增企业120家，同比增长15%。\n",
    )
    .unwrap();
    let ds = build(&[&file]);
    assert_eq!(ds.articles[0].date.as_deref(), Some("2021-10"));
}

#[test]
fn a_bare_park_headline_is_the_park_of_the_city_the_breadcrumb_names() {
    let ds = build(&[&fixture("crumb_park.txt")]);
    let region = |raw: &str| {
        let f = ds.figures.iter().find(|f| f.raw == raw).unwrap();
        let id = f.region.as_deref().unwrap();
        ds.regions.iter().find(|r| r.id == id).unwrap()
    };
    for raw in ["86.5亿元", "12.3%", "21个", "102亿元"] {
        let r = region(raw);
        assert_eq!(r.name, "德阳高新区", "{raw}");
        let parent = r.parent.as_deref().unwrap();
        let city = ds.regions.iter().find(|c| c.id == parent).unwrap();
        assert_eq!(city.name, "德阳市", "{raw}");
    }
}
