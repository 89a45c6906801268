//! What a single printed line is: heading, byline, dateline, caption, page furniture, author
//! note or body. Only general lexicons of newspaper conventions live here.

use std::sync::LazyLock;

/// Decorations printed in front of bylines (`◎陈科`, `□ 本报记者 王晓涛`).
const BYLINE_DECOR: &[char] = &[
    '◎', '□', '■', '●', '○', '◆', '◇', '★', '☆', '▲', '△', '▼', '▌', '|',
];

/// Words that open a byline.
const BYLINE_MARKERS: &[&str] = &[
    "本报记者",
    "本报通讯员",
    "本报特约记者",
    "本报实习生",
    "特约记者",
    "特约通讯员",
    "实习记者",
    "实习生",
    "通讯员",
    "记者",
    "文/",
    "文 /",
    "文／",
    "撰文",
    "作者：",
    "作者:",
    "本报评论员",
];

/// Credits that may follow names on a bare name line (`牟敏 文/图`).
const NAME_CREDITS: &[&str] = &[
    "文/图",
    "文／图",
    "文图",
    "报道",
    "整理",
    "供稿",
    "撰稿",
    "文",
];

/// Section labels and running heads printed on pages, not part of any article.
const SECTION_LABELS: &[&str] = &[
    "一线报道",
    "新闻速递",
    "地方动态",
    "火炬动态",
    "创业孵化",
    "园区动态",
    "园区传真",
    "高新区动态",
    "要闻",
    "综合",
    "综合新闻",
    "特别报道",
    "深度报道",
    "专题报道",
    "热点关注",
    "区域经济",
    "产业观察",
    "科技前沿",
    "新闻链接",
    "相关链接",
    "图片新闻",
];

/// Section-label endings (`XX动态`, `XX速递`) for labels not in the list.
const SECTION_SUFFIXES: &[&str] = &["动态", "速递", "快讯", "要闻", "传真", "资讯", "视点"];

/// Common Chinese surnames, used only to tell a lone name line from a short heading.
const SURNAMES: &str = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝";

const COMPOUND_SURNAMES: &[&str] = &[
    "欧阳", "司马", "诸葛", "上官", "东方", "皇甫", "尉迟", "公孙", "慕容", "令狐", "夏侯", "长孙",
    "宇文", "司徒", "端木",
];

/// Display width in half-em units: ASCII is narrow, everything else (CJK, fullwidth
/// punctuation, curly quotes as typeset in Chinese) takes a full em.
pub(crate) fn em_width(s: &str) -> usize {
    s.chars().map(|c| if c.is_ascii() { 1 } else { 2 }).sum()
}

pub(crate) fn is_han(c: char) -> bool {
    matches!(c as u32, 0x3400..=0x4dbf | 0x4e00..=0x9fff | 0xf900..=0xfaff | 0x20000..=0x2fa1f)
}

/// Whether the line ends a sentence (`。`, `！`, `？`, `……`, also before closing quotes).
pub(crate) fn ends_sentence(s: &str) -> bool {
    let trimmed = s
        .trim_end()
        .trim_end_matches(['”', '’', '」', '』', '）', ')', '】', '》', '"', '\'']);
    trimmed.ends_with(['。', '！', '？', '!', '?', '…'])
}

/// Whether the line ends in punctuation that can never end a heading.
pub(crate) fn ends_with_punct(s: &str) -> bool {
    ends_sentence(s)
        || s.trim_end()
            .ends_with(['，', '、', '；', '：', ',', ';', ':', '.', '。'])
}

/// A markdown heading `## text` → (level, text).
pub(crate) fn heading(line: &str) -> Option<(usize, &str)> {
    let t = line.trim_start();
    let level = t.chars().take_while(|&c| c == '#').count();
    if level == 0 || level > 6 {
        return None;
    }
    let rest = &t[level..];
    if !rest.starts_with([' ', '\t']) {
        return None;
    }
    let text = rest.trim().trim_end_matches('#').trim_end();
    (!text.is_empty()).then_some((level, text))
}

