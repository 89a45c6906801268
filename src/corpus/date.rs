//! Publication dates: from a page's dateline (`2021/3/1 16:26:28 来源:…`), its metadata
//! (`2024-01-18T09:30:12+08:00`) or the path it was saved under (`/202110/`, `2021-03-01`).
//!
//! Dates come out as `YYYY-MM-DD`, or `YYYY-MM` when only the month is known. A date printed in
//! a sentence is the date of an event, not of the page: only lines made of a date and page
//! metadata count as datelines.

/// Years a publication date may fall in.
const YEARS: std::ops::RangeInclusive<u32> = 1949..=2099;

/// Years accepted from paths, where runs of digits are also ids: narrower, to keep
/// `/480178.shtml` from passing as a month.
const PATH_YEARS: std::ops::RangeInclusive<u32> = 1990..=2099;

/// Words of page metadata printed around a dateline.
const META_WORDS: &[&str] = &[
    "来源",
    "作者",
    "编辑",
    "责编",
    "发布",
    "时间",
    "日期",
    "浏览",
    "阅读",
    "点击",
    "字号",
    "字体",
    "稿源",
    "出处",
    "供稿",
    "记者",
    "通讯员",
    "审核",
    "分享",
];

/// Endings of a publisher's name printed beside the date (`中国经济网`, `拂晓报`).
const SOURCE_ENDINGS: &[&str] = &[
    "网",
    "报",
    "社",
    "台",
    "刊",
    "号",
    "新闻",
    "客户端",
    "频道",
    "在线",
    "中心",
    "局",
    "委",
    "办",
    "政府",
];

/// A calendar date found in text, with where it was printed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Found {
    year: u32,
    month: u32,
    day: u32,
    start: usize,
    end: usize,
}

