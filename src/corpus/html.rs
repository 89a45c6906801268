//! Saved web pages → the article they show.
//!
//! The page is decoded by its declared charset (byte-order mark, `<meta charset>` or
//! `http-equiv`), else detected like any text file. The story is found by `dom_smoothie`, a port
//! of Mozilla's Readability: it scores the page's blocks by their text and links, so menus,
//! related-link lists, scripts, styles and footers stay out. The headline, date and byline come
//! from the page's markup and metadata; the text keeps paragraphs one to a line, with web
//! furniture that sits inside the story container (datelines, share bars, editor credits)
//! dropped as in copied web text.

use dom_query::Document;
use dom_smoothie::{Config, Readability, TextMode};
use encoding_rs::Encoding;

use super::lines::{ends_sentence, is_caption, is_furniture};
use super::{RawArticle, date, decode, web};

/// File extensions of saved web pages.
const EXTENSIONS: &[&str] = &["html", "htm", "shtml", "xhtml"];

/// Metadata names (`<meta name=…>`, `property`, `itemprop`) that carry the publication date,
/// lower-cased.
const DATE_META: &[&str] = &[
    "article:published_time",
    "og:article:published_time",
    "og:release_date",
    "pubdate",
    "publishdate",
    "publish_date",
    "publishtime",
    "publish-time",
    "firstpublishedtime",
    "datepublished",
    "dc.date",
    "dc.date.issued",
    "dcterms.date",
    "dcterms.created",
    "sailthru.date",
    "parsely-pub-date",
    "weibo:article:create_at",
    "release_date",
    "releasedate",
    "createdate",
    "date",
];

/// Separators between a page title and the site's name (`标题_创新园区_某某网`, `标题 - 某某网`).
const TITLE_SEPARATORS: &[&str] = &["_", "|", "｜", "丨", " - ", " — ", "--", " -- ", "—", "－"];

/// Whether a file is a web page: by its name, or by its first bytes whatever the name.
pub fn is_html(source: &str, bytes: &[u8]) -> bool {
    let by_name = source
        .rsplit_once('.')
        .is_some_and(|(_, ext)| EXTENSIONS.iter().any(|e| ext.eq_ignore_ascii_case(e)));
    by_name || sniff(bytes)
}

/// A document that opens with markup (`<!DOCTYPE html>`, `<html>`, or a comment or XML
/// declaration and then those).
fn sniff(bytes: &[u8]) -> bool {
    let start = ascii_head(bytes, 1024);
    let t = start.trim_start();
    t.starts_with('<')
        && (t.starts_with("<!doctype html")
            || t.starts_with("<html")
            || ((t.starts_with("<!--") || t.starts_with("<?xml") || t.starts_with("<meta"))
                && (t.contains("<html") || t.contains("<head") || t.contains("<body"))))
}

/// The first `n` bytes after any byte-order mark, ASCII lower-cased, non-ASCII bytes as `?`.
/// UTF-16 pages are read through their decoded text.
fn ascii_head(bytes: &[u8], n: usize) -> String {
    if bytes.starts_with(b"\xff\xfe") || bytes.starts_with(b"\xfe\xff") {
        return decode::decode(bytes)
            .map(|s| s.chars().take(n).collect::<String>().to_ascii_lowercase())
            .unwrap_or_default();
    }
    let body = bytes.strip_prefix(b"\xef\xbb\xbf").unwrap_or(bytes);
    body.iter()
        .take(n)
        .map(|&b| {
            if b.is_ascii() {
                b.to_ascii_lowercase() as char
            } else {
                '?'
            }
        })
        .collect()
}

/// The charset a page declares in its first kilobytes: `<meta charset="gbk">` or
/// `<meta http-equiv="Content-Type" content="text/html; charset=gb2312">`.
fn declared_charset(bytes: &[u8]) -> Option<&'static Encoding> {
    let head = ascii_head(bytes, 4096);
    let mut rest = head.as_str();
    while let Some(at) = rest.find("<meta") {
        let tag_end = rest[at..].find('>').map_or(rest.len(), |e| at + e);
        let tag = &rest[at..tag_end];
        if let Some(c) = tag.find("charset") {
            let value = tag[c + "charset".len()..]
                .trim_start()
                .strip_prefix('=')
                .map(|v| v.trim_start().trim_start_matches(['"', '\'']))
                .unwrap_or("");
            let label: String = value
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.' | ':'))
                .collect();
            if let Some(enc) = Encoding::for_label(label.as_bytes()) {
                // A page that says UTF-16 in ASCII bytes is not UTF-16 (as browsers read it).
                if enc == encoding_rs::UTF_16LE || enc == encoding_rs::UTF_16BE {
                    return Some(encoding_rs::UTF_8);
                }
                return Some(enc);
            }
        }
        rest = &rest[tag_end..];
    }
    None
}

