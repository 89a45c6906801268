//! Fuzzy region search over names, aliases, nicknames, full pinyin and pinyin initials.
//!
//! Keys are built once per region; a match reports which characters of the displayed name to
//! highlight, whichever key it came from.

use fuzzy_matcher::FuzzyMatcher;
use fuzzy_matcher::skim::SkimMatcherV2;
use pinyin::ToPinyin;

/// Well-known one-character nicknames of cities, used when the dataset's aliases lack them.
const NICKNAMES: &[(&str, &str)] = &[
    ("京", "北京市"),
    ("沪", "上海市"),
    ("申", "上海市"),
    ("津", "天津市"),
    ("渝", "重庆市"),
    ("蓉", "成都市"),
    ("穗", "广州市"),
    ("鹏城", "深圳市"),
    ("甬", "宁波市"),
    ("榕", "福州市"),
    ("汉", "武汉市"),
    ("宁", "南京市"),
    ("杭", "杭州市"),
    ("锡", "无锡市"),
    ("鹭", "厦门市"),
    ("邕", "南宁市"),
    ("筑", "贵阳市"),
    ("昆", "昆明市"),
    ("并", "太原市"),
    ("榆", "榆林市"),
];

/// One string a region can be found by.
#[derive(Debug, Clone)]
struct Key {
    text: String,
    /// For each char of `text`, the char of the region's name it stands for.
    to_name: Vec<Option<usize>>,
    /// Shown next to the name when the key is not part of it (an alias such as 蓉城).
    shown: Option<String>,
}

/// Every key of one region, built once.
#[derive(Debug, Clone, Default)]
pub struct RegionKeys {
    keys: Vec<Key>,
}

/// A successful match.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hit {
    /// Higher is better.
    pub score: i64,
    /// Char indices of the region name to highlight.
    pub name_chars: Vec<usize>,
    /// An alias to show after the name, with its matched char indices.
    pub alias: Option<(String, Vec<usize>)>,
}

impl RegionKeys {
    /// Builds the keys of a region from its name and aliases.
    pub fn new(name: &str, aliases: &[String]) -> RegionKeys {
        let mut keys = vec![Key {
            text: name.to_lowercase(),
            to_name: (0..name.chars().count()).map(Some).collect(),
            shown: None,
        }];
        let mut full = String::new();
        let mut full_map = Vec::new();
        let mut initials = String::new();
        let mut initials_map = Vec::new();
        for (i, c) in name.chars().enumerate() {
            match c.to_pinyin() {
                Some(p) => {
                    for l in p.plain().chars() {
                        full.push(l);
                        full_map.push(Some(i));
                    }
                    for l in p.first_letter().chars() {
                        initials.push(l);
                        initials_map.push(Some(i));
                    }
                }
                None => {
                    for l in c.to_lowercase() {
                        full.push(l);
                        full_map.push(Some(i));
                        initials.push(l);
                        initials_map.push(Some(i));
                    }
                }
            }
        }
        keys.push(Key {
            text: full,
            to_name: full_map,
            shown: None,
        });
        keys.push(Key {
            text: initials,
            to_name: initials_map,
            shown: None,
        });
        let nicknames = NICKNAMES
            .iter()
            .filter(|(_, full)| *full == name)
            .map(|(n, _)| n.to_string());
        for alias in aliases.iter().cloned().chain(nicknames) {
            if alias.is_empty() || alias == name {
                continue;
            }
            let len = alias.chars().count();
            let key = match name.find(&alias) {
                Some(byte) => {
                    let start = name[..byte].chars().count();
                    Key {
                        text: alias.to_lowercase(),
                        to_name: (start..start + len).map(Some).collect(),
                        shown: None,
                    }
                }
                None => Key {
                    text: alias.to_lowercase(),
                    to_name: vec![None; len],
                    shown: Some(alias),
                },
            };
            keys.push(key);
        }
        RegionKeys { keys }
    }

    /// The best match of `pattern` over all keys, or `None`.
    pub fn best(&self, matcher: &SkimMatcherV2, pattern: &str) -> Option<Hit> {
        let pattern = pattern.trim().to_lowercase();
        if pattern.is_empty() {
            return Some(Hit {
                score: 0,
                name_chars: Vec::new(),
                alias: None,
            });
        }
        let mut best: Option<Hit> = None;
        for key in &self.keys {
            let Some((score, idx)) = matcher.fuzzy_indices(&key.text, &pattern) else {
                continue;
            };
            if best.as_ref().is_some_and(|b| b.score >= score) {
                continue;
            }
            let mut name_chars: Vec<usize> = idx
                .iter()
                .filter_map(|&i| key.to_name.get(i).copied().flatten())
                .collect();
            name_chars.dedup();
            let alias = key.shown.as_ref().map(|a| (a.clone(), idx.clone()));
            best = Some(Hit {
                score,
                name_chars,
                alias,
            });
        }
        best
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn hit(name: &str, aliases: &[&str], pattern: &str) -> Option<Hit> {
        let aliases: Vec<String> = aliases.iter().map(|s| s.to_string()).collect();
        RegionKeys::new(name, &aliases).best(&SkimMatcherV2::default(), pattern)
    }

    #[test]
    fn pinyin_initials_names_and_nicknames_match() {
        assert_eq!(
            hit("成都市", &[], "chengdu").map(|h| h.name_chars),
            Some(vec![0, 1])
        );
        assert_eq!(
            hit("成都市", &[], "cd").map(|h| h.name_chars),
            Some(vec![0, 1])
        );
        assert_eq!(
            hit("成都市", &[], "成都").map(|h| h.name_chars),
            Some(vec![0, 1])
        );
        let rong = hit("成都市", &[], "蓉").map(|h| h.alias);
        assert_eq!(rong, Some(Some(("蓉".to_string(), vec![0]))));
        assert!(hit("天津滨海高新区", &["滨海高新区"], "tjbh").is_some());
        assert!(hit("金牛区", &[], "chengdu").is_none());
    }

    #[test]
    fn aliases_inside_the_name_highlight_the_name() {
        let h = hit("天津滨海高新区", &["滨海高新区"], "滨海高新").map(|h| h.name_chars);
        assert_eq!(h, Some(vec![2, 3, 4, 5]));
    }

    #[test]
    fn empty_pattern_matches_everything() {
        assert!(hit("金牛区", &[], "  ").is_some());
    }
}
