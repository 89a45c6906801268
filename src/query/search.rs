//! Fuzzy search over names, aliases (nicknames among them), full pinyin and pinyin initials: regions in
//! the app's filter and in name resolution, metrics in the metric picker.
//!
//! Keys are built once per name; a match reports which characters of the displayed name to
//! highlight, whichever key it came from.

use fuzzy_matcher::FuzzyMatcher;
use fuzzy_matcher::skim::SkimMatcherV2;
use pinyin::{ToPinyin, ToPinyinMulti};

/// Most readings [`pinyin`] spells out for one string.
const MAX_READINGS: usize = 16;

/// Full pinyin and pinyin initials of `s`, lowercase, without tones or spaces, for every
/// reading of its polyphonic characters (成都 is `chengdu`, though 都 alone is most often
/// `dou`), the most common reading first, at most [`MAX_READINGS`]. Characters without a
/// reading are kept as they are: `成都市` → (`chengdoushi`, `cds`), (`chengdushi`, `cds`).
pub fn pinyin(s: &str) -> Vec<(String, String)> {
    // Each char's readings (its own lowercase when it has none), then the first
    // MAX_READINGS combinations in order, the last char's reading varying fastest.
    let chars: Vec<Vec<(String, String)>> = s
        .chars()
        .map(|c| {
            let readings: Vec<(String, String)> = match c.to_pinyin_multi() {
                Some(m) => m
                    .into_iter()
                    .map(|p| (p.plain().to_string(), p.first_letter().to_string()))
                    .collect(),
                None => Vec::new(),
            };
            if readings.is_empty() {
                let lower: String = c.to_lowercase().collect();
                vec![(lower.clone(), lower)]
            } else {
                readings
            }
        })
        .collect();
    let mut out: Vec<(String, String)> = Vec::new();
    let mut pick = vec![0usize; chars.len()];
    for _ in 0..MAX_READINGS {
        let mut full = String::with_capacity(s.len() * 2);
        let mut initials = String::with_capacity(s.len());
        for (readings, &k) in chars.iter().zip(&pick) {
            full.push_str(&readings[k].0);
            initials.push_str(&readings[k].1);
        }
        if !out.contains(&(full.clone(), initials.clone())) {
            out.push((full, initials));
        }
        // The next combination, or the end.
        let mut at = chars.len();
        loop {
            if at == 0 {
                return out;
            }
            at -= 1;
            pick[at] += 1;
            if pick[at] < chars[at].len() {
                break;
            }
            pick[at] = 0;
        }
    }
    out
}

/// Whether the chars of `pattern` appear in `text` in order, ASCII letters in either case:
/// the test the fuzzy matcher starts with (`cheap_matches`) for a pattern without capitals,
/// which every pattern made by [`pattern_key`] is.
fn subsequence(pattern: &str, text: &str) -> bool {
    let mut text = text.chars();
    pattern
        .chars()
        .all(|p| text.any(|c| c.eq_ignore_ascii_case(&p)))
}

/// What a typed pattern is matched as: trimmed and lowercase.
pub fn pattern_key(pattern: &str) -> String {
    pattern.trim().to_lowercase()
}

/// One string a region can be found by.
#[derive(Debug, Clone)]
struct Key {
    text: String,
    /// For each char of `text`, the char of the region's name it stands for.
    to_name: Vec<Option<usize>>,
    /// Shown next to the name when the key is not part of it (an alias such as 蓉城).
    shown: Option<String>,
}

/// Every key of one name (a region's, a metric's), built once.
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
    /// Builds the keys of a name and its aliases.
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
        for alias in aliases.iter().cloned() {
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
        self.best_of(matcher, &pattern_key(pattern))
    }

    /// [`RegionKeys::best`] for a pattern already made a key with [`pattern_key`], so that
    /// matching it against many names does not remake it for each.
    pub fn best_of(&self, matcher: &SkimMatcherV2, pattern: &str) -> Option<Hit> {
        if pattern.is_empty() {
            return Some(Hit {
                score: 0,
                name_chars: Vec::new(),
                alias: None,
            });
        }
        let mut best: Option<Hit> = None;
        for key in &self.keys {
            // The matcher's own first test, without its set-up: most keys fail it.
            if !subsequence(pattern, &key.text) {
                continue;
            }
            let Some((score, idx)) = matcher.fuzzy_indices(&key.text, pattern) else {
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
        let rong = hit("成都市", &["蓉"], "蓉").map(|h| h.alias);
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
    fn pinyin_of_a_name() {
        let cd = pinyin("成都市");
        assert!(
            cd.contains(&("chengdushi".to_string(), "cds".to_string())),
            "{cd:?}"
        );
        assert_eq!(pinyin("R&D"), [("r&d".to_string(), "r&d".to_string())]);
        assert!(pinyin(&"行".repeat(10)).len() <= MAX_READINGS);
    }

    #[test]
    fn empty_pattern_matches_everything() {
        assert!(hit("金牛区", &[], "  ").is_some());
    }
}
