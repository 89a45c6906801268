//! One automaton over every division name and short form, park suffix, nation word and blocked
//! phrase; a pass over the text yields the tokens the place rules work on.

use std::collections::HashMap;

use super::zones::ZoneMatcher;
use crate::extract::gazetteer::Gazetteer;
use crate::extract::lexicon::Longest;

/// Park suffixes as written → the short suffix of the canonical park name. `国家` spellings are
/// listed so that `成都国家高新区` reads as `成都` + one suffix.
pub(crate) const SUFFIXES: &[(&str, &str)] = &[
    ("国家高新技术产业开发区", "高新区"),
    ("高新技术产业开发区", "高新区"),
    ("国家高新技术开发区", "高新区"),
    ("高新技术开发区", "高新区"),
    ("高新技术产业园区", "高新区"),
    ("国家高新区", "高新区"),
    ("高新区", "高新区"),
    ("高新园区", "高新区"),
    ("国家级经济技术开发区", "经开区"),
    ("国家经济技术开发区", "经开区"),
    ("经济技术开发区", "经开区"),
    ("国家级经开区", "经开区"),
    ("国家经开区", "经开区"),
    ("经开区", "经开区"),
    ("经济开发区", "经开区"),
    ("国家自主创新示范区", "自创区"),
    ("自主创新示范区", "自创区"),
    ("国家自创区", "自创区"),
    ("自创区", "自创区"),
    ("国家级新区", "新区"),
    ("新区", "新区"),
    ("自由贸易试验区", "自贸区"),
    ("自贸试验区", "自贸区"),
    ("自由贸易区", "自贸区"),
    ("自贸区", "自贸区"),
    ("科学城", "科学城"),
    ("科技城", "科技城"),
    ("科教城", "科教城"),
    ("科技园区", "科技园区"),
    ("科技园", "科技园"),
    ("产业园区", "产业园区"),
    ("产业园", "产业园"),
    ("工业园区", "工业园区"),
    ("工业园", "工业园"),
    ("综合保税区", "综合保税区"),
    ("保税区", "保税区"),
    ("开发区", "开发区"),
    ("合作区", "合作区"),
    ("园区", "园区"),
];

/// Words naming the whole country.
const NATION: &[&str] = &["全国", "我国"];

/// Phrases that contain a place name but are not about the place; matched so that the longest
/// match swallows the name.
const BLOCKED: &[&str] = &[
    "阿里巴巴",
    "长治久安",
    "大同小异",
    "四平八稳",
    "三明治",
    "长白山",
    "德州仪器",
    "中山装",
    "北京时间",
    "香港脚",
    "天津卫视",
    "上海证券",
    "深圳证券",
    "湖南卫视",
    "浙江卫视",
    "江苏卫视",
];

/// What follows a short form when it names a street, school, brand or company, not the place.
pub(crate) const FOLLOW_BLOCK: &[&str] = &[
    "路",
    "街",
    "巷",
    "大道",
    "大街",
    "大学",
    "学院",
    "公园",
    "汽车",
    "银行",
    "集团",
    "股份",
    "中学",
    "小学",
    "医院",
    "机场",
    "日报",
    "晚报",
    "电视台",
    "号",
];

/// Whether `rest` starts with a school's name ending (`工业大学`, `理工学院`): the place name
/// before it is part of the school's name.
fn names_school(rest: &str) -> bool {
    let head = &rest[..rest.char_indices().nth(6).map_or(rest.len(), |(i, _)| i)];
    ["大学", "学院"].iter().any(|s| {
        head.find(s).is_some_and(|i| {
            head.get(..i)
                .is_some_and(|h| h.chars().count() <= 4 && h.chars().all(|c| c > '\u{2fff}'))
        })
    })
}

/// What a pattern stands for.
#[derive(Debug, Clone)]
pub(crate) enum Pat {
    /// A division name: candidates with whether the pattern is that candidate's full name.
    Name(Vec<(u32, bool)>),
    /// A park suffix with its canonical short suffix.
    Suffix(&'static str),
    /// 全国 and the like.
    Nation,
    /// A phrase that hides a place name.
    Blocked,
}

/// One automaton match.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Token {
    pub start: usize,
    pub end: usize,
    pub pat: usize,
}

