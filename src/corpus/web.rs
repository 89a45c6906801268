//! Page furniture of text copied or saved from web pages: site navigation and breadcrumbs above
//! the headline, share buttons, font-size controls, previous/next links, footers with ICP
//! numbers, related-link lists below the story, and citation marks (`[2]`) in the text.
//!
//! Only general conventions of Chinese news sites live here, never a site's own strings.

use std::borrow::Cow;

use super::lines::{ends_sentence, is_han};

/// Words of share bars, font-size controls, page tools and site menus; a line made only of
/// these is furniture.
const TOOL_WORDS: &[&str] = &[
    "分享",
    "分享到",
    "转发",
    "微信",
    "微博",
    "朋友圈",
    "QQ",
    "QQ空间",
    "QQ好友",
    "新浪微博",
    "腾讯微博",
    "复制链接",
    "收藏",
    "点赞",
    "打印",
    "关闭",
    "纠错",
    "扫一扫",
    "字号",
    "字体",
    "大",
    "中",
    "小",
    "放大",
    "缩小",
    "默认",
    "上一篇",
    "下一篇",
    "上一条",
    "下一条",
    "返回顶部",
    "加入收藏",
    "加入收藏夹",
    "设为首页",
    "网站首页",
    "首页",
    "网站地图",
    "RSS",
    "更多",
    "评论",
    "举报",
    "打印本页",
    "打印此页",
    "关闭窗口",
    "返回首页",
    "返回列表",
    "返回",
    "无障碍",
    "长者模式",
    "繁体",
    "简体",
    "登录",
    "注册",
    "手机版",
    "移动版",
];

/// Headings of the lists of other stories printed under an article; the article ends there.
const RELATED_HEADINGS: &[&str] = &[
    "相关新闻",
    "相关阅读",
    "相关文章",
    "相关报道",
    "相关推荐",
    "推荐阅读",
    "新闻推荐",
    "延伸阅读",
    "热门推荐",
    "热点推荐",
    "精彩推荐",
    "为您推荐",
    "猜你喜欢",
    "更多精彩",
    "往期回顾",
    "热门文章",
    "最新文章",
    "热门新闻",
    "最新新闻",
    "网友评论",
    "发表评论",
];

/// Openings of the "you are here" label before a breadcrumb.
const POSITION_LABELS: &[&str] = &[
    "您现在的位置",
    "你现在的位置",
    "您的位置",
    "你的位置",
    "当前位置",
    "所在位置",
    "位置",
];

/// Openings of source credits printed under or above a story (`本文来源…，原文：https://…`).
const CREDIT_OPENINGS: &[&str] = &[
    "本文来源",
    "文章来源",
    "稿件来源",
    "信息来源",
    "新闻来源",
    "来源",
    "原文链接",
    "原文地址",
    "本文链接",
    "转载",
    "发布者",
    "发布人",
    "发布时间",
    "发布日期",
    "编辑",
    "审核",
    "校对",
];

/// Removes citation marks (`[2]`, `[2][3]`, `[2,3]`) that follow text on a line, with the space
/// before them, so that figures and their spans are read from the text as stored.
pub(crate) fn strip_citations(line: &str) -> Cow<'_, str> {
    if !line.contains('[') {
        return Cow::Borrowed(line);
    }
    let mut out = String::with_capacity(line.len());
    let mut rest = line;
    let mut changed = false;
    while let Some(at) = rest.find('[') {
        let len = citation_len(&rest[at..]);
        let before = &rest[..at];
        let has_text = !out.trim().is_empty() || !before.trim().is_empty();
        if len > 0 && has_text {
            out.push_str(before.trim_end_matches([' ', '\u{3000}']));
            rest = &rest[at + len..];
            // A run of marks goes as one.
            while rest.starts_with('[') {
                let more = citation_len(rest);
                if more == 0 {
                    break;
                }
                rest = &rest[more..];
            }
            changed = true;
            if !rest.is_empty()
                && !rest.starts_with(char::is_whitespace)
                && out.ends_with(|c: char| c.is_ascii_alphanumeric())
                && rest.starts_with(|c: char| c.is_ascii_alphanumeric())
            {
                out.push(' ');
            } else if rest.starts_with(char::is_whitespace) && !out.is_empty() {
                out.push(' ');
                rest = rest.trim_start_matches([' ', '\u{3000}']);
            }
        } else {
            out.push_str(&rest[..at + 1]);
            rest = &rest[at + 1..];
        }
    }
    out.push_str(rest);
    if changed {
        Cow::Owned(out)
    } else {
        Cow::Borrowed(line)
    }
}

