//! Parks found by pattern: a place part (division names, and at most one other short word such
//! as 张江 or 滨海) followed by a park suffix, an optional parenthesised division, and
//! enumerations `A、B、C等国家高新区`, `A和B国家高新区`, `A、B、C3家高新区`.

use std::ops::Range;

use super::context::{Context, depth};
use super::matcher::{Matcher, Pat, Token};
use super::zones::{self, ZoneHit};
use crate::dataset::RegionKind;
use crate::extract::gazetteer::is_municipality;
use crate::extract::numbers;

/// A park found in the text.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct ParkHit {
    pub range: Range<usize>,
    pub name: String,
    pub parent: Option<u32>,
    /// Division tokens in the place part, left to right.
    divs: Vec<usize>,
    /// Whether the parent is the article's nearby place rather than one the name gives.
    pub from_context: bool,
}

impl ParkHit {
    /// A park not read from a place part (a listed zone name, a sub-area).
    pub fn new(range: Range<usize>, name: &str, parent: Option<u32>) -> ParkHit {
        ParkHit {
            range,
            name: name.to_string(),
            parent,
            divs: Vec::new(),
            from_context: false,
        }
    }
}

/// Words that end up right before a park suffix without naming a park (`助力高新区`, `工业园区`).
const WORD_STOP: &[&str] = &[
    "助力",
    "提升",
    "推动",
    "推进",
    "支持",
    "服务",
    "建设",
    "打造",
    "发展",
    "集聚",
    "聚集",
    "进驻",
    "入驻",
    "落户",
    "扎根",
    "带动",
    "引领",
    "全省",
    "全市",
    "各地",
    "本地",
    "当地",
    "外地",
    "省级",
    "市级",
    "区级",
    "国家",
    "首批",
    "其他",
    "其它",
    "所在",
    "重点",
    "特色",
    "专业",
    "工业",
    "产业",
    "科技",
    "创业",
    "创新",
    "先进",
    "示范",
    "试点",
    "培育",
    "智慧",
    "生态",
    "绿色",
    "现代",
    "化工",
    "物流",
    "农业",
    "文化",
    "软件",
    "数字",
    "大学",
    "综合",
    "整个",
    "我们",
    "他们",
    "包括",
    "成为",
    "作为",
    "一流",
    "最佳",
    "优秀",
    "新兴",
    "中国",
    "世界",
    "国际",
    "周边",
    "区域",
    "相关",
    "主要",
    "新型",
    "城市",
    "全区",
    "各类",
    "高新",
    "科学",
    "加快",
    "加速",
    "实现",
    "成立",
    "设立",
    "批准",
    "获批",
    "升级",
    "认定",
    "考核",
    "评价",
    "排名",
    "位居",
    "位列",
    "入选",
    "围绕",
    "依托",
    "聚焦",
    "立足",
    "深化",
    "优化",
    "完善",
    "构建",
    "形成",
    "规划",
    "开发",
    "经济",
    "这些",
    "部分",
    "所有",
    "一批",
    "地方",
    "全球",
    "海外",
    "进入",
    "走进",
    "来到",
    "回到",
    "返回",
    "离开",
    "前往",
    "包含",
    "涵盖",
    "覆盖",
    "管理",
    "运营",
    "招商",
    "企业",
    "项目",
    "人才",
    "政务",
    "服务",
    "新建",
    "在建",
    "已有",
    "拥有",
    "共有",
    "现有",
    "省内",
    "市内",
    "区内",
    "境内",
    "国内",
    "同类",
    "兄弟",
    "合作",
    "共建",
    "示范性",
    "标准化",
    "特色化",
    "专业化",
    "高科技",
    "高技术",
    "产业化",
    "大学城",
    "开展",
    "通过",
    "利用",
    "进行",
    "组织",
    "举办",
    "参观",
    "考察",
    "调研",
    "引进",
    "鼓励",
    "吸引",
    "扶持",
    "加强",
    "保障",
    "促进",
    "带领",
    "率领",
    "走访",
    "成功",
    "全力",
    "积极",
    "持续",
    "不断",
    "深入",
    "大力",
    "着力",
    "努力",
    "争创",
    "创建",
    "申报",
    "申建",
    "获评",
    "评为",
    "荣获",
    "获得",
    "深度",
    "战略",
    "全面",
];

/// Characters that end a place word on its left: particles and prepositions.
const BOUNDARY: &str = "的在与和及对了是为到从由至向把被让使给往于等以将据经或并也都年月日号";

/// Characters that show the run is the tail of a longer phrase (`全部集聚`, `省级`), not a name.
const MID_PHRASE: &str = "该各本全每这那其此个家级";

