//! Which region a figure is about.
//!
//! In order: the nearest place named before the number in its sentence, unless that mention is
//! a yardstick (`占全市的`, `居全国第三`), part of an enumeration (`成都、广州…6场`), or an
//! enclosing region used as an attribute (`四川省重点实验室` in an article about a park in
//! Sichuan); an anaphor (全区, 该高新区, 园区, 全市) closer to the number resolves to the last
//! region of its kind; failing all that, the last region named earlier in the paragraph, then the
//! article's subject (the place in its title, else its most named place).

use std::ops::Range;
use std::sync::LazyLock;

use super::context::{ends_clause, paragraph};
use super::gazetteer::Gazetteer;
use super::lexicon::WordSet;
use super::places::{Mention, Place, Setting};
use crate::dataset::RegionKind;

/// The kind of region an anaphor points back to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Refers {
    /// A development zone.
    Park,
    /// A zone or a city district.
    Zone,
    /// A city.
    City,
    /// A county.
    County,
    /// A province.
    Province,
}

/// Words that refer back to a region the passage is about, with the kind of region each means.
const ANAPHORA: &[(&str, Refers)] = &[
    ("该高新区", Refers::Park),
    ("全高新区", Refers::Park),
    ("高新区内", Refers::Park),
    ("该园区", Refers::Park),
    ("全园区", Refers::Park),
    ("园区", Refers::Park),
    ("该区", Refers::Zone),
    ("全区", Refers::Zone),
    ("本区", Refers::Zone),
    ("区内", Refers::Zone),
    ("辖区", Refers::Zone),
    ("该市", Refers::City),
    ("全市", Refers::City),
    ("本市", Refers::City),
    ("我市", Refers::City),
    ("我区", Refers::Zone),
    ("我省", Refers::Province),
    ("该县", Refers::County),
    ("全县", Refers::County),
    ("该省", Refers::Province),
    ("全省", Refers::Province),
];

/// The anaphors, for other rules that must recognise them (a label never starts with one).
pub(crate) fn anaphora() -> impl Iterator<Item = &'static str> {
    ANAPHORA.iter().map(|(w, _)| *w)
}

/// Words right after a place that make it part of an organisation's name, not a region (the
/// organisation words of [`ORG_HEADS`] count there too).
const ORG_SUFFIXES: &[&str] = &[
    "理工",
    "师范",
    "电视台",
    "研究所",
    "海关",
    "中学",
    "小学",
    "证券",
    "航空",
    "籍",
];

/// Words after an enclosing region that show it is the topic of its clause, not an attribute:
/// `四川省共有…`, `全国的…`, `浙江省，…`.
const TOPIC_FOLLOWERS: &[&str] = &[
    "的",
    "是",
    "有",
    "共",
    "已",
    "拥有",
    "累计",
    "全年",
    "实现",
    "完成",
    "现有",
    "新增",
    "建成",
    "目前",
    "今年",
    "去年",
    "上半年",
    "前三季度",
    "各类",
    "范围",
    "层面",
    "地区",
    // A region acting: `成都市提出…`, `四川省正加快…`.
    "提出",
    "出台",
    "印发",
    "发布",
    "正",
    "将",
    "加快",
    "着力",
    "聚焦",
    "推动",
    // A government or party committee acts for its region: `浙江省政府提出设立…基金`.
    "政府",
    "人民政府",
    "委",
    "党委",
];

/// Organisation words that may follow a place after a few characters of name (`某市技术交易所`,
/// `某省大学`); a longer name before them (`某市新材料产业研究院`) keeps the place a region.
const ORG_HEADS: &[&str] = &[
    "大学",
    "学院",
    "交易所",
    "集团",
    "公司",
    "银行",
    "日报",
    "医院",
];

fn is_org(text: &str, m: &Mention, book_titles: &[Range<usize>]) -> bool {
    let after = &text[m.range.end..];
    if ORG_SUFFIXES.iter().any(|s| after.starts_with(s)) {
        return true;
    }
    // The place starts a longer proper name: up to four name characters, then an organisation
    // word, with no punctuation in between.
    let word: String = after
        .chars()
        .take_while(|c| c.is_alphanumeric())
        .take(8)
        .collect();
    // Some occurrence within the first five characters (so also the first one).
    static HEADS: LazyLock<WordSet> = LazyLock::new(|| WordSet::new(ORG_HEADS.iter().copied()));
    if HEADS
        .find_all(&word)
        .any(|(_, r)| word[..r.start].chars().count() <= 4)
    {
        return true;
    }
    // Inside a book or document title: 《天津市人民政府…协议》.
    book_titles
        .iter()
        .any(|t| t.start <= m.range.start && m.range.end <= t.end)
}