/// The compiled automaton and what each pattern means.
#[derive(Debug)]
pub(crate) struct Matcher {
    ac: Longest,
    pats: Vec<Pat>,
    /// Listed zone names, matched apart: `成都高新区` must stay `成都` + `高新区` for the park rules.
    pub zones: ZoneMatcher,
}

impl Matcher {
    /// Builds the automaton over `gaz`'s names; `None` only if the automaton cannot be built.
    pub fn new(gaz: &Gazetteer) -> Option<Matcher> {
        let mut index: HashMap<String, usize> = HashMap::new();
        let mut strings: Vec<String> = Vec::new();
        let mut pats: Vec<Pat> = Vec::new();
        let mut add = |s: &str, p: Pat| {
            if index.contains_key(s) {
                return;
            }
            index.insert(s.to_string(), strings.len());
            strings.push(s.to_string());
            pats.push(p);
        };
        for s in BLOCKED {
            add(s, Pat::Blocked);
        }
        for s in NATION {
            add(s, Pat::Nation);
        }
        let mut names: Vec<(&str, &[u32])> = gaz.names().collect();
        names.sort_unstable();
        for (name, codes) in names {
            let cands = codes
                .iter()
                .map(|&c| (c, gaz.get(c).is_some_and(|d| d.name == name)))
                .collect();
            add(name, Pat::Name(cands));
        }
        for (s, canon) in SUFFIXES {
            add(s, Pat::Suffix(canon));
        }
        Some(Matcher {
            ac: Longest::new(strings.iter().map(String::as_str)),
            pats,
            zones: ZoneMatcher::new(gaz),
        })
    }

    /// The pattern behind a token.
    pub fn pat(&self, t: &Token) -> &Pat {
        static NONE: Pat = Pat::Blocked;
        self.pats.get(t.pat).unwrap_or(&NONE)
    }

    /// Leftmost-longest matches over `text`, with short forms that name a street, school or brand
    /// and blocked phrases removed.
    pub fn tokens(&self, text: &str) -> Vec<Token> {
        let mut out = Vec::new();
        for (pat, r) in self.ac.find_iter(text) {
            let t = Token {
                start: r.start,
                end: r.end,
                pat,
            };
            match self.pat(&t) {
                Pat::Blocked => continue,
                Pat::Name(c) if c.iter().all(|&(_, full)| !full) => {
                    let rest = text.get(t.end..).unwrap_or("");
                    if FOLLOW_BLOCK.iter().any(|f| rest.starts_with(f)) || names_school(rest) {
                        continue;
                    }
                }
                _ => {}
            }
            out.push(t);
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn surfaces(text: &str) -> Vec<String> {
        let m = Matcher::new(Gazetteer::bundled()).unwrap();
        m.tokens(text)
            .iter()
            .map(|t| text[t.start..t.end].to_string())
            .collect()
    }

    #[test]
    fn longest_match_and_suffixes() {
        assert_eq!(surfaces("天津滨海高新区"), ["天津", "滨海", "高新区"]);
        assert_eq!(surfaces("成都国家高新区"), ["成都", "国家高新区"]);
        assert_eq!(surfaces("上海浦东新区"), ["上海", "浦东新区"]);
        assert_eq!(surfaces("广东营商环境"), ["广东"]);
    }

    #[test]
    fn streets_brands_and_blocked_phrases() {
        assert!(surfaces("中山路上").is_empty());
        assert!(surfaces("阿里巴巴集团").is_empty());
        assert!(surfaces("毕业于北京航空航天大学").is_empty());
        assert!(surfaces("哈尔滨工业大学").is_empty());
        assert!(surfaces("社会长治久安").is_empty());
        assert_eq!(surfaces("中山市"), ["中山市"]);
    }
}