pub(crate) fn is_cjk(c: char) -> bool {
    ('\u{4e00}'..='\u{9fff}').contains(&c) || ('\u{3400}'..='\u{4dbf}').contains(&c)
}

/// Park kinds large enough to hold other parks.
const CONTAINERS: &[&str] = &["科学城", "科技城", "科教城", "新区", "自贸区"];

/// The place part ending at some byte position.
struct Part {
    start: usize,
    divs: Vec<usize>,
    word: bool,
}

struct Walker<'a> {
    text: &'a str,
    tokens: &'a [Token],
    m: &'a Matcher,
}

impl Walker<'_> {
    /// Index one past the last token that ends at or before `pos`.
    fn before(&self, pos: usize) -> usize {
        self.tokens.partition_point(|t| t.end <= pos)
    }

    /// Reads the place part that ends at `pos` leftwards. Parks already found that end there are
    /// absorbed (`西部科学城` + `自贡` + `科技园`).
    fn part(&self, mut pos: usize, parks: &mut Vec<ParkHit>, absorb: bool) -> Part {
        let mut part = Part {
            start: pos,
            divs: Vec::new(),
            word: false,
        };
        loop {
            let k = self.before(pos);
            let prev = k
                .checked_sub(1)
                .and_then(|i| self.tokens.get(i).map(|t| (i, t)));
            let low = prev.map_or(0, |(_, t)| t.end);
            if let Some((i, t)) = prev.filter(|(_, t)| t.end == pos) {
                match self.m.pat(t) {
                    Pat::Name(_) => {
                        part.divs.push(i);
                        pos = t.start;
                        part.start = pos;
                        continue;
                    }
                    // Only areas hold parks, and only a named one: `西部科学城自贡科技园`, not
                    // `宜春丰城高新区高新区`.
                    Pat::Suffix(canon)
                        if absorb
                            && CONTAINERS.contains(canon)
                            && (part.word || !part.divs.is_empty()) =>
                    {
                        if let Some(p) = parks.last().filter(|p| p.range.end == pos).cloned() {
                            parks.pop();
                            part.divs.extend(p.divs.iter().rev());
                            pos = p.range.start;
                            part.start = pos;
                        }
                    }
                    _ => {}
                }
                break;
            }
            // One non-division word, right before the suffix: `张江`, `西海岸`, `麓谷`.
            if part.word || !part.divs.is_empty() {
                break;
            }
            // A run of CJK characters back to the previous token or a boundary character.
            let head = self.text.get(low..pos).unwrap_or("");
            let mut run_start = pos;
            let mut clean = true;
            for (i, c) in head.char_indices().rev() {
                if !is_cjk(c) || BOUNDARY.contains(c) {
                    break;
                }
                clean &= !MID_PHRASE.contains(c);
                run_start = low + i;
            }
            let run = self.text.get(run_start..pos).unwrap_or("");
            let n = run.chars().count();
            let merge = n == 1
                && run_start == low
                && prev.is_some_and(|(_, t)| matches!(self.m.pat(t), Pat::Name(_)));
            if merge {
                // `松山湖`: a division short form plus one character is a name of its own.
                pos = prev.map_or(pos, |(_, t)| t.start);
            } else if clean && (2..=3).contains(&n) && !WORD_STOP.contains(&run) {
                pos = run_start;
            } else {
                break;
            }
            part.word = true;
            part.start = pos;
        }
        part.divs.reverse();
        part
    }

    /// Whether a place part is one short name of a city, district or county (`常州`, `武进`):
    /// a full name (`德阳市`) names the division itself, a province a province's zones.
    fn is_short_name(&self, ctx: &Context, part: &Part) -> bool {
        let [i] = part.divs[..] else {
            return false;
        };
        if part.word {
            return false;
        }
        let Some(Pat::Name(cands)) = self.tokens.get(i).map(|t| self.m.pat(t)) else {
            return false;
        };
        let resolved = self.resolve(ctx, part);
        resolved.iter().all(|&(_, c)| depth(ctx.gaz, c) >= 1)
            && !resolved.is_empty()
            && !cands
                .iter()
                .any(|&(k, full)| full && resolved.iter().any(|&(_, c)| c == k))
    }

    /// The short names listed right before byte `pos`, in text order, with where each ends:
    /// `A、B和` before a park's own name, or `A、B、C` ending at `pos` itself when `own` (a count
    /// stands between the list and the suffix). The item next to the park may follow `和`, `及`
    /// or `与`; the others follow `、`.
    fn short_names_before(
        &self,
        ctx: &Context,
        mut pos: usize,
        own: bool,
        parks: &mut Vec<ParkHit>,
    ) -> Vec<(Part, usize)> {
        let mut items = Vec::new();
        let mut joins: &[char] = &['、', '和', '及', '与'];
        if own {
            let part = self.part(pos, parks, false);
            if !self.is_short_name(ctx, &part) {
                return items;
            }
            let start = part.start;
            items.push((part, pos));
            pos = start;
        }
        loop {
            let head = self.text.get(..pos).unwrap_or("");
            let Some(sep) = joins.iter().find(|c| head.ends_with(**c)) else {
                break;
            };
            let end = pos - sep.len_utf8();
            let part = self.part(end, parks, false);
            if part.start == end || !self.is_short_name(ctx, &part) {
                break;
            }
            pos = part.start;
            items.push((part, end));
            joins = &['、'];
        }
        items.reverse();
        items
    }

    /// Makes each listed place part, ending where given, a park with suffix `canon`.
    fn push_items(
        &self,
        ctx: &mut Context,
        items: Vec<(Part, usize)>,
        canon: &str,
        zone_hits: &[ZoneHit],
        parks: &mut Vec<ParkHit>,
    ) {
        for (part, end) in items {
            let resolved = self.resolve(ctx, &part);
            let (parent, from_context) = self.parent(ctx, &part, &resolved);
            let place = self.place_name(ctx, &part, end, &resolved);
            let mut park = ParkHit {
                range: part.start..end,
                name: format!("{place}{canon}"),
                parent,
                divs: part.divs,
                from_context,
            };
            zones::link(ctx.gaz, &mut park, end, zone_hits);
            if let Some(p) = park.parent {
                ctx.add(park.range.start, p);
            }
            parks.push(park);
        }
    }

    /// Resolves the divisions a place part names, left to right, each in the light of the one
    /// before (`天津` makes `滨海` 滨海新区).
    fn resolve(&self, ctx: &Context, part: &Part) -> Vec<(usize, u32)> {
        let mut left = None;
        let mut out = Vec::new();
        for &i in &part.divs {
            let Some(Pat::Name(cands)) = self.tokens.get(i).map(|t| self.m.pat(t)) else {
                continue;
            };
            let Some(c) = ctx.choose(cands, left) else {
                continue;
            };
            // `凌云产业园` in a 宁波 article: a county's short form that nothing else supports,
            // in another province than the article's places, is part of a name, not the county.
            let short = !cands.iter().any(|&(k, full)| k == c && full);
            if short
                && depth(ctx.gaz, c) == 2
                && !ctx.supports(c, left)
                && ctx.foreign(c, part.start)
            {
                continue;
            }
            left = Some(c);
            out.push((i, c));
        }
        out
    }

    /// The most specific division named, else the article's nearby place (and `true`).
    fn parent(&self, ctx: &Context, part: &Part, resolved: &[(usize, u32)]) -> (Option<u32>, bool) {
        let mut best: Option<u32> = None;
        for &(_, c) in resolved {
            if best.is_none_or(|b| depth(ctx.gaz, c) >= depth(ctx.gaz, b)) {
                best = Some(c);
            }
        }
        match best {
            Some(b) => (Some(b), false),
            None => (ctx.nearest(part.start), true),
        }
    }

    /// The place part as a name: full division names shortened (`德阳市` → `德阳`) and a leading
    /// province dropped before a city (`四川省自贡市` → `自贡`); other text as written.
    fn place_name(
        &self,
        ctx: &Context,
        part: &Part,
        end: usize,
        resolved: &[(usize, u32)],
    ) -> String {
        let mut out = String::new();
        let mut pos = part.start;
        for (n, &(i, c)) in resolved.iter().enumerate() {
            let Some(t) = self.tokens.get(i) else {
                continue;
            };
            out.push_str(self.text.get(pos..t.start).unwrap_or(""));
            pos = t.end;
            let d = ctx.gaz.get(c);
            let province = d.is_some_and(|d| d.kind == RegionKind::Province) && !is_municipality(c);
            if province && n + 1 < resolved.len() {
                continue;
            }
            let surface = self.text.get(t.start..t.end).unwrap_or("");
            match d {
                Some(d) if d.name == surface && !d.aliases.is_empty() => {
                    out.push_str(d.aliases.first().map_or(surface, String::as_str));
                }
                _ => out.push_str(surface),
            }
        }
        out.push_str(self.text.get(pos..end).unwrap_or(""));
        out
    }
}