/// Length in bytes of a citation mark at the start of `s` (`[2]`, `[12,13]`, `[2-4]`), or 0.
fn citation_len(s: &str) -> usize {
    let Some(body) = s.strip_prefix('[') else {
        return 0;
    };
    let Some(close) = body.find(']') else {
        return 0;
    };
    let inner = &body[..close];
    let ok = !inner.is_empty()
        && inner.len() <= 12
        && inner
            .split([',', '，', '-', '–', '、'])
            .all(|n| (1..=3).contains(&n.len()) && n.bytes().all(|c| c.is_ascii_digit()));
    if ok { close + 2 } else { 0 }
}

/// Whether a line is furniture of a web page: share bars, font-size controls, previous/next
/// links, site menus, breadcrumbs, footers, source credits and photo placeholders.
pub(crate) fn is_furniture(line: &str) -> bool {
    let t = line.trim();
    if t.is_empty() {
        return false;
    }
    let n = t.chars().count();
    if n > 120 {
        return false;
    }
    if is_breadcrumb(t) || is_related_heading(t) {
        return true;
    }
    // A character search (memchr) first: most lines hold none of the footer words.
    if (t.contains('P') && (t.contains("ICP备") || t.contains("ICP证")))
        || (t.contains('网') && t.contains("公网安备"))
        || (t.contains('权') && t.contains("版权所有"))
        || t.starts_with("Copyright")
        || t.starts_with("copyright")
        || t.starts_with("COPYRIGHT")
        || t.starts_with('©')
    {
        return true;
    }
    for prev in ["上一篇", "下一篇", "上一条", "下一条"] {
        if let Some(rest) = t.strip_prefix(prev)
            && (rest.is_empty() || rest.starts_with([':', '：', ' ', '】', ']']))
        {
            return true;
        }
    }
    if is_credit(t) {
        return true;
    }
    if is_photo_placeholder(t) {
        return true;
    }
    tool_line(t) || menu_line(t)
}

/// `(相关资料图)`, `（图片）`: where a picture stood.
fn is_photo_placeholder(t: &str) -> bool {
    let inner = t
        .strip_prefix(['(', '（', '[', '【'])
        .and_then(|s| s.strip_suffix([')', '）', ']', '】']));
    inner.is_some_and(|s| s.chars().count() <= 8 && (s.ends_with('图') || s.ends_with("图片")))
}

/// `来源:某某网`, `本文来源某网,作者:某某,原文:https://…`, `编辑：某某`.
fn is_credit(t: &str) -> bool {
    let Some(opening) = CREDIT_OPENINGS.iter().find(|o| t.starts_with(*o)) else {
        return false;
    };
    let rest = &t[opening.len()..];
    if t.contains("http://") || t.contains("https://") {
        return true;
    }
    // A bare label and a name, not a sentence that happens to begin with the word
    // (`来源于企业的…`, `编辑部今年…`).
    rest.starts_with([':', '：', ' ', '\u{3000}', '】', ']', '为', '是'])
        && rest.chars().count() <= 40
        && !rest.contains(['。', '；', '！', '？'])
        && !ends_sentence(rest)
}

fn split_tokens(t: &str) -> impl Iterator<Item = &str> {
    t.split(|c: char| {
        c.is_whitespace()
            || matches!(
                c,
                '|' | '｜'
                    | '丨'
                    | '/'
                    | ':'
                    | '：'
                    | '【'
                    | '】'
                    | '['
                    | ']'
                    | '('
                    | ')'
                    | '（'
                    | '）'
                    | '·'
                    | '•'
                    | ','
                    | '，'
                    | '、'
            )
    })
    .filter(|s| !s.is_empty())
}

/// A line made only of page-tool words (`分享到： 微信 微博`, `【字体：大 中 小】`, `上一篇 下一篇`).
fn tool_line(t: &str) -> bool {
    let mut any = false;
    for tok in split_tokens(t) {
        if !TOOL_WORDS.contains(&tok) {
            return false;
        }
        any = true;
    }
    any
}