/// Section labels, lone page numbers, running heads and editor credits.
pub(crate) fn is_furniture(line: &str) -> bool {
    let t = line.trim();
    if t.is_empty() {
        return false;
    }
    if t.len() <= 3 && t.chars().all(|c| c.is_ascii_digit()) {
        return true;
    }
    if [
        "责任编辑",
        "本版编辑",
        "责编",
        "美编",
        "校对",
        "版式设计",
        "本版责编",
    ]
    .iter()
    .any(|p| t.starts_with(p))
        && t.chars().count() <= 30
    {
        return true;
    }
    // One word (most lines): only a section label.
    if !t.contains(char::is_whitespace) {
        return is_section_label(t);
    }
    let tokens: Vec<&str> = t.split_whitespace().collect();
    if tokens.len() >= 2 && tokens.iter().all(|tok| *tok == tokens[0]) {
        return true;
    }
    tokens.iter().all(|tok| is_section_label(tok))
}

fn is_section_label(tok: &str) -> bool {
    let n = tok.chars().count();
    SECTION_LABELS.contains(&tok)
        || (n <= 6 && tok.chars().all(is_han) && SECTION_SUFFIXES.iter().any(|s| tok.ends_with(s)))
}

/// Photo captions and credits: `… 王晓涛 摄`, `图片来源：…`, `… 受访者供图`.
pub(crate) fn is_caption(line: &str) -> bool {
    let t = line.trim();
    if t.chars().count() > 120 {
        return false;
    }
    if [
        "图片来源",
        "图片来自",
        "图片由",
        "图为",
        "图：",
        "图:",
        "资料图",
        "（资料图",
        "（图片",
        "▲",
    ]
    .iter()
    .any(|p| t.starts_with(p))
    {
        return true;
    }
    let core = t.trim_end_matches(['）', ')']);
    if core.ends_with("供图") || core.ends_with("提供图片") || core.ends_with("资料图片")
    {
        return true;
    }
    if let Some(before) = core.strip_suffix('摄') {
        // `王晓涛 摄`, `记者 王晓涛摄`, `王晓涛/摄`: a credit, not a verb ending a sentence.
        let before = before.trim_end_matches(['/', '／']);
        if before.ends_with([' ', '　']) || before.ends_with("记者") {
            return true;
        }
        let tail: String = before.chars().rev().take_while(|c| is_han(*c)).collect();
        let tail: String = tail.chars().rev().collect();
        return (2..=4).contains(&tail.chars().count())
            && starts_with_surname(&tail)
            && before
                .trim_end_matches(|c: char| is_han(c))
                .ends_with([' ', '　', '（', '(']);
    }
    false
}

/// A byline with an explicit marker: `本报记者 叶伟`, `◎陈科`, `□ 本报记者 王晓涛`.
/// Returns the byline as printed, without the decoration.
pub(crate) fn byline(line: &str) -> Option<String> {
    let t = line.trim();
    let undecorated = t.trim_start_matches(BYLINE_DECOR).trim_start();
    let decorated = undecorated.len() != t.len();
    if undecorated.is_empty() || undecorated.chars().count() > 40 {
        return None;
    }
    if undecorated.contains(['。', '，', '；', '！', '？']) {
        return None;
    }
    let marked = BYLINE_MARKERS.iter().any(|m| undecorated.starts_with(m));
    let marker_word = undecorated.contains("记者") || undecorated.contains("通讯员");
    if marked || (decorated && (marker_word || undecorated.chars().count() <= 12)) {
        Some(collapse_spaces(undecorated))
    } else {
        None
    }
}

/// A line opening with a dateline (`本报讯`, `本报湘潭讯`, `新华社北京3月1日电`).
pub(crate) struct Dateline {
    /// Names printed on the dateline line instead of body text (`本报讯 李揽月 记者朱波报道`).
    pub byline: Option<String>,
    /// The line itself when body text follows the dateline on it.
    pub body: Option<String>,
}