/// Byte ranges inside 《…》 (unclosed: to the end of the text).
fn book_titles(text: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut open = None;
    for (i, c) in text.char_indices() {
        match c {
            '《' => open = Some(i),
            '》' => {
                if let Some(o) = open.take() {
                    out.push(o..i);
                }
            }
            _ => {}
        }
    }
    if let Some(o) = open {
        out.push(o..text.len());
    }
    out
}

/// `占全市的`, `高于天津市平均水平`, `高于全国0.5个百分点`, `居全国第三`, `位居湖南省首位`, `在全国率先`: the place (or
/// anaphor) at `at` is what something is measured against.
fn is_yardstick(text: &str, at: Range<usize>) -> bool {
    let before = text[..at.start].trim_end();
    let after = &text[at.end..];
    let compares = ["占", "高于", "低于", "超过", "比", "较", "相当于", "领先"]
        .iter()
        .any(|w| before.ends_with(w))
        && (after.starts_with(['的', '平', '同']) || after.starts_with(|c: char| c.is_numeric()));
    let ranks = ranked_after(after)
        || ["居", "位居", "位列", "排名", "列", "保持"]
            .iter()
            .any(|w| before.ends_with(w));
    let leads = before.ends_with('在')
        && ["率先", "首", "领先", "前列"]
            .iter()
            .any(|w| after.starts_with(w));
    compares || ranks || leads
}

/// `导入北京项目`, `引进上海企业`, `来自深圳的团队`: a place after a verb of bringing in names where
/// the things counted come from, not the region that counts them.
fn is_origin(text: &str, at: Range<usize>) -> bool {
    let before = text[..at.start].trim_end();
    let noun_follows = text[at.end..]
        .chars()
        .next()
        .is_some_and(|c| !ends_clause(c) && !c.is_numeric());
    noun_follows
        && ["导入", "引进", "引入", "吸引", "承接", "来自"]
            .iter()
            .any(|w| before.ends_with(w))
}

/// `全国排名`, `全国排位`: the nation names the list a region is ranked in, never what is ranked.
fn national_ranking(text: &str, m: &Mention) -> bool {
    m.place == Place::Nation
        && ["排名", "排位", "排行", "位次"]
            .iter()
            .any(|w| text[m.range.end..].starts_with(w))
}

/// `第三`, `首位`, `前十` right after a place rank it; `首批`, `前三季度` do not.
fn ranked_after(after: &str) -> bool {
    let Some(rest) = after.strip_prefix(['第', '首', '前']) else {
        return false;
    };
    if rest.starts_with('位') {
        return true;
    }
    let numeral = |c: char| c.is_ascii_digit() || "一二三四五六七八九十百两".contains(c);
    let tail = rest.trim_start_matches(numeral);
    tail.len() < rest.len()
        && !["季度", "个月", "月", "年", "天", "周", "批"]
            .iter()
            .any(|w| tail.starts_with(w))
}

/// `成都、广州、武汉……6场`: a place in a list before a total is not what the total is about.
/// `prev` and `next` are the mentions next to `m` in the text.
fn in_enumeration(text: &str, m: &Mention, prev: Option<&Mention>, next: Option<&Mention>) -> bool {
    let before = text[..m.range.start].trim_end();
    let after = text[m.range.end..].trim_start();
    let joined = before.ends_with(['、', '和', '及']);
    let opens = after.starts_with(['、', '和', '及']);
    (joined && prev.is_some_and(|o| o.range.end + 4 >= before.len()))
        || (opens && next.is_some_and(|o| o.range.start <= m.range.end + 4))
}

/// Whether `outer` strictly encloses `inner`.
fn encloses(gaz: &Gazetteer, outer: &Place, inner: &Place) -> bool {
    match (outer, inner) {
        (Place::Nation, Place::Nation) => false,
        (Place::Nation, _) => true,
        (Place::Division(o), Place::Division(i)) => gaz.is_ancestor(*o, *i),
        (
            Place::Division(o),
            Place::Park {
                parent: Some(p), ..
            },
        ) => *o == *p || gaz.is_ancestor(*o, *p),
        _ => false,
    }
}

