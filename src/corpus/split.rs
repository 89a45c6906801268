//! Splitting a page into articles: headings, bylines, 本报讯, captions, page furniture.
//!
//! A page is read as a stream of classified lines ([`classify`]). An article starts where a
//! title is followed by a byline, a dateline or a lead paragraph, where a byline or dateline
//! appears after body text, or where body text follows a finished article (closed by an author
//! note or a trailing name). Headings that fall between paragraphs of an open article are its
//! subheadings. Titles printed away from their article (several headlines stacked above a
//! column, or a headline printed under the story) are matched to untitled articles by shared
//! wording ([`super::titles`]).

use super::RawArticle;
use super::classify::{Line, Page, classify};
use super::reflow::{BodyLine, Layout, lost_indents, opening_deficits, reflow};
use super::titles::{TitleGroup, assign_floating};

/// Splits a decoded page (line ends already `\n`) into its articles.
pub fn split_articles(text: &str) -> Vec<RawArticle> {
    let page = classify(text);
    let mut s = Splitter {
        page: &page,
        drafts: Vec::new(),
        closed: false,
        pending: Vec::new(),
        floating: Vec::new(),
        break_next: false,
        pending_date: None,
    };
    for i in 0..page.lines.len() {
        s.step(i);
    }
    s.finish()
}

#[derive(Default)]
struct Draft {
    /// Resolved title, or `None` while it may still come from the floating titles.
    title: Option<String>,
    byline: String,
    /// Publication date from a dateline or source credit.
    date: Option<String>,
    lines: Vec<BodyLine>,
}

impl Draft {
    fn has_text(&self) -> bool {
        self.lines.iter().any(|l| !l.heading)
    }

    fn add_byline(&mut self, b: &str) {
        if self.byline.is_empty() {
            self.byline = b.to_string();
        } else if !self.byline.contains(b) {
            self.byline.push(' ');
            self.byline.push_str(b);
        }
    }
}

struct Splitter<'a> {
    page: &'a Page,
    drafts: Vec<Draft>,
    /// The last draft accepts no more body text: an author note or trailing name closed it.
    closed: bool,
    /// Title groups read but not yet given to an article.
    pending: Vec<TitleGroup>,
    /// Title groups that could not be placed directly.
    floating: Vec<TitleGroup>,
    /// A gap (image slot) or dropped caption since the last body line.
    break_next: bool,
    /// A publication date read under a title, for the article that starts next.
    pending_date: Option<String>,
}