pub(crate) fn dateline(line: &str) -> Option<Dateline> {
    let t = line.trim();
    let rest = dateline_rest(t)?;
    let rest = rest.trim_start_matches([' ', '　', '：', ':']).trim();
    if rest.is_empty() {
        return Some(Dateline {
            byline: None,
            body: None,
        });
    }
    let names_only = rest.chars().count() <= 24
        && !rest.contains(['。', '，', '；', '“', '！', '？', '、'])
        && (rest.contains("记者")
            || rest.contains("通讯员")
            || rest.ends_with("报道")
            || is_name_line(rest));
    if names_only {
        Some(Dateline {
            byline: Some(collapse_spaces(rest)),
            body: None,
        })
    } else {
        Some(Dateline {
            byline: None,
            body: Some(t.to_string()),
        })
    }
}

fn dateline_rest(t: &str) -> Option<&str> {
    if let Some(after) = t.strip_prefix("本报") {
        // `本报讯` or `本报` + place (up to 6 characters) + `讯`.
        for (i, c) in after.char_indices().take(7) {
            if c == '讯' {
                return Some(&after[i + c.len_utf8()..]);
            }
            if !is_han(c) {
                return None;
            }
        }
        return None;
    }
    if let Some(after) = t.strip_prefix("新华社") {
        for (i, c) in after.char_indices().take(16) {
            if c == '电' {
                return Some(&after[i + c.len_utf8()..]);
            }
        }
    }
    None
}

/// Splits a trailing author note off a line: `…贾敬敦说。 （供稿：中国高新技术产业导报）` →
/// (`…贾敬敦说。`, `供稿：中国高新技术产业导报`). A line that is only a note gives `("", note)`.
pub(crate) fn split_end_note(line: &str) -> Option<(&str, String)> {
    let t = line.trim_end();
    let close = if t.ends_with('）') {
        '）'
    } else if t.ends_with(')') {
        ')'
    } else {
        return None;
    };
    let open_at = t.rfind(['（', '('])?;
    let open_len = t[open_at..].chars().next().map_or(1, char::len_utf8);
    let inner = t[open_at + open_len..t.len() - close.len_utf8()].trim();
    let prefix = t[..open_at].trim_end();
    let credit = [
        "供稿",
        "来源",
        "稿件来源",
        "作者",
        "撰稿",
        "撰文",
        "通讯员",
        "记者",
        "文/",
        "编辑",
    ]
    .iter()
    .any(|p| inner.starts_with(p))
        && inner.chars().count() <= 40;
    let name = is_name_line(inner) || is_spaced_name(inner);
    if !(credit || name) {
        return None;
    }
    // Inline, the note must follow a finished sentence; otherwise it is a parenthetical.
    if !prefix.is_empty() && !ends_sentence(prefix) {
        return None;
    }
    Some((prefix, inner.to_string()))
}

/// `孙 婷`: a two-character name printed with a space to fill the column.
fn is_spaced_name(s: &str) -> bool {
    let joined: String = s.split_whitespace().collect();
    s.split_whitespace().count() == 2 && joined.chars().count() <= 3 && is_single_name(&joined)
}

/// Whether `c` is a common single-character surname (a sorted table, searched in log time).
fn is_surname(c: char) -> bool {
    static SORTED: LazyLock<Vec<char>> = LazyLock::new(|| {
        let mut v: Vec<char> = SURNAMES.chars().collect();
        v.sort_unstable();
        v
    });
    SORTED.binary_search(&c).is_ok()
}

fn starts_with_surname(s: &str) -> bool {
    COMPOUND_SURNAMES.iter().any(|p| s.starts_with(p)) || s.chars().next().is_some_and(is_surname)
}

fn is_single_name(tok: &str) -> bool {
    let n = tok.chars().count();
    (2..=4).contains(&n) && tok.chars().all(is_han) && starts_with_surname(tok)
}