/// A site menu: three or more short items separated by bars (`网站首页| 网站地图| RSS`).
fn menu_line(t: &str) -> bool {
    // Three items need two bars; most lines have none.
    if t.matches(['|', '｜', '丨']).nth(1).is_none() {
        return false;
    }
    let items: Vec<&str> = t
        .split(['|', '｜', '丨'])
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .collect();
    items.len() >= 3
        && items
            .iter()
            .all(|s| s.chars().count() <= 10 && !s.contains(['。', '，', ',', '；']))
}

/// `首页 > 创新创业 > 详细内容`, `您现在的位置是: 资讯 > > 正文`.
pub(crate) fn is_breadcrumb(t: &str) -> bool {
    // No separator, no breadcrumb: most lines stop here. One character search (memchr) each is
    // cheaper than a pass testing every character against all five.
    if !['>', '＞', '»', '›', '→'].iter().any(|&c| t.contains(c)) {
        return false;
    }
    if t.chars().count() > 80 || t.contains(['。', '，', '；', '！', '？']) {
        return false;
    }
    let mut body = t;
    let mut labelled = false;
    if let Some(label) = POSITION_LABELS.iter().find(|l| t.starts_with(*l)) {
        let rest = &t[label.len()..];
        let rest = rest.strip_prefix('是').unwrap_or(rest);
        if let Some(r) = rest.strip_prefix([':', '：']) {
            body = r;
            labelled = true;
        }
    }
    let parts: Vec<&str> = body
        .split(['>', '＞', '»', '›', '→'])
        .map(str::trim)
        .collect();
    let seps = parts.len() - 1;
    let short = parts
        .iter()
        .all(|p| p.chars().count() <= 16 && !p.contains(['，', ',']));
    short && (seps >= 2 || (labelled && seps >= 1))
}

/// Entries of a breadcrumb that name no section: the home page and the article itself.
const CRUMB_ENDS: &[&str] = &[
    "首页",
    "网站首页",
    "主页",
    "正文",
    "详细内容",
    "内容",
    "详情",
    "正文内容",
    "文章",
    "本站",
];

/// The sections a breadcrumb names, home page and article entries left out:
/// `地方网 > 安徽 > 宿州市 > 正文` → `地方网`, `安徽`, `宿州市`. Empty for any other line.
pub(crate) fn breadcrumb_sections(t: &str) -> Vec<String> {
    let t = t.trim();
    if !is_breadcrumb(t) {
        return Vec::new();
    }
    let body = match t.find([':', '：']) {
        Some(at) if POSITION_LABELS.iter().any(|l| t.starts_with(l)) => &t[at..],
        _ => t,
    };
    body.trim_start_matches([':', '：'])
        .split(['>', '＞', '»', '›', '→'])
        .map(str::trim)
        .filter(|p| !p.is_empty() && !CRUMB_ENDS.contains(p))
        .map(str::to_string)
        .collect()
}

/// `相关新闻`, `新闻推荐：`: the heading of a list of other stories.
pub(crate) fn is_related_heading(t: &str) -> bool {
    let core = t
        .trim_matches(|c: char| !is_han(c))
        .trim_end_matches(['：', ':']);
    RELATED_HEADINGS.contains(&core)
}