impl Found {
    fn format(self) -> String {
        format!("{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

/// Digits from byte `i`: their value, count and the byte after them.
fn digits(b: &[u8], i: usize) -> Option<(u32, usize, usize)> {
    let n = b[i..].iter().take_while(|c| c.is_ascii_digit()).count();
    if n == 0 || n > 4 {
        return None;
    }
    let v = b[i..i + n]
        .iter()
        .fold(0u32, |acc, &c| acc * 10 + u32::from(c - b'0'));
    Some((v, n, i + n))
}

fn valid(year: u32, month: u32, day: u32) -> bool {
    YEARS.contains(&year) && (1..=12).contains(&month) && (1..=31).contains(&day)
}

/// The first full date in `s`: `2024-01-18`, `2021/3/1`, `2021.3.1`, `2020年01月21日`
/// (ASCII or fullwidth digits are not mixed; fullwidth digits are normalised by the caller).
fn find_date(s: &str) -> Option<Found> {
    let b = s.as_bytes();
    let mut i = 0;
    while i < b.len() {
        let at_start = i == 0 || !b[i - 1].is_ascii_digit();
        if at_start
            && b[i].is_ascii_digit()
            && let Some(found) = date_at(s, i)
        {
            return Some(found);
        }
        i += 1;
    }
    None
}

fn date_at(s: &str, i: usize) -> Option<Found> {
    let b = s.as_bytes();
    let (year, 4, after_year) = digits(b, i)? else {
        return None;
    };
    let rest = &s[after_year..];
    for (sep_year, sep_month, sep_day) in [
        ("-", "-", ""),
        ("/", "/", ""),
        (".", ".", ""),
        ("年", "月", "日"),
    ] {
        let Some(r) = rest.strip_prefix(sep_year) else {
            continue;
        };
        let m_at = s.len() - r.len();
        let Some((month, mn, after_month)) = digits(b, m_at) else {
            continue;
        };
        let Some(r) = s[after_month..].strip_prefix(sep_month) else {
            continue;
        };
        let d_at = s.len() - r.len();
        let Some((day, dn, mut end)) = digits(b, d_at) else {
            continue;
        };
        if mn > 2 || dn > 2 {
            continue;
        }
        if sep_day.is_empty() {
            // `2021-03-015` or `2021.3.1.2` is not a date.
            if b.get(end).is_some_and(|c| c.is_ascii_digit())
                || (sep_year == "." && b.get(end) == Some(&b'.'))
            {
                continue;
            }
        } else {
            match s[end..].strip_prefix(sep_day) {
                Some(r) => end = s.len() - r.len(),
                None => continue,
            }
        }
        if valid(year, month, day) {
            return Some(Found {
                year,
                month,
                day,
                start: i,
                end,
            });
        }
    }
    None
}

/// Fullwidth digits and punctuation to ASCII, so `２０２１／３／１` reads like `2021/3/1`.
fn ascii_digits(s: &str) -> String {
    s.chars()
        .map(|c| match c {
            '０'..='９' => char::from_u32(c as u32 - '０' as u32 + '0' as u32).unwrap_or(c),
            '／' => '/',
            '－' => '-',
            '：' => ':',
            '．' => '.',
            _ => c,
        })
        .collect()
}

/// The date of a page from a metadata value such as `2024-01-18T09:30:12+08:00`,
/// `2021/3/1 16:26` or `2020年01月21日`.
pub fn from_meta(value: &str) -> Option<String> {
    find_date(&ascii_digits(value)).map(Found::format)
}

/// The publication date when `line` is a dateline: a date (with or without the time of day)
/// and nothing but page metadata around it (`2021/3/1 16:26:28 来源:中国企业新闻网`,
/// `中国经济网·2025-10-23 15:25`, `dlrb 2020年01月21日 星期二 3 上`).
///
/// A date inside a sentence (`2023年7月20日，园区召开大会。`) is not a dateline, nor is a year
/// alone (`2021年营业收入`).
pub fn dateline(line: &str) -> Option<String> {
    let t = line.trim();
    // A dateline is short; long lines are never copied.
    if t.len() > 320 || t.chars().count() > 80 {
        return None;
    }
    // Checked before the digits are normalised, which leaves these alone: most lines are prose
    // and stop here, or have no digit a date could start with.
    if t.contains(['。', '，', '；', '！', '？', '、'])
        || !t
            .chars()
            .any(|c| c.is_ascii_digit() || ('０'..='９').contains(&c))
    {
        return None;
    }
    let t = ascii_digits(t);
    let found = find_date(&t)?;
    let before = &t[..found.start];
    let after = skip_time(&t[found.end..]);
    let rest = format!("{before} {after}");
    is_metadata(&rest).then(|| found.format())
}

/// Skips a time of day (` 16:26:28`, `11:30`) right after a date.
fn skip_time(s: &str) -> &str {
    let t = s.trim_start();
    let b = t.as_bytes();
    let mut i = 0;
    let mut groups = 0;
    while groups < 3 {
        let n = b[i..].iter().take_while(|c| c.is_ascii_digit()).count();
        if n == 0 || n > 2 {
            break;
        }
        i += n;
        groups += 1;
        if b.get(i) == Some(&b':') && b.get(i + 1).is_some_and(u8::is_ascii_digit) {
            i += 1;
        } else {
            break;
        }
    }
    if groups >= 2 { &t[i..] } else { s }
}

/// Whether what surrounds a date on a line is page metadata only: field labels (`来源:`),
/// a publisher's name, a weekday, a URL, page numbers and short codes.
fn is_metadata(rest: &str) -> bool {
    let mut fields = 0;
    for tok in rest.split(|c: char| c.is_whitespace() || matches!(c, '|' | '丨' | '·' | '•' | '/'))
    {
        let tok = tok.trim_matches(|c: char| "()（）[]【】".contains(c));
        if tok.is_empty() {
            continue;
        }
        let han = tok.chars().filter(|&c| super::lines::is_han(c)).count();
        let ok = META_WORDS.iter().any(|w| tok.contains(w))
            || tok.starts_with("http")
            || tok.starts_with("www.")
            || is_weekday(tok)
            || (han == 0 && tok.chars().count() <= 12)
            || matches!(tok, "上" | "下" | "版" | "午" | "上午" | "下午")
            || (han <= 12 && SOURCE_ENDINGS.iter().any(|e| tok.ends_with(e)))
            || (fields > 0 && han <= 12);
        if !ok {
            return false;
        }
        if tok.contains([':', '：']) {
            fields += 1;
        }
    }
    true
}

fn is_weekday(tok: &str) -> bool {
    let day = |rest: &str| ["一", "二", "三", "四", "五", "六", "日", "天"].contains(&rest);
    tok.strip_prefix("星期").is_some_and(day)
        || tok.strip_prefix("周").is_some_and(day)
        || tok.strip_prefix("礼拜").is_some_and(day)
}

/// The date a file was filed under, from its path: `2021-03-01` or `20210301` → a day,
/// `/202110/` → a month, `/2022/0624/` → a day, `/2021/03/` → a month. Years alone and runs
/// of digits that are ids (`/480178.shtml`) give nothing.
pub fn from_path(path: &str) -> Option<String> {
    let path = path.replace('\\', "/");
    if let Some(f) = find_date(&path).filter(|f| PATH_YEARS.contains(&f.year)) {
        let bytes = path.as_bytes();
        // `2021-03-01` inside a longer run such as `x2021-03-015` was already refused; the
        // date must also not continue a longer number.
        if f.start == 0 || !bytes[f.start - 1].is_ascii_digit() {
            return Some(f.format());
        }
    }
    let segments: Vec<&str> = path
        .split('/')
        .map(|s| s.split('.').next().unwrap_or(s))
        .collect();
    for (k, seg) in segments.iter().enumerate() {
        if !seg.bytes().all(|c| c.is_ascii_digit()) {
            continue;
        }
        let num = |s: &str| s.parse::<u32>().ok();
        match seg.len() {
            8 => {
                if let (Some(y), Some(m), Some(d)) =
                    (num(&seg[..4]), num(&seg[4..6]), num(&seg[6..]))
                    && PATH_YEARS.contains(&y)
                    && valid(y, m, d)
                {
                    return Some(format!("{y:04}-{m:02}-{d:02}"));
                }
            }
            6 => {
                if let (Some(y), Some(m)) = (num(&seg[..4]), num(&seg[4..]))
                    && PATH_YEARS.contains(&y)
                    && (1..=12).contains(&m)
                {
                    return Some(format!("{y:04}-{m:02}"));
                }
            }
            4 => {
                let Some(y) = num(seg).filter(|y| PATH_YEARS.contains(y)) else {
                    continue;
                };
                let next = segments.get(k + 1).copied().unwrap_or("");
                if !next.bytes().all(|c| c.is_ascii_digit()) {
                    continue;
                }
                match next.len() {
                    4 => {
                        if let (Some(m), Some(d)) = (num(&next[..2]), num(&next[2..]))
                            && valid(y, m, d)
                        {
                            return Some(format!("{y:04}-{m:02}-{d:02}"));
                        }
                    }
                    1 | 2 => {
                        if let Some(m) = num(next).filter(|m| (1..=12).contains(m)) {
                            // `/2021/03/15/` names the day as well.
                            let day = segments
                                .get(k + 2)
                                .filter(|d| (1..=2).contains(&d.len()))
                                .and_then(|d| num(d))
                                .filter(|&d| valid(y, m, d) && k + 3 < segments.len());
                            return Some(match day {
                                Some(d) => format!("{y:04}-{m:02}-{d:02}"),
                                None => format!("{y:04}-{m:02}"),
                            });
                        }
                    }
                    _ => {}
                }
            }
            _ => {}
        }
    }
    None
}

/// The first URL printed in a line whose path carries a date (`原文:https://…/202110/….shtml`).
pub fn from_url_in(line: &str) -> Option<String> {
    let start = line.find("http://").or_else(|| line.find("https://"))?;
    let url: String = line[start..]
        .chars()
        .take_while(|c| c.is_ascii() && !c.is_ascii_whitespace() && *c != '"' && *c != '\'')
        .collect();
    // Only the path: a host name's digits are not a date.
    let path = url.splitn(4, '/').nth(3)?;
    from_path(&format!("/{path}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn datelines_with_time_source_and_weekday() {
        assert_eq!(
            dateline("2021/3/1 16:26:28 来源:中国企业新闻网").as_deref(),
            Some("2021-03-01")
        );
        assert_eq!(
            dateline("时间:2024-01-18 09:30:12 来源:某某日报 发布者:DN032").as_deref(),
            Some("2024-01-18")
        );
        assert_eq!(
            dateline("来源:某某晚报 2019-06-19 11:30   https://www.example.net/").as_deref(),
            Some("2019-06-19")
        );
        assert_eq!(
            dateline(" 某某经济网·2025-10-23 15:25").as_deref(),
            Some("2025-10-23")
        );
        assert_eq!(
            dateline("xarb 2020年01月21日 星期二 3 上").as_deref(),
            Some("2020-01-21")
        );
        assert_eq!(
            dateline("2020年01月21日 星期二").as_deref(),
            Some("2020-01-21")
        );
        assert_eq!(dateline("２０２１／３／１").as_deref(), Some("2021-03-01"));
        assert_eq!(
            dateline("发布时间：2022年6月24日 作者：张三 浏览次数：1024").as_deref(),
            Some("2022-06-24")
        );
    }

    #[test]
    fn dates_in_sentences_and_years_alone_are_not_datelines() {
        assert_eq!(dateline("2021年营业收入突破5200亿元"), None);
        assert_eq!(dateline("2023年7月20日，园区召开项目推进大会。"), None);
        assert_eq!(dateline("2023年7月20日园区召开项目推进大会"), None);
        assert_eq!(dateline("截至2023年底"), None);
        assert_eq!(dateline("2021-2023年"), None);
        assert_eq!(dateline("2021/13/1 来源:某报"), None);
        assert_eq!(dateline("全市高新技术企业达2021/3家"), None);
        assert_eq!(dateline("12021-03-01"), None);
    }

    #[test]
    fn metadata_values() {
        assert_eq!(
            from_meta("2024-01-18T09:30:12+08:00").as_deref(),
            Some("2024-01-18")
        );
        assert_eq!(from_meta("2021/3/1 16:26").as_deref(), Some("2021-03-01"));
        assert_eq!(from_meta("2020年01月21日").as_deref(), Some("2020-01-21"));
        assert_eq!(from_meta("1705541412"), None);
        assert_eq!(from_meta("2021"), None);
    }

    #[test]
    fn dates_in_paths() {
        assert_eq!(
            from_path("news/202110/480178.shtml").as_deref(),
            Some("2021-10")
        );
        assert_eq!(
            from_path("saved/2021-03-01 园区新闻.txt").as_deref(),
            Some("2021-03-01")
        );
        assert_eq!(
            from_path("dzb/pinglun/2022/0624/100073111.html").as_deref(),
            Some("2022-06-24")
        );
        assert_eq!(from_path("a/2021/03/x.html").as_deref(), Some("2021-03"));
        assert_eq!(
            from_path("a/2021/03/15/x.html").as_deref(),
            Some("2021-03-15")
        );
        assert_eq!(
            from_path("pages/20200121.txt").as_deref(),
            Some("2020-01-21")
        );
        assert_eq!(
            from_path(r"C:\web\202110\a.html").as_deref(),
            Some("2021-10")
        );
    }

    #[test]
    fn ids_and_years_in_paths_are_not_dates() {
        assert_eq!(from_path("seeds/000_a9c1ddc658754ece.txt"), None);
        assert_eq!(from_path("news/480178.shtml"), None);
        assert_eq!(from_path("report/2021/summary.txt"), None);
        assert_eq!(from_path("a/202113/x.html"), None);
        assert_eq!(from_path("a/9214659.html"), None);
        assert_eq!(from_path("a/2021年营业收入.txt"), None);
    }

    #[test]
    fn urls_printed_in_text() {
        assert_eq!(
            from_url_in("本文来源某网,作者:某某,原文:https://news.example.cn/202110/480178.shtml")
                .as_deref(),
            Some("2021-10")
        );
        assert_eq!(from_url_in("https://www.2021.example.cn/index.html"), None);
        assert_eq!(from_url_in("没有网址 202110"), None);
    }
}