fn kind_of(gaz: &Gazetteer, p: &Place) -> Option<RegionKind> {
    match p {
        Place::Nation => Some(RegionKind::Nation),
        Place::Park { .. } => Some(RegionKind::Park),
        Place::Division(c) => gaz.get(*c).map(|d| d.kind),
    }
}

fn refers_to(gaz: &Gazetteer, r: Refers, p: &Place) -> bool {
    let kind = kind_of(gaz, p);
    match r {
        Refers::Park => kind == Some(RegionKind::Park),
        Refers::Zone => matches!(kind, Some(RegionKind::Park | RegionKind::District)),
        Refers::City => {
            kind == Some(RegionKind::City)
                || matches!(p, Place::Division(c) if super::gazetteer::is_municipality(*c))
        }
        Refers::County => kind == Some(RegionKind::County),
        Refers::Province => kind == Some(RegionKind::Province),
    }
}

/// What attribution needs to know about one article.
pub struct Context<'a> {
    gaz: &'a Gazetteer,
    text: &'a str,
    /// Mentions that can be what a figure is about (organisation names left out), in text order.
    mentions: Vec<&'a Mention>,
    /// For each mention: whether a figure after it can be about it.
    carries: Vec<bool>,
    /// For each mention: whether it is an item of a list of places.
    listed: Vec<bool>,
    subject: Option<Place>,
}

impl<'a> Context<'a> {
    /// Prepares attribution for an article; `title_mentions` are the places named in its title,
    /// `setting` where the page's furniture puts it.
    pub fn new(
        gaz: &'a Gazetteer,
        text: &'a str,
        mentions: &'a [Mention],
        title: &str,
        title_mentions: &[Mention],
        setting: &Setting,
    ) -> Self {
        let titles = book_titles(text);
        let mentions: Vec<&Mention> = mentions
            .iter()
            .filter(|m| !is_org(text, m, &titles))
            .collect();
        let listed: Vec<bool> = (0..mentions.len())
            .map(|i| {
                let prev = i.checked_sub(1).map(|p| mentions[p]);
                in_enumeration(text, mentions[i], prev, mentions.get(i + 1).copied())
            })
            .collect();
        // Places only listed (`成都、广州、武汉等`) or the list of a ranking (`全国排名`) do
        // not make an article's subject.
        let standalone: Vec<&Mention> = mentions
            .iter()
            .zip(&listed)
            .filter(|(m, l)| !**l && !national_ranking(text, m))
            .map(|(m, _)| *m)
            .collect();
        // A headline's place, else the park a bare `高新区` headline means where the breadcrumb
        // files the page, else the place the text names most, else the breadcrumb's division.
        let subject = title_subject(gaz, title, title_mentions)
            .or(setting.park.as_ref())
            .or_else(|| most_frequent(&standalone))
            .or(setting.division.as_ref())
            .cloned();
        let carries = mentions
            .iter()
            .zip(&listed)
            .map(|(m, l)| {
                !l && !is_yardstick(text, m.range.clone())
                    && !is_origin(text, m.range.clone())
                    && !attributive(gaz, text, m, subject.as_ref())
                    && !national_ranking(text, m)
            })
            .collect();
        Context {
            gaz,
            text,
            mentions,
            carries,
            listed,
            subject,
        }
    }

    /// The article's subject: the most specific place in its title, else the page's setting or
    /// its most named place.
    pub fn subject(&self) -> Option<&Place> {
        self.subject.as_ref()
    }

    /// Indices of the mentions lying within `[from, to)`, in text order.
    fn within(&self, from: usize, to: usize) -> Range<usize> {
        let lo = self.mentions.partition_point(|m| m.range.start < from);
        let hi = self.mentions.partition_point(|m| m.range.end <= to);
        lo..hi.max(lo)
    }