/// Decodes a web page: a byte-order mark wins, then the declared charset, then detection as for
/// any text file.
pub fn decode_page(bytes: &[u8]) -> Result<String, String> {
    let has_bom = bytes.starts_with(b"\xef\xbb\xbf")
        || bytes.starts_with(b"\xff\xfe")
        || bytes.starts_with(b"\xfe\xff");
    // Valid UTF-8 with Chinese in it is UTF-8 whatever the page says: editors re-save GBK
    // pages as UTF-8 and keep the old meta tag, and GBK text is almost never valid UTF-8.
    if !has_bom
        && std::str::from_utf8(bytes).is_err()
        && let Some(enc) = declared_charset(bytes)
    {
        let (text, had_errors) = enc.decode_without_bom_handling(bytes);
        if !had_errors {
            return Ok(text.replace("\r\n", "\n").replace('\r', "\n"));
        }
        // Declared wrongly (a GBK page under a UTF-8 meta tag): detect.
        if let Ok(text) = decode::decode(bytes) {
            return Ok(text);
        }
        let bad = text.chars().filter(|&c| c == '\u{fffd}').count();
        if bad * 100 > text.chars().count().max(1) {
            return Err(format!(
                "declares charset {} but is not valid {} ({bad} undecodable characters)",
                enc.name(),
                enc.name()
            ));
        }
        return Ok(text.replace("\r\n", "\n").replace('\r', "\n"));
    }
    decode::decode(bytes)
}

/// Reads a web page's bytes into its article, or `None` when the page holds no text.
pub fn read(bytes: &[u8]) -> Result<Option<RawArticle>, String> {
    let html = decode_page(bytes)?;
    Ok(read_html(&html))
}

/// What the page's markup says about its story, read before the story is cut out.
struct PageInfo {
    title: String,
    date: Option<String>,
    byline: String,
    /// The page's text, one block to a line, for datelines printed outside the story block.
    lines: Vec<String>,
}

fn read_html(html: &str) -> Option<RawArticle> {
    let doc = Document::from(join_wide_line_breaks(html));
    doc.select("script, style, noscript, template, iframe")
        .remove();
    let info = page_info(&doc);
    let cfg = Config {
        text_mode: TextMode::Formatted,
        // Chinese packs a sentence into few characters: a story of a few hundred is whole.
        char_threshold: 200,
        ..Config::default()
    };
    let content = Readability::with_document(doc, None, Some(cfg))
        .ok()
        .and_then(|mut r| r.parse().ok())
        .map(|a| a.text_content.to_string())
        .filter(|t| !t.trim().is_empty())
        .unwrap_or_else(|| info.lines.join("\n"));
    let mut date = info.date.clone();
    let mut paragraphs: Vec<String> = Vec::new();
    for line in content.lines() {
        let line = web::strip_citations(line.trim());
        let line = line.trim();
        if line.is_empty() || line == info.title {
            continue;
        }
        if let Some(d) = date::dateline(line) {
            date.get_or_insert(d);
            continue;
        }
        if is_furniture(line) || web::is_furniture(line) || is_caption(line) {
            continue;
        }
        paragraphs.push(line.to_string());
    }
    // The story block ends at a list of related stories, if one was kept.
    if let Some(end) = paragraphs.iter().position(|p| web::is_related_heading(p)) {
        paragraphs.truncate(end);
    }
    if paragraphs.is_empty() {
        return None;
    }
    let mut text = String::new();
    if !info.title.is_empty() {
        text.push_str(&info.title);
        text.push('\n');
    }
    text.push_str(&paragraphs.join("\n"));
    let section = info
        .lines
        .iter()
        .map(|l| web::breadcrumb_sections(l))
        .find(|s| !s.is_empty())
        .unwrap_or_default();
    Some(RawArticle {
        title: info.title,
        byline: info.byline,
        text,
        date,
        section,
    })
}