/// Which lines of a page hold the story: site chrome above a breadcrumb that precedes the
/// story, and related-link lists after it, are left out. Returns the range of line indices to
/// read; the whole page when it shows no such chrome.
pub(crate) fn story_lines(lines: &[&str]) -> std::ops::Range<usize> {
    let is_prose = |l: &str| {
        let t = l.trim();
        t.chars().count() >= 30 && ends_sentence(t)
    };
    let first_prose = lines.iter().position(|l| is_prose(l));
    let mut start = 0;
    if let Some(crumb) = lines.iter().position(|l| is_breadcrumb(l.trim())) {
        // Only chrome above the story: a breadcrumb after the text started is quoted or
        // belongs to a footer.
        if first_prose.is_none_or(|p| crumb < p) {
            start = crumb + 1;
        }
    }
    let mut end = lines.len();
    if let Some(p) = first_prose
        && let Some(k) = lines[p.max(start)..]
            .iter()
            .position(|l| is_related_heading(l.trim()))
    {
        end = p.max(start) + k;
    }
    start..end.max(start)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn citation_marks_go_with_their_space() {
        assert_eq!(
            strip_citations("高于全国平均水平0.77个百分点 [2] - 全市企业研发经费"),
            "高于全国平均水平0.77个百分点 - 全市企业研发经费"
        );
        assert_eq!(
            strip_citations("实施1775项转化项目 [2][3] 创新平台"),
            "实施1775项转化项目 创新平台"
        );
        assert_eq!(
            strip_citations("规模超过5000亿元[3]。"),
            "规模超过5000亿元。"
        );
        assert_eq!(strip_citations("协作网络[12,13]"), "协作网络");
    }

    #[test]
    fn brackets_that_are_not_citations_stay() {
        for s in [
            "[1] 第一条：园区新增企业300家",
            "数组[a]和[2a]",
            "见[附件]",
            "产值[亿元]",
            "编号[20231]",
            "没有方括号",
        ] {
            assert_eq!(strip_citations(s), s);
        }
    }

    #[test]
    fn tools_share_bars_and_menus() {
        for s in [
            "分享",
            "分享到： 微信 微博 QQ空间",
            "放大 缩小 默认",
            "【字体：大 中 小】",
            "上一篇 下一篇",
            "上一篇：某某园区召开座谈会",
            "下一篇:某市举行招聘会",
            "【打印】【关闭】",
            "网站首页| 网站地图| RSS",
            "京ICP备12345678号-1",
            "Copyright © 2021 某某网 版权所有",
            "(相关资料图)",
            "来源:某某新闻网",
            "本文来源某网,作者:某某,原文:https://news.example.cn/202110/1.shtml",
            "编辑：某某",
            "新闻推荐",
            "相关阅读：",
        ] {
            assert!(is_furniture(s), "{s} not furniture");
        }
    }

    #[test]
    fn story_lines_are_not_furniture() {
        for s in [
            "分享经济规模突破3000亿元",
            "上一篇文章提到的园区，今年新增企业200家。",
            "来源于企业的研发投入占比达到80%。",
            "编辑部今年收到来稿1000余篇。",
            "创历史新高!某市高新技术企业突破1.23万家|某市两会",
            "小微企业",
            "中国创业孵化发展报告",
            "1-4月份,完成财政收入4.1亿元,增长52%。",
            "（供稿：某某高新区）",
        ] {
            assert!(!is_furniture(s), "{s} taken for furniture");
        }
    }

    #[test]
    fn breadcrumb_sections_leave_home_and_article_out() {
        assert_eq!(
            breadcrumb_sections("地方网 > 安徽 > 宿州市 > 今日宿州 > 正文"),
            ["地方网", "安徽", "宿州市", "今日宿州"]
        );
        assert_eq!(
            breadcrumb_sections("您现在的位置是: 资讯 > > 正文"),
            ["资讯"]
        );
        assert!(breadcrumb_sections("园区新增企业300家。").is_empty());
    }

    #[test]
    fn breadcrumbs() {
        assert!(is_breadcrumb("首页 > 创新创业 > 详细内容"));
        assert!(is_breadcrumb("您现在的位置是: 资讯 > > 正文"));
        assert!(is_breadcrumb("当前位置：首页 » 新闻"));
        assert!(!is_breadcrumb("产值 > 100亿元"));
        assert!(!is_breadcrumb("增速 > 全国 > 全省，居前列。"));
    }

    #[test]
    fn chrome_above_the_breadcrumb_and_related_lists_are_cut() {
        let lines = [
            "网站首页| 网站地图",
            "热门关键字: 某某 某某",
            "更多",
            "首页 > 新闻 > 正文",
            "某某高新区经济运行良好",
            "今年以来，高新区完成财政收入4.1亿元，同比增长52%，增速居全市第一位。",
            "新闻推荐",
            "某某区老旧小区改造三份大餐",
        ];
        assert_eq!(story_lines(&lines), 4..6);
        // No chrome: the whole page.
        let plain = [
            "标题",
            "今年以来，高新区完成财政收入4.1亿元，同比增长52%，增速居全市第一位。",
        ];
        assert_eq!(story_lines(&plain), 0..2);
        // A related heading before the story is not its end.
        let early = [
            "相关新闻",
            "某某高新区经济运行良好",
            "今年以来，高新区完成财政收入4.1亿元，同比增长52%，增速居全市第一位。",
        ];
        assert_eq!(story_lines(&early), 0..3);
    }
}