impl Splitter<'_> {
    fn current(&mut self) -> Option<&mut Draft> {
        if self.closed {
            None
        } else {
            self.drafts.last_mut()
        }
    }

    fn open_has_text(&self) -> bool {
        !self.closed && self.drafts.last().is_some_and(Draft::has_text)
    }

    /// Starts an article, giving it the pending titles.
    fn start(&mut self) {
        let mut draft = Draft {
            date: self.pending_date.take(),
            ..Draft::default()
        };
        let pending = std::mem::take(&mut self.pending);
        if pending.len() == 1 {
            draft.title = pending.into_iter().next().map(|g| g.text());
        } else {
            self.floating.extend(pending);
        }
        self.drafts.push(draft);
        self.closed = false;
        self.break_next = false;
    }

    /// Makes sure an article is open for what comes next, starting one when titles wait or the
    /// last article is finished.
    fn ensure_open(&mut self) {
        if !self.pending.is_empty() || self.closed || self.drafts.is_empty() {
            self.start();
        }
    }

    /// The index of the next line that is not furniture, a caption or a gap.
    fn next_significant(&self, i: usize) -> Option<&Line> {
        self.page.lines[i + 1..]
            .iter()
            .find(|l| !matches!(l, Line::Furniture | Line::Caption | Line::Gap))
    }

    fn step(&mut self, i: usize) {
        let page = self.page;
        match &page.lines[i] {
            Line::Furniture => {
                if let Some(date) = page.dates.get(&i) {
                    self.date(date);
                }
            }
            Line::Caption | Line::Gap => self.break_next = true,
            Line::Heading { group } => {
                let group = &page.groups[*group];
                let next_is_body = matches!(self.next_significant(i), Some(Line::Body { .. }));
                // A headline over a web dateline starts a story, even after another story.
                let dated = page.lines[i + 1..]
                    .iter()
                    .position(|l| !matches!(l, Line::GroupCont))
                    .is_some_and(|k| page.dates.contains_key(&(i + 1 + k)));
                let is_sub = !group.top_level
                    && !dated
                    && group.lines.len() == 1
                    && self.pending.is_empty()
                    && self.open_has_text()
                    && next_is_body;
                if is_sub {
                    if let Some(d) = self.current() {
                        d.lines.push(BodyLine {
                            text: group.text(),
                            heading: true,
                            ..Default::default()
                        });
                    }
                } else {
                    self.pending.push(group.clone());
                }
            }
            Line::GroupCont => {}
            Line::Byline(b) => {
                let continues = self.pending.is_empty()
                    && !self.closed
                    && self.drafts.last().is_some_and(|d| !d.has_text());
                if !continues {
                    self.start();
                }
                if let Some(d) = self.drafts.last_mut() {
                    d.add_byline(b);
                }
            }
            Line::Dateline { byline, body } => {
                let fresh = self.pending.is_empty()
                    && !self.closed
                    && self.drafts.last().is_some_and(|d| !d.has_text());
                if !fresh {
                    self.start();
                }
                if let Some(d) = self.drafts.last_mut() {
                    if let Some(b) = byline {
                        d.add_byline(b);
                    }
                    if let Some(text) = body {
                        d.lines.push(BodyLine {
                            text: text.clone(),
                            ..Default::default()
                        });
                    }
                }
                self.break_next = false;
            }
            Line::Name(n) => {
                if !self.pending.is_empty() || self.closed || self.drafts.is_empty() {
                    // Under a title: the author.
                    self.start();
                    if let Some(d) = self.drafts.last_mut() {
                        d.add_byline(n);
                    }
                } else if let Some(d) = self.drafts.last_mut() {
                    // After the story: the author signing off (or an editor, when the story
                    // already named its author).
                    if d.byline.is_empty() {
                        d.add_byline(n);
                    }
                    self.closed = d.has_text();
                }
            }
            Line::EndNote(n) => {
                if !self.closed
                    && let Some(d) = self.drafts.last_mut().filter(|d| d.byline.is_empty())
                {
                    d.add_byline(n);
                }
                self.closed = true;
            }
            Line::Close => {
                if self.open_has_text() {
                    self.closed = true;
                }
            }
            Line::Body { text, lead_space } => {
                self.ensure_open();
                let break_before = std::mem::take(&mut self.break_next);
                if let Some(d) = self.drafts.last_mut() {
                    d.lines.push(BodyLine {
                        text: text.clone(),
                        lead_space: *lead_space,
                        break_before,
                        heading: false,
                    });
                }
            }
        }
    }

    /// A dateline under a title dates the article that follows; one after a story's text (a
    /// source credit) dates that story.
    fn date(&mut self, date: &str) {
        let waiting = !self.pending.is_empty() || self.closed || self.drafts.is_empty();
        if waiting {
            self.pending_date.get_or_insert_with(|| date.to_string());
        } else if let Some(d) = self.drafts.last_mut() {
            d.date.get_or_insert_with(|| date.to_string());
        }
    }

    fn finish(mut self) -> Vec<RawArticle> {
        self.floating.append(&mut self.pending);
        // A dateline with no story after it dates the story above it.
        if let Some(date) = self.pending_date.take()
            && let Some(d) = self.drafts.iter_mut().rev().find(|d| d.has_text())
        {
            d.date.get_or_insert(date);
        }
        let hard_wrapped = self.page.hard_wrapped;
        let deficits = if hard_wrapped {
            self.drafts
                .iter()
                .flat_map(|d| opening_deficits(&d.lines))
                .collect()
        } else {
            Vec::new()
        };
        let layout = Layout {
            hard_wrapped,
            indented: lost_indents(deficits),
        };
        let mut articles: Vec<(Option<String>, RawArticle)> = self
            .drafts
            .into_iter()
            .filter(|d| d.has_text())
            .map(|d| {
                let text = reflow(&d.lines, layout);
                (
                    d.title,
                    RawArticle {
                        title: String::new(),
                        byline: d.byline,
                        text,
                        date: d.date,
                        section: self.page.section.clone(),
                    },
                )
            })
            .collect();
        let untitled: Vec<usize> = (0..articles.len())
            .filter(|&i| articles[i].0.is_none())
            .collect();
        let bodies: Vec<&str> = untitled
            .iter()
            .map(|&i| articles[i].1.text.as_str())
            .collect();
        let found = assign_floating(&self.floating, &bodies);
        let found: Vec<Option<String>> = found.into_iter().collect();
        for (k, &i) in untitled.iter().enumerate() {
            if let Some(Some(t)) = found.get(k) {
                articles[i].0 = Some(t.clone());
            }
        }
        articles
            .into_iter()
            .map(|(title, mut a)| {
                a.title = title.unwrap_or_default();
                // The headline leads the text: figures printed in it belong to the story too.
                if !a.title.is_empty() {
                    a.text = format!("{}\n{}", a.title, a.text);
                }
                a
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Lays paragraphs out as a newspaper column: wrapped every `width` characters, the first
    /// line two characters shorter (its indent lost), every line followed by a blank line.
    fn column(paragraphs: &[&str], width: usize) -> String {
        let mut out = String::new();
        for p in paragraphs {
            let chars: Vec<char> = p.chars().collect();
            let mut start = 0;
            let mut w = width - 2;
            while start < chars.len() {
                let end = (start + w).min(chars.len());
                out.extend(&chars[start..end]);
                out.push_str("\n\n");
                start = end;
                w = width;
            }
        }
        out
    }

    const P1: &str = "今年以来，某某高新区持续优化营商环境，新引进科技型企业一百二十家，同比增长百分之十五，园区总收入突破三千亿元大关。";
    const P2: &str = "园区还建成各类孵化载体四十个，累计孵化企业超过两千家，其中高新技术企业八百余家，占全市比重接近一半，成为区域创新的主引擎。";
    const P3: &str = "下一步，园区将继续深化改革，加快建设创新平台，推动产业链与创新链深度融合，为地方高质量发展提供有力支撑。";

    #[test]
    fn empty_and_blank_pages_have_no_articles() {
        assert!(split_articles("").is_empty());
        assert!(split_articles("\n\n   \n").is_empty());
    }

    #[test]
    fn markdown_page_with_bylines_subheads_and_captions() {
        let page = "# 甲高新区打造创新高地\n\n王小明\n\n甲高新区今年新增企业三百家。\n\n## 搭建平台\n\n\
                    平台建设提速，新建实验室五个。\n\n赵一\n\n# 乙高新区：招才引智见成效\n\n\n\n图片来源：乙高新区\n\n\
                    本报讯 乙高新区举办招聘会，提供岗位一千个。\n\n活动现场气氛热烈。\n\n钱二\n";
        let arts = split_articles(page);
        assert_eq!(arts.len(), 2);
        assert_eq!(arts[0].title, "甲高新区打造创新高地");
        assert_eq!(arts[0].byline, "王小明");
        assert_eq!(
            arts[0].text,
            "甲高新区打造创新高地\n甲高新区今年新增企业三百家。\n搭建平台\n平台建设提速，新建实验室五个。"
        );
        assert_eq!(arts[1].title, "乙高新区：招才引智见成效");
        assert_eq!(arts[1].byline, "钱二");
        assert!(!arts[1].text.contains("图片来源"));
        assert!(
            arts[1]
                .text
                .contains("\n本报讯 乙高新区举办招聘会，提供岗位一千个。\n活动现场气氛热烈。")
        );
    }

    #[test]
    fn newspaper_column_with_author_notes_and_subheads() {
        let mut page = String::from("要闻\n\n某某高新区：创新引领发展\n\n");
        page += &column(&[P1, P2], 22);
        page += "聚力建设创新平台\n\n";
        page += &column(&[P3], 22);
        page += "（供稿：某某高新区）\n\n某某新区积极开发就业岗位\n\n";
        page += &column(&[P2, P3], 22);
        page += "8\n\n（王 五）\n";
        let arts = split_articles(&page);
        let titles: Vec<&str> = arts.iter().map(|a| a.title.as_str()).collect();
        assert_eq!(
            titles,
            ["某某高新区：创新引领发展", "某某新区积极开发就业岗位"]
        );
        assert_eq!(arts[0].byline, "供稿：某某高新区");
        assert_eq!(arts[1].byline, "王 五");
        assert_eq!(
            arts[0].text,
            format!("某某高新区：创新引领发展\n{P1}\n{P2}\n聚力建设创新平台\n{P3}")
        );
        assert_eq!(
            arts[1].text,
            format!("某某新区积极开发就业岗位\n{P2}\n{P3}")
        );
    }

    #[test]
    fn stacked_and_trailing_headlines_find_their_stories() {
        let first = "本报讯 近日，两市科技局召开合作座谈会，双方围绕科技合作、成果转化等议题深入交流，并签署合作协议。";
        let second = "本报讯 近日，第五届区域创新论坛在某市举办，来自全国的两百余名专家学者参加论坛并作主题发言。";
        let third = "记者从园区获悉，园区知识产权服务业集聚发展，全年专利授权量增长百分之二十，获评国家级试验区。";
        let mut page = String::from("两市科技合作座谈会召开\n\n区域创新论坛在某市举办\n\n");
        page += &column(
            &[
                first,
                "会后，双方还共同参观了部分企业，深入了解企业创新发展情况和技术需求。",
            ],
            22,
        );
        page += &column(&[second], 22);
        page += "□ 本报记者 孙六\n\n";
        page += &column(&[third], 22);
        page += "知识产权服务业集聚发展\n园区获评国家级试验区\n\n廊桥与酒店同框。 李七 摄\n";
        let arts = split_articles(&page);
        let titles: Vec<&str> = arts.iter().map(|a| a.title.as_str()).collect();
        assert_eq!(
            titles,
            [
                "两市科技合作座谈会召开",
                "区域创新论坛在某市举办",
                "知识产权服务业集聚发展 园区获评国家级试验区"
            ]
        );
        assert_eq!(arts[2].byline, "本报记者 孙六");
        assert!(!arts.iter().any(|a| a.text.contains("李七")));
    }

    #[test]
    fn photo_story_after_an_image_gap_stands_alone() {
        let page = "# 丙市发展新质生产力\n\n本报记者 周八\n\n丙市召开推进大会。\n\n会议明确了全年目标。\n\n\n\n\
                    3月6日，某职业学院举办招聘会，提供岗位一千余个。\n\n吴九 文/图\n\n## 丁高新区：项目建设提速\n\n\
                    本报讯 丁高新区签约项目四十个。\n";
        let arts = split_articles(page);
        assert_eq!(arts.len(), 3);
        assert_eq!(arts[1].title, "");
        assert_eq!(arts[1].byline, "吴九 文/图");
        assert!(arts[1].text.starts_with("3月6日"));
        assert_eq!(arts[2].title, "丁高新区：项目建设提速");
    }

    proptest::proptest! {
        #[test]
        fn never_panics_and_keeps_long_lines(s in "[ \\n#本报讯记者（）：。，a-z0-9甲乙丙丁高新区企业]{0,300}") {
            let arts = split_articles(&s);
            for a in &arts {
                proptest::prop_assert!(!a.text.is_empty());
            }
        }
    }
}