/// Removes line breaks of the page source that fall between two Chinese characters, as
/// browsers do (CSS Text segment-break transformation): `增长，\n  规上` is `增长，规上`, not
/// `增长， 规上`.
fn join_wide_line_breaks(html: &str) -> String {
    let wide = |c: Option<char>| c.is_some_and(|c| !c.is_ascii() && !c.is_whitespace());
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(at) = rest.find('\n') {
        let before = rest[..at].trim_end_matches([' ', '\t', '\r']);
        let after = rest[at + 1..].trim_start_matches([' ', '\t', '\r', '\n']);
        out.push_str(before);
        if !(wide(before.chars().next_back()) && wide(after.chars().next())) {
            out.push_str(&rest[before.len()..rest.len() - after.len()]);
        }
        rest = after;
    }
    out.push_str(rest);
    out
}

fn page_info(doc: &Document) -> PageInfo {
    let mut metas: Vec<(String, String)> = Vec::new();
    for node in doc.select("meta").nodes() {
        let key = node
            .attr("property")
            .or_else(|| node.attr("name"))
            .or_else(|| node.attr("itemprop"))
            .map(|k| k.trim().to_ascii_lowercase());
        let value = node.attr("content").map(|v| v.trim().to_string());
        if let (Some(k), Some(v)) = (key, value)
            && !v.is_empty()
        {
            metas.push((k, v));
        }
    }
    let meta = |names: &[&str]| {
        names
            .iter()
            .find_map(|n| metas.iter().find(|(k, _)| k == n).map(|(_, v)| v.clone()))
    };
    let page_title = clean(&doc.select("head title").text());
    let og_title = meta(&["og:title", "twitter:title"]).map(|t| clean(&t));
    let headings: Vec<String> = doc
        .select("h1, h2")
        .nodes()
        .iter()
        .map(|n| clean(&n.text()))
        .filter(|t| !t.is_empty())
        .collect();
    let title = choose_title(&page_title, og_title.as_deref(), &headings);

    let body = doc.select("body");
    let lines: Vec<String> = body
        .formatted_text()
        .lines()
        .map(|l| l.trim().to_string())
        .filter(|l| !l.is_empty())
        .collect();
    let date = DATE_META
        .iter()
        .find_map(|n| meta(&[n]).and_then(|v| date::from_meta(&v)))
        .or_else(|| {
            doc.select("time[datetime]")
                .nodes()
                .first()
                .and_then(|t| t.attr("datetime"))
                .and_then(|v| date::from_meta(&v))
        })
        .or_else(|| dateline_after_title(&lines, &title))
        .or_else(|| {
            let url = doc
                .select("link[rel=canonical]")
                .attr("href")
                .map(|s| s.to_string())
                .or_else(|| meta(&["og:url"]))?;
            date::from_url_in(&url)
        });
    let byline = meta(&["author", "article:author"])
        .map(|a| clean(&a))
        .filter(|a| a.chars().count() <= 30 && !a.contains("http") && !ends_sentence(a))
        .unwrap_or_default();
    PageInfo {
        title,
        date,
        byline,
        lines,
    }
}