    /// The region the figure at byte range `at`, in sentence `s`, is about.
    pub fn region_for(&self, at: Range<usize>, s: Range<usize>) -> Option<Place> {
        let in_sentence = self.within(s.start, at.start);
        // `金牛区位于成都市的西北部，是成都…的中心城区，…1499亿元`: a region enclosing one named
        // earlier in the sentence only locates it, unless it opens a clause of its own
        // (`围绕成都高新区主攻方向，成都市提出…`).
        let locates = |i: usize| {
            let m = self.mentions[i];
            let opens = self.text[..m.range.start]
                .chars()
                .next_back()
                .is_none_or(ends_clause);
            !opens
                && self.mentions[in_sentence.start..i]
                    .iter()
                    .any(|e| encloses(self.gaz, &m.place, &e.place))
        };
        let named = in_sentence
            .clone()
            .rev()
            .find(|&i| self.carries[i] && !locates(i))
            .map(|i| self.mentions[i]);
        let anaphor = self.last_anaphor(s.start, at.start);
        match (named, anaphor) {
            (Some(m), Some((a, r))) if a > m.range.start => self.resolve(r, a),
            (Some(m), _) => Some(m.place.clone()),
            (None, Some((a, r))) => self.resolve(r, a),
            (None, None) => self.passage_subject(s.start),
        }
    }

    /// The places listed nearest before byte `at` in sentence `s` (`常州和武进国家高新区`,
    /// `株洲、湘潭、衡阳高新区`), when the figures there are about them: only yardsticks
    /// (`进入全国前100名`) stand between, no place named alone and no anaphor. Empty otherwise.
    pub fn listed_before(&self, at: usize, s: Range<usize>) -> Vec<Place> {
        let mut run: Vec<usize> = Vec::new();
        for i in self.within(s.start, at).rev() {
            match run.last() {
                None if self.listed[i] => run.push(i),
                None if self.carries[i] => return Vec::new(),
                None => {}
                Some(&next) => {
                    let gap =
                        &self.text[self.mentions[i].range.end..self.mentions[next].range.start];
                    if !self.listed[i] || !matches!(gap.trim(), "、" | "和" | "及" | "与") {
                        break;
                    }
                    run.push(i);
                }
            }
        }
        let Some(&last) = run.first() else {
            return Vec::new();
        };
        if self
            .last_anaphor(self.mentions[last].range.end, at)
            .is_some()
        {
            return Vec::new();
        }
        run.iter()
            .rev()
            .map(|&i| self.mentions[i].place.clone())
            .collect()
    }

    /// The last anaphor in `[from, to)` that is not part of a place name, with its kind.
    fn last_anaphor(&self, from: usize, to: usize) -> Option<(usize, Refers)> {
        static WORDS: LazyLock<WordSet> =
            LazyLock::new(|| WordSet::new(ANAPHORA.iter().map(|(w, _)| *w)));
        WORDS
            .find_all(&self.text[from..to])
            .map(|(k, r)| (from + r.start, r.len(), ANAPHORA[k].1))
            .filter(|(i, _, _)| {
                let k = self.mentions.partition_point(|m| m.range.end <= *i);
                self.mentions.get(k).is_none_or(|m| m.range.start > *i)
            })
            .filter(|(i, len, _)| !is_yardstick(self.text, *i..*i + len))
            .max_by_key(|(i, _, _)| *i)
            .map(|(i, _, r)| (i, r))
    }

    /// The region an anaphor at byte `at` refers to: the last one of its kind named before it,
    /// else the article's subject.
    fn resolve(&self, r: Refers, at: usize) -> Option<Place> {
        if self
            .subject
            .as_ref()
            .is_some_and(|s| refers_to(self.gaz, r, s))
        {
            // The article's own subject wins over a region of the same kind named in passing,
            // unless the paragraph has moved on to another one.
            let p = paragraph(self.text, at..at);
            let local = self.last_of_kind(r, p.start, at);
            return local.or_else(|| self.subject.clone());
        }
        self.last_of_kind(r, 0, at).or_else(|| self.subject.clone())
    }

    fn last_of_kind(&self, r: Refers, from: usize, to: usize) -> Option<Place> {
        self.within(from, to)
            .rev()
            .find(|&i| self.carries[i] && refers_to(self.gaz, r, &self.mentions[i].place))
            .map(|i| self.mentions[i].place.clone())
    }

    /// The region the passage before byte `at` is about: the last place named in its paragraph,
    /// else the article's subject.
    fn passage_subject(&self, at: usize) -> Option<Place> {
        let p = paragraph(self.text, at..at);
        self.within(p.start, at)
            .rev()
            .find(|&i| self.carries[i])
            .map(|i| self.mentions[i].place.clone())
            .or_else(|| self.subject.clone())
    }
}