/// Strips `……等` / `等` before an enumeration's suffix; the position where the last item ends.
fn enumeration_end(text: &str, pos: usize) -> Option<usize> {
    let head = text.get(..pos)?.strip_suffix('等')?;
    let head = ["……", "…", "..."]
        .iter()
        .find_map(|e| head.strip_suffix(e))
        .unwrap_or(head);
    Some(head.len())
}

/// `4家高新区`: where a count of parks starts before the suffix at `pos`, and the count.
fn count_before(text: &str, pos: usize) -> Option<(usize, usize)> {
    let head = text.get(..pos)?;
    let head = head
        .strip_suffix('家')
        .or_else(|| head.strip_suffix('个'))?;
    let digits = head
        .char_indices()
        .rev()
        .take_while(|(_, c)| c.is_ascii_digit() || numbers::is_numeral_char(*c))
        .last()
        .map(|(i, _)| i)?;
    let n = numbers::numeral_prefix(&head[digits..])?;
    let whole = n.len == head.len() - digits && n.value.fract() == 0.0 && !n.approx;
    (whole && n.value >= 2.0 && n.value <= 50.0).then_some((digits, n.value as usize))
}

/// Finds parks in `text`; each park's parent is resolved against `ctx` and the listed zones
/// found in the text (`zone_hits`), and recorded in `ctx`.
pub(crate) fn find(
    ctx: &mut Context,
    m: &Matcher,
    text: &str,
    tokens: &[Token],
    zone_hits: &[ZoneHit],
) -> Vec<ParkHit> {
    let w = Walker { text, tokens, m };
    let mut parks: Vec<ParkHit> = Vec::new();
    for (si, s) in tokens.iter().enumerate() {
        let Pat::Suffix(canon) = m.pat(s) else {
            continue;
        };
        // `合作区域`, `新区域`: a word for area, not a park.
        if text.get(s.end..).is_some_and(|r| r.starts_with('域')) {
            continue;
        }
        if parks.last().is_some_and(|p| p.range.end > s.start) {
            continue;
        }
        if let Some(mut pos) = enumeration_end(text, s.start) {
            let mut items = Vec::new();
            loop {
                let part = w.part(pos, &mut parks, false);
                if part.divs.is_empty() {
                    break;
                }
                let (start, end) = (part.start, pos);
                items.push((part, end));
                match text.get(..start).and_then(|h| h.strip_suffix('、')) {
                    Some(h) => pos = h.len(),
                    None => break,
                }
            }
            items.reverse();
            w.push_items(ctx, items, canon, zone_hits, &mut parks);
            continue;
        }
        // `绵阳、德阳、乐山、宜宾4家高新区`: as many names as the count says, one park each.
        if let Some((pos, count)) = count_before(text, s.start) {
            let items = w.short_names_before(ctx, pos, true, &mut parks);
            if items.len() >= 2 && items.len() == count {
                w.push_items(ctx, items, canon, zone_hits, &mut parks);
                continue;
            }
        }
        let part = w.part(s.start, &mut parks, true);
        if part.divs.is_empty() && !part.word {
            continue;
        }
        // `常州和武进国家高新区`, `株洲、湘潭、衡阳高新区`: short city or county names listed
        // before a park written the same way name one park each.
        let listed = if w.is_short_name(ctx, &part) {
            w.short_names_before(ctx, part.start, false, &mut parks)
        } else {
            Vec::new()
        };
        w.push_items(ctx, listed, canon, zone_hits, &mut parks);
        let resolved = w.resolve(ctx, &part);
        // `山东省开发区`, `湖南省产业园区`: a province's zones in general, not one park.
        let province_only = !part.word
            && resolved.len() == part.divs.len()
            && resolved.iter().all(|&(_, c)| {
                ctx.gaz
                    .get(c)
                    .is_some_and(|d| d.kind == RegionKind::Province)
                    && !is_municipality(c)
            });
        if province_only {
            continue;
        }
        let mut end = s.end;
        let mut parent = None;
        // `临江高新区(钱塘区)`: the division in brackets is where the park lies.
        if let Some(next) = tokens.get(si + 1) {
            let open = ["(", "（"]
                .iter()
                .find(|o| text.get(s.end..next.start) == Some(**o));
            let close = text
                .get(next.end..)
                .and_then(|r| [")", "）"].iter().find(|c| r.starts_with(**c)));
            if let (Some(_), Some(c), Pat::Name(cands)) = (open, close, m.pat(next)) {
                parent = ctx.choose(cands, None);
                end = next.end + c.len();
            }
        }
        let (parent, from_context) = match parent {
            Some(p) => (Some(p), false),
            None => w.parent(ctx, &part, &resolved),
        };
        let place = w.place_name(ctx, &part, s.start, &resolved);
        let mut park = ParkHit {
            range: part.start..end,
            name: format!("{place}{canon}"),
            parent,
            divs: part.divs,
            from_context,
        };
        zones::link(ctx.gaz, &mut park, s.end, zone_hits);
        if let Some(p) = park.parent {
            ctx.add(park.range.start, p);
        }
        parks.push(park);
    }
    parks
}