/// A bare line of personal names, optionally with a credit: `高云翠`, `颜士敦 邓玉娟`,
/// `牟敏 文/图`.
pub(crate) fn is_name_line(line: &str) -> bool {
    // At most six names of four characters and a credit: body lines are rejected without
    // splitting them.
    if line.len() > 100 {
        return false;
    }
    // One word of more than four characters is no name (most body lines).
    if !line.contains(char::is_whitespace) && line.chars().nth(4).is_some() {
        return false;
    }
    let mut tokens: Vec<&str> = line.split_whitespace().collect();
    if tokens.len() > 1
        && tokens
            .last()
            .is_some_and(|last| NAME_CREDITS.contains(last))
    {
        tokens.pop();
    }
    if tokens.is_empty() || tokens.len() > 6 {
        return false;
    }
    if is_spaced_name(&tokens.join(" ")) {
        return true;
    }
    let shaped = tokens
        .iter()
        .all(|t| (2..=4).contains(&t.chars().count()) && t.chars().all(is_han));
    let named = tokens.iter().filter(|t| starts_with_surname(t)).count();
    shaped
        && named * 2 >= tokens.len()
        && starts_with_surname(tokens[0])
        && (tokens.len() > 1 || tokens[0].chars().count() <= 3)
}

fn collapse_spaces(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headings_parse_levels() {
        assert_eq!(heading("## 搭建载体"), Some((2, "搭建载体")));
        assert_eq!(heading("# 标题 #"), Some((1, "标题")));
        assert_eq!(heading("#话题"), None);
        assert_eq!(heading("####### 太深"), None);
    }

    #[test]
    fn sentence_ends() {
        assert!(ends_sentence("他说。”"));
        assert!(ends_sentence("等高新区……"));
        assert!(!ends_sentence("“流量密码”"));
        assert!(!ends_sentence("近 10"));
    }

    #[test]
    fn furniture_is_recognised() {
        assert!(is_furniture(" 一线报道"));
        assert!(is_furniture("18"));
        assert!(is_furniture("园区动态 园区动态"));
        assert!(is_furniture("本版责编：张三"));
        assert!(!is_furniture("突出一个“早”字"));
        assert!(!is_furniture("2023"));
    }

    #[test]
    fn captions_are_recognised() {
        assert!(is_caption("河畔的廊桥与酒店同框。 李明 摄"));
        assert!(is_caption("图片来源：某某高新区"));
        assert!(is_caption("夜色中的科技城 受访者供图"));
        assert!(is_caption("园区一角（记者 张三摄）"));
        assert!(!is_caption("该项目由企业自主拍摄"));
    }

    #[test]
    fn bylines_and_names() {
        assert_eq!(
            byline("□ 本报记者 王小明").as_deref(),
            Some("本报记者 王小明")
        );
        assert_eq!(byline("◎陈科").as_deref(), Some("陈科"));
        assert_eq!(
            byline("◎通讯员 许红 本报记者 过国").as_deref(),
            Some("通讯员 许红 本报记者 过国")
        );
        assert!(byline("记者从会上获悉，今年投资增长。").is_none());
        assert!(is_name_line("高云翠"));
        assert!(is_name_line("颜士敦 邓玉娟"));
        assert!(is_name_line("牟敏 文/图"));
        assert!(!is_name_line("工业为基"));
        assert!(!is_name_line("项目建设提挡"));
    }

    #[test]
    fn datelines() {
        let d = dateline("本报讯 李某 记者张某报道").unwrap();
        assert_eq!(d.byline.as_deref(), Some("李某 记者张某报道"));
        assert!(d.body.is_none());
        let d = dateline("本报湘潭讯 近年来,园区持续优化。").unwrap();
        assert!(d.byline.is_none());
        assert_eq!(d.body.as_deref(), Some("本报湘潭讯 近年来,园区持续优化。"));
        assert!(dateline("本报记者 王某").is_none());
    }

    #[test]
    fn end_notes() {
        assert_eq!(split_end_note("（孙 婷）"), Some(("", "孙 婷".to_string())));
        assert_eq!(
            split_end_note("工作顺利。 （供稿：某某高新区）"),
            Some(("工作顺利。", "供稿：某某高新区".to_string()))
        );
        assert_eq!(split_end_note("中冶焦耐（大连）"), None);
        assert_eq!(split_end_note("荣获“最佳城市（省市级）"), None);
    }
}