/// An enclosing region of the article's subject used as an attribute of the thing counted
/// (`四川省重点实验室` in an article about a park in Sichuan), not as the clause's topic.
fn attributive(gaz: &Gazetteer, text: &str, m: &Mention, subject: Option<&Place>) -> bool {
    if !subject.is_some_and(|s| encloses(gaz, &m.place, s)) {
        return false;
    }
    let after = &text[m.range.end..];
    // `全国169家高新区`: a place right before a count is what is counted, not an attribute.
    let punct = after
        .chars()
        .next()
        .is_none_or(|c| ends_clause(c) || !c.is_alphanumeric() || c.is_numeric());
    !punct && !TOPIC_FOLLOWERS.iter().any(|w| after.starts_with(w))
}

/// Parks first, then districts and counties, then cities, provinces and the nation.
fn specificity(gaz: &Gazetteer, p: &Place) -> u8 {
    match kind_of(gaz, p) {
        Some(RegionKind::Park) => 4,
        Some(RegionKind::District | RegionKind::County) => 3,
        Some(RegionKind::City) => 2,
        Some(RegionKind::Province) => 1,
        _ => 0,
    }
}

/// The place a headline is about: the most specific place of its first part that names one.
/// A two-part headline (`广州研发投入创新高 黄埔R&D投入强度超6%`) leads with its subject and
/// follows with a detail about a part of it.
fn title_subject<'m>(gaz: &Gazetteer, title: &str, ms: &'m [Mention]) -> Option<&'m Place> {
    let first = ms.first()?;
    let part_end = title[first.range.end..]
        .find([' ', '\u{3000}', '|', '｜', '：', ':', '！', '!', '—'])
        .map_or(title.len(), |i| first.range.end + i);
    most_specific(gaz, ms.iter().filter(|m| m.range.start < part_end))
}

fn most_specific<'m>(gaz: &Gazetteer, ms: impl Iterator<Item = &'m Mention>) -> Option<&'m Place> {
    let mut best: Option<&Mention> = None;
    for m in ms {
        if best.is_none_or(|b| specificity(gaz, &m.place) > specificity(gaz, &b.place)) {
            best = Some(m);
        }
    }
    best.map(|m| &m.place)
}