/// Whitespace collapsed to single spaces.
fn clean(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The headline: a heading that the page title or `og:title` starts with (sites put the logo
/// in an `<h1>` too), else `og:title`, else the page title without the site's name, else the
/// first `<h1>`.
fn choose_title(page_title: &str, og_title: Option<&str>, headings: &[String]) -> String {
    let stripped = strip_site(page_title);
    let og = og_title.map(strip_site).filter(|t| !t.is_empty());
    let long_enough = |h: &str| h.chars().count() >= 4;
    let in_titles = |h: &str| {
        long_enough(h)
            && (page_title.starts_with(h)
                || stripped == h
                || og
                    .as_deref()
                    .is_some_and(|o| o.starts_with(h) || h.starts_with(o)))
    };
    if let Some(h) = headings.iter().find(|h| in_titles(h)) {
        return h.clone();
    }
    if let Some(o) = og {
        return o;
    }
    if long_enough(&stripped) {
        return stripped;
    }
    headings
        .iter()
        .find(|h| long_enough(h))
        .cloned()
        .unwrap_or(stripped)
}

/// `河南高新区创新实力提升_创新园区_某某网` → `河南高新区创新实力提升`: the first part of a title
/// whose other parts are short site and channel names.
fn strip_site(title: &str) -> String {
    let mut best = title.trim().to_string();
    for sep in TITLE_SEPARATORS {
        let parts: Vec<&str> = best.split(sep).map(str::trim).collect();
        if parts.len() < 2 {
            continue;
        }
        let head = parts[0];
        let tail_short = parts[1..].iter().all(|p| p.chars().count() <= 16);
        if tail_short && head.chars().count() >= 4 {
            best = head.to_string();
        }
    }
    best
}

/// A dateline printed near the headline (in the page's own header block, outside the story
/// container): the first within a few lines after the headline line.
fn dateline_after_title(lines: &[String], title: &str) -> Option<String> {
    if title.is_empty() {
        return None;
    }
    let at = lines.iter().position(|l| l == title || l.contains(title))?;
    lines
        .iter()
        .skip(at + 1)
        .take(6)
        .find_map(|l| date::dateline(l))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn source_line_breaks_between_chinese_characters_vanish() {
        assert_eq!(
            join_wide_line_breaks("<p>同比增长，\n    规上工业</p>"),
            "<p>同比增长，规上工业</p>"
        );
        // Breaks next to Latin letters, digits or markup stay.
        assert_eq!(
            join_wide_line_breaks("<p>增长\n12%</p>"),
            "<p>增长\n12%</p>"
        );
        assert_eq!(
            join_wide_line_breaks("园区\n<b>企业</b>"),
            "园区\n<b>企业</b>"
        );
    }

    #[test]
    fn charset_from_meta_tags() {
        let gbk =
            b"<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=gb2312\">";
        assert_eq!(declared_charset(gbk), Some(encoding_rs::GBK));
        let utf8 = b"<!DOCTYPE html><html><head><meta charset='utf-8'/>";
        assert_eq!(declared_charset(utf8), Some(encoding_rs::UTF_8));
        let none = b"<html><head><meta name=\"keywords\" content=\"a,b\">";
        assert_eq!(declared_charset(none), None);
        let utf16 = b"<meta charset=\"utf-16\">";
        assert_eq!(declared_charset(utf16), Some(encoding_rs::UTF_8));
    }

    #[test]
    fn html_by_name_or_by_content() {
        assert!(is_html("a/page.HTML", b""));
        assert!(is_html("a/page.htm", b""));
        assert!(is_html("a/page.txt", b"\n  <!DOCTYPE html><html>"));
        assert!(is_html("noext", b"\xef\xbb\xbf<html lang=\"zh\">"));
        assert!(is_html("x.txt", b"<!-- saved --><html><body>"));
        assert!(!is_html(
            "a/page.txt",
            "园区新增企业<b>300</b>家".as_bytes()
        ));
        assert!(!is_html("a/notes.md", b"<div>not a page</div>"));
    }

    #[test]
    fn site_names_leave_the_title() {
        assert_eq!(
            strip_site("某省高新区创新实力稳步提升_创新园区_某某网"),
            "某省高新区创新实力稳步提升"
        );
        assert_eq!(
            strip_site("某市发布科技公报 - 某某新闻网"),
            "某市发布科技公报"
        );
        assert_eq!(strip_site("标题|频道|网站"), "标题|频道|网站");
        assert_eq!(strip_site("没有站名的标题"), "没有站名的标题");
    }

    #[test]
    fn headline_prefers_the_heading_the_title_names() {
        let headings = vec!["某某网".to_string(), "某市高新区营收增长12%".to_string()];
        assert_eq!(
            choose_title("某市高新区营收增长12%_要闻_某某网", None, &headings),
            "某市高新区营收增长12%"
        );
        assert_eq!(
            choose_title("某某网", Some("某市新增企业300家"), &["某某网".to_string()]),
            "某市新增企业300家"
        );
        assert_eq!(
            choose_title("", None, &["某市高新区召开大会".to_string()]),
            "某市高新区召开大会"
        );
    }

    #[test]
    fn declared_charset_wins_and_wrong_declarations_are_detected() {
        let page = "<html><head><meta charset=\"gbk\"><title>某市高新区</title></head><body><p>园区新增企业三百家。</p></body></html>";
        let (gbk, _, _) = encoding_rs::GBK.encode(page);
        assert_eq!(decode_page(&gbk).unwrap(), page);
        // Declared GBK, saved as UTF-8: the bytes still read.
        assert_eq!(decode_page(page.as_bytes()).unwrap(), page);
    }
}