fn most_frequent<'m>(ms: &[&'m Mention]) -> Option<&'m Place> {
    let mut counts: Vec<(&Place, usize, usize)> = Vec::new();
    for (i, m) in ms.iter().enumerate() {
        match counts.iter_mut().find(|(p, _, _)| *p == &m.place) {
            Some(c) => c.1 += 1,
            None => counts.push((&m.place, 1, i)),
        }
    }
    // Ties go to the place named first.
    counts
        .into_iter()
        .max_by(|a, b| a.1.cmp(&b.1).then(b.2.cmp(&a.2)))
        .map(|(p, _, _)| p)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::context::sentence;
    use crate::extract::places::find_mentions;

    /// The region name the figure `raw` in `text` is attributed to, in an article titled `title`.
    fn region(title: &str, text: &str, raw: &str) -> String {
        let gaz = Gazetteer::bundled();
        let mentions = find_mentions(gaz, text);
        let title_mentions = find_mentions(gaz, title);
        let ctx = Context::new(
            gaz,
            text,
            &mentions,
            title,
            &title_mentions,
            &Setting::default(),
        );
        let i = text.find(raw).expect("raw in text");
        match ctx.region_for(i..i + raw.len(), sentence(text, i..i + raw.len())) {
            Some(Place::Nation) => "全国".into(),
            Some(Place::Division(c)) => gaz.get(c).map(|d| d.name.clone()).unwrap_or_default(),
            Some(Place::Park { name, .. }) => name,
            None => "-".into(),
        }
    }

    #[test]
    fn nearest_place_in_the_sentence() {
        let t = "2021年，德阳高新区企业营业收入突破500亿元。";
        assert_eq!(region("", t, "500亿元"), "德阳高新区");
    }

    #[test]
    fn passage_and_article_subject() {
        let t = "绵阳市科技局介绍，高新技术企业达到300家。\n另据统计，全社会研发投入达80亿元。";
        assert_eq!(region("德阳高新区建设人才生态", t, "300家"), "绵阳市");
        assert_eq!(region("德阳高新区建设人才生态", t, "80亿元"), "德阳高新区");
    }

    #[test]
    fn enclosing_region_as_attribute_is_not_the_subject() {
        let t = "德阳高新区成功创建四川省重点实验室3个，四川省院士工作站2个，全国技术能手2人。";
        assert_eq!(region("德阳高新区建设人才生态", t, "3个"), "德阳高新区");
        assert_eq!(region("德阳高新区建设人才生态", t, "2个"), "德阳高新区");
        assert_eq!(region("德阳高新区建设人才生态", t, "2人"), "德阳高新区");
        let t = "在全国169家高新区排名中，德阳高新区位列第60位。";
        assert_eq!(region("德阳高新区建设人才生态", t, "169家"), "全国");
        let t = "德阳高新区已累计引进成都项目40余个，市场主体突破1万家。";
        assert_eq!(region("", t, "40余个"), "德阳高新区");
        assert_eq!(region("", t, "1万家"), "德阳高新区");
        let t = "围绕成都高新区主攻方向，成都市提出加快发展3个产业集群。";
        assert_eq!(region("", t, "3个"), "成都市");
        let t = "德阳研发投入强度达3.1%，高于全国0.5个百分点。";
        assert_eq!(region("德阳研发投入创新高", t, "0.5个百分点"), "德阳市");
        let t = "今年年初，四川省政府提出设立4只产业基金。";
        assert_eq!(region("德阳高新区建设人才生态", t, "4只"), "四川省");
    }

    #[test]
    fn yardsticks_and_rankings_are_skipped() {
        let t = "长沙高新区高层次人才数量居湖南省首位，全区新增国家级创新平台102个。";
        assert_eq!(region("长沙高新区：黄金十年", t, "102个"), "长沙高新区");
        let t = "成都市前三季度地区生产总值1.5万亿元，成都市首批认定企业30家。";
        assert_eq!(region("德阳高新区建设人才生态", t, "1.5万亿元"), "成都市");
        assert_eq!(region("德阳高新区建设人才生态", t, "30家"), "成都市");
        let t = "截至目前，德阳高新区在全国排名第21位。";
        assert_eq!(region("", t, "第21位"), "德阳高新区");
        let t = "截至目前，全国排名第21位。";
        assert_eq!(region("", t, "第21位"), "-");
        let t = "全国高新技术企业达到40万家。";
        assert_eq!(region("", t, "40万家"), "全国");
        let t = "大连高新区培育机构8家，占大连市的53%。";
        assert_eq!(region("大连高新区获评试验区", t, "53%"), "大连高新区");
        let t = "金牛区委组织部出台政策措施32个，在全省率先实施人才计划，吸引人才40.2万人。";
        assert_eq!(region("成都“巴适得板”", t, "40.2万人"), "金牛区");
    }

    #[test]
    fn a_region_that_only_locates_another_is_skipped() {
        let t =
            "金牛区位于成都市的西北部，是成都最活跃的中心城区，2022年实现地区生产总值1499亿元。";
        assert_eq!(region("成都“巴适得板”", t, "1499亿元"), "金牛区");
    }

    #[test]
    fn enumerated_places_before_a_total() {
        let t = "截至8月31日，成都、广州、武汉、西安、沈阳5场直播招聘会共组织36家企业参加。";
        assert_eq!(region("全国高新区稳就业", t, "36家"), "全国");
        assert_eq!(region("", t, "5场"), "-");
    }

    #[test]
    fn anaphora_resolve_by_kind() {
        let t = "青岛市科技局表示，青岛高新区发展迅速。\n全区高新技术企业1417家。";
        assert_eq!(region("", t, "1417家"), "青岛高新区");
        let t = "长沙高新区的麓谷园区新增市场主体3.2万家。";
        assert_eq!(region("长沙高新区：黄金十年", t, "3.2万家"), "麓谷园区");
    }

    #[test]
    fn organisation_names_are_not_regions() {
        let t = "大连高新区引进上海技术交易所大连服务中心，服务科技成果项目254项。";
        assert_eq!(region("大连高新区获评试验区", t, "254项"), "大连高新区");
        // `人` after a place starts a word (人口, 人才), not an organisation.
        let t = "成都市人口2100万人。";
        assert_eq!(region("德阳高新区建设人才生态", t, "2100万人"), "成都市");
    }
}
