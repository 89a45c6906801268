//! From what a person types to one region or metric: full names, ids, aliases (nicknames too),
//! pinyin (`chengdu`) and initials (`cd`). An exact key beats a fuzzy match; a name that fits
//! several things equally, or nothing, is an error that lists the closest candidates.

use std::sync::OnceLock;

use fuzzy_matcher::skim::SkimMatcherV2;

use super::search::{self, RegionKeys};
use crate::dataset::{Metric, Region};

/// How many candidates an error lists.
const LISTED: usize = 5;

/// A question the dataset cannot answer as asked.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum QueryError {
    /// Nothing is called that.
    #[error("no {what} matches \"{query}\"{}", closest_list(.closest))]
    Unknown {
        /// `region` or `metric`.
        what: &'static str,
        /// What was asked for.
        query: String,
        /// The nearest names, nearest first.
        closest: Vec<String>,
    },
    /// Several things are called that, equally well.
    #[error("\"{query}\" could be several {what}s: {}; use a fuller name", .candidates.join(", "))]
    Ambiguous {
        /// `region` or `metric`.
        what: &'static str,
        /// What was asked for.
        query: String,
        /// The candidates, best first.
        candidates: Vec<String>,
    },
    /// A comparison needs between 2 and 6 regions.
    #[error("compare takes 2 to 6 regions, got {0}")]
    RegionCount(usize),
}

fn closest_list(names: &[String]) -> String {
    if names.is_empty() {
        String::new()
    } else {
        format!("; closest: {}", names.join(", "))
    }
}

/// How well a key names its owner; lower wins.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Tier {
    Name,
    Alias,
    Pinyin,
    Initials,
}

/// A set of named things (regions or metrics) that queries resolve against.
///
/// Only the keys themselves are kept up front. Their readings (pinyin, initials) are spelled
/// out when a query could match them, and the fuzzy keys and the keys compared for typos are
/// built the first time a filter or a failed lookup needs them: a command that names one
/// region must not pay for spelling out every region's name.
#[derive(Debug, Clone)]
pub struct Names {
    what: &'static str,
    shown: Vec<String>,
    /// Each thing's keys, normalized and non-empty, with how well they name it.
    keys: Vec<Vec<(String, Tier)>>,
    /// The name and aliases each thing's fuzzy keys are made from.
    sources: Vec<(String, Vec<String>)>,
    fuzzy: OnceLock<Vec<RegionKeys>>,
    /// Keys compared by edit distance when nothing matches, as chars.
    near: OnceLock<Vec<Vec<Vec<char>>>>,
}

/// Lowercase, without spaces and apostrophes: `Cheng Du` and `cheng'du` are `chengdu`.
fn normalize(s: &str) -> String {
    s.chars()
        .filter(|c| !c.is_whitespace() && *c != '\'' && *c != '’')
        .flat_map(char::to_lowercase)
        .collect()
}

/// The name without its administrative suffix: `成都市` → `成都`, `四川省` → `四川`.
fn stem(name: &str) -> Option<&str> {
    const SUFFIXES: &[&str] = &[
        "维吾尔自治区",
        "壮族自治区",
        "回族自治区",
        "自治区",
        "自治州",
        "省",
        "市",
        "区",
        "县",
    ];
    SUFFIXES
        .iter()
        .find_map(|s| name.strip_suffix(s))
        .filter(|s| s.chars().count() >= 2)
}

/// Whether some reading of `key` (see [`search::pinyin`]) may start with `first`: the first
/// char of every reading comes from the key's first char.
fn may_read_as(key: &str, first: char) -> bool {
    use pinyin::ToPinyinMulti;
    let Some(c) = key.chars().next() else {
        return false;
    };
    let mut readings = c
        .to_pinyin_multi()
        .map(|m| m.into_iter().collect::<Vec<_>>())
        .unwrap_or_default();
    if readings.is_empty() {
        return c.to_lowercase().next() == Some(first);
    }
    readings
        .drain(..)
        .any(|p| p.plain().starts_with(first) || p.first_letter().starts_with(first))
}

impl Names {
    /// The names of regions: name and id; aliases, nicknames and the name without its suffix;
    /// pinyin and initials of all of these.
    pub fn regions(regions: &[Region]) -> Names {
        let mut n = Names::empty("region");
        for (i, r) in regions.iter().enumerate() {
            n.shown.push(r.name.clone());
            n.sources.push((r.name.clone(), r.aliases.clone()));
            n.add(i, &r.name, Tier::Name);
            n.add(i, &r.id, Tier::Name);
            for a in r.aliases.iter().map(String::as_str).chain(stem(&r.name)) {
                n.add(i, a, Tier::Alias);
            }
        }
        n
    }

    /// The names of metrics: id, Chinese and English names, pinyin and initials of the Chinese.
    pub fn metrics(metrics: &[Metric]) -> Names {
        let mut n = Names::empty("metric");
        for (i, m) in metrics.iter().enumerate() {
            n.shown.push(format!("{} ({})", m.zh, m.id));
            n.sources.push((
                m.zh.clone(),
                vec![m.en.to_lowercase(), m.id.clone(), m.id.replace('_', " ")],
            ));
            n.add(i, &m.zh, Tier::Name);
            n.add(i, &m.id, Tier::Name);
            n.add(i, &m.en, Tier::Name);
        }
        n
    }

    fn empty(what: &'static str) -> Names {
        Names {
            what,
            shown: Vec::new(),
            keys: Vec::new(),
            sources: Vec::new(),
            fuzzy: OnceLock::new(),
            near: OnceLock::new(),
        }
    }

    /// Adds `key` (and so its pinyin and initials) as a name of thing `i`.
    fn add(&mut self, i: usize, key: &str, tier: Tier) {
        let key = normalize(key);
        if key.is_empty() {
            return;
        }
        if self.keys.len() <= i {
            self.keys.resize(i + 1, Vec::new());
        }
        self.keys[i].push((key, tier));
    }

    /// How well each thing is named by `q` (normalized), where some key or reading is `q`
    /// exactly: the key's tier, a reading's at best [`Tier::Pinyin`], initials
    /// [`Tier::Initials`]. The best tier per thing.
    fn exact(&self, q: &str) -> Vec<(Tier, usize)> {
        let Some(first) = q.chars().next() else {
            return Vec::new();
        };
        let mut hits = Vec::new();
        for (i, keys) in self.keys.iter().enumerate() {
            let mut best: Option<Tier> = None;
            let mut hit = |t: Tier| best = Some(best.map_or(t, |b| b.min(t)));
            for (key, tier) in keys {
                if key == q {
                    hit(*tier);
                }
                if !may_read_as(key, first) {
                    continue;
                }
                for (full, initials) in search::pinyin(key) {
                    if full != *key {
                        if full == q {
                            hit((*tier).max(Tier::Pinyin));
                        }
                        if initials == q {
                            hit(Tier::Initials);
                        }
                    }
                }
            }
            if let Some(t) = best {
                hits.push((t, i));
            }
        }
        hits
    }

    /// Every thing's fuzzy keys, built on first use.
    fn fuzzy(&self) -> &[RegionKeys] {
        self.fuzzy.get_or_init(|| {
            self.sources
                .iter()
                .map(|(name, aliases)| RegionKeys::new(name, aliases))
                .collect()
        })
    }

    /// Every thing's keys for typos: each key's full readings, then the key, as chars;
    /// built on first use.
    fn near(&self) -> &[Vec<Vec<char>>] {
        self.near.get_or_init(|| {
            self.keys
                .iter()
                .map(|keys| {
                    let mut near = Vec::new();
                    for (key, _) in keys {
                        near.extend(
                            search::pinyin(key)
                                .into_iter()
                                .map(|r| r.0)
                                .filter(|f| f != key),
                        );
                        near.push(key.clone());
                    }
                    near.into_iter().map(|k| k.chars().collect()).collect()
                })
                .collect()
        })
    }

    /// The fuzzy keys of thing `i`, for filters that list every match.
    pub fn keys(&self, i: usize) -> Option<&RegionKeys> {
        self.fuzzy().get(i)
    }

    /// How thing `i` is shown in messages.
    pub fn shown(&self, i: usize) -> &str {
        self.shown.get(i).map_or("", String::as_str)
    }

    /// The one thing `query` names.
    pub fn resolve(&self, query: &str) -> Result<usize, QueryError> {
        let q = normalize(query);
        let hits = self.exact(&q);
        if let Some(best) = hits.iter().map(|h| h.0).min() {
            let mut ids: Vec<usize> = hits.iter().filter(|h| h.0 == best).map(|h| h.1).collect();
            ids.sort_unstable();
            ids.dedup();
            if let [one] = ids[..] {
                return Ok(one);
            }
            return Err(self.ambiguous(query, &ids));
        }
        let matcher = SkimMatcherV2::default();
        let mut scored: Vec<(i64, usize)> = if q.is_empty() {
            Vec::new()
        } else {
            self.fuzzy()
                .iter()
                .enumerate()
                .filter_map(|(i, k)| Some((k.best(&matcher, &q)?.score, i)))
                .collect()
        };
        scored.sort_by_key(|&(s, i)| (std::cmp::Reverse(s), i));
        match scored[..] {
            [(_, one)] => Ok(one),
            [] => Err(QueryError::Unknown {
                what: self.what,
                query: query.to_string(),
                closest: self.nearest(&q),
            }),
            _ => {
                let ids: Vec<usize> = scored.iter().map(|s| s.1).collect();
                Err(self.ambiguous(query, &ids))
            }
        }
    }

    /// What `query` names with a typo in it, closest first: things with a key within a small
    /// edit distance of it (one edit from five letters on, two from eight; one for two or
    /// more Chinese characters, or a homophone: `杭洲` reads `hangzhou`). Swapping two
    /// neighbouring letters is one edit: `chegndu` finds 成都市.
    pub fn near_misses(&self, query: &str) -> Vec<usize> {
        let q = normalize(query);
        let n = q.chars().count();
        let mut tries: Vec<(String, usize)> = Vec::new();
        if q.is_ascii() {
            tries.push((q.clone(), n.saturating_sub(2) / 3));
        } else {
            tries.push((q.clone(), usize::from(n >= 2)));
            tries.extend(search::pinyin(&q).into_iter().map(|(full, _)| (full, 0)));
        }
        tries.retain(|(t, _)| !t.is_empty());
        let tries: Vec<(Vec<char>, usize)> = tries
            .into_iter()
            .map(|(t, max)| (t.chars().collect(), max))
            .collect();
        let mut within = Within::default();
        let mut found: Vec<(usize, usize)> = Vec::new();
        for (i, keys) in self.near().iter().enumerate() {
            let mut best: Option<usize> = None;
            for k in keys {
                for (t, max) in &tries {
                    // An edit changes the length by one at most.
                    if t.len().abs_diff(k.len()) > *max {
                        continue;
                    }
                    if let Some(d) = within.distance(t, k, *max) {
                        best = Some(best.map_or(d, |b| b.min(d)));
                    }
                }
            }
            if let Some(d) = best {
                found.push((d, i));
            }
        }
        found.sort_unstable();
        found.into_iter().map(|(_, i)| i).collect()
    }

    fn ambiguous(&self, query: &str, ids: &[usize]) -> QueryError {
        QueryError::Ambiguous {
            what: self.what,
            query: query.to_string(),
            candidates: ids
                .iter()
                .take(LISTED)
                .map(|&i| self.shown(i).to_string())
                .collect(),
        }
    }

    /// The names nearest to `q` by edit distance over any of their keys.
    fn nearest(&self, q: &str) -> Vec<String> {
        let q: Vec<char> = q.chars().collect();
        let mut within = Within::default();
        let mut d: Vec<(usize, usize)> = self
            .near()
            .iter()
            .enumerate()
            .filter_map(|(i, keys)| {
                let d = keys
                    .iter()
                    .filter_map(|k| within.distance(&q, k, usize::MAX))
                    .min()?;
                Some((d, i))
            })
            .collect();
        d.sort_unstable();
        d.iter()
            .take(3)
            .map(|&(_, i)| self.shown(i).to_string())
            .collect()
    }
}

/// Edit distance over characters (a swap of two neighbours counting as one edit) when it is at
/// most a bound, for comparing one query with many keys: the buffers are reused, and the
/// comparison stops once a whole row of the table is over the
/// bound (a row's least entry never falls in the next row, not even by a swap).
#[derive(Debug, Default)]
struct Within {
    rows: [Vec<usize>; 3],
}

impl Within {
    /// The distance between `a` and `b` if it is at most `max`.
    fn distance(&mut self, a: &[char], b: &[char], max: usize) -> Option<usize> {
        if a.len().abs_diff(b.len()) > max {
            return None;
        }
        if max == 0 {
            return (a == b).then_some(0);
        }
        let [before, prev, cur] = &mut self.rows;
        prev.clear();
        prev.extend(0..=b.len());
        before.clear();
        for (i, ca) in a.iter().enumerate() {
            cur.clear();
            cur.resize(b.len() + 1, i + 1);
            let mut least = cur[0];
            for (j, cb) in b.iter().enumerate() {
                let sub = prev[j] + usize::from(ca != cb);
                let mut d = sub.min(prev[j + 1] + 1).min(cur[j] + 1);
                if i > 0 && j > 0 && *ca == b[j - 1] && a[i - 1] == *cb {
                    d = d.min(before[j - 1] + 1);
                }
                cur[j + 1] = d;
                least = least.min(d);
            }
            if least > max {
                return None;
            }
            std::mem::swap(before, prev);
            std::mem::swap(prev, cur);
        }
        prev.last().copied().filter(|&d| d <= max)
    }
}

/// Edit distance over characters, a swap of two neighbours counting as one edit (optimal
/// string alignment).
#[cfg(test)]
fn distance(a: &str, b: &str) -> usize {
    let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
    Within::default()
        .distance(&a, &b, usize::MAX)
        .unwrap_or(usize::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dataset::RegionKind;

    fn region(id: &str, name: &str, aliases: &[&str]) -> Region {
        Region {
            id: id.into(),
            name: name.into(),
            kind: RegionKind::City,
            parent: None,
            aliases: aliases.iter().map(|s| s.to_string()).collect(),
            lon: None,
            lat: None,
        }
    }

    fn names() -> Names {
        Names::regions(&[
            region("510100", "成都市", &["成都", "蓉"]),
            region("430700", "常德市", &[]),
            region("park:510100:成都高新区", "成都高新区", &[]),
            region("120116", "滨海新区", &["滨海"]),
            region("park:120116:天津滨海高新区", "天津滨海高新区", &[]),
        ])
    }

    #[test]
    fn exact_keys_of_every_kind_resolve() {
        let n = names();
        for q in [
            "成都市",
            "成都",
            "510100",
            "chengdu",
            "Cheng Du",
            "chengdushi",
            "蓉",
        ] {
            assert_eq!(n.resolve(q), Ok(0), "{q}");
        }
        assert_eq!(n.resolve("cdgxq"), Ok(2));
        assert_eq!(n.resolve("滨海"), Ok(3), "an alias beats the fuzzy match");
        assert_eq!(n.resolve("天津滨海"), Ok(4), "one fuzzy match");
    }

    #[test]
    fn equal_initials_are_ambiguous() {
        let err = names().resolve("cd").unwrap_err();
        let QueryError::Ambiguous { candidates, .. } = &err else {
            panic!("{err:?}");
        };
        assert_eq!(candidates, &["成都市", "常德市"]);
        assert!(err.to_string().contains("成都市, 常德市"), "{err}");
    }

    #[test]
    fn several_fuzzy_matches_are_ambiguous_and_unknowns_list_the_nearest() {
        assert!(matches!(
            names().resolve("高新"),
            Err(QueryError::Ambiguous { .. })
        ));
        let err = names().resolve("chengdz").unwrap_err();
        let QueryError::Unknown { closest, .. } = &err else {
            panic!("{err:?}");
        };
        assert_eq!(closest.first().map(String::as_str), Some("成都市"));
        assert!(err.to_string().contains("closest: 成都市"), "{err}");
        assert!(matches!(
            names().resolve(""),
            Err(QueryError::Unknown { .. })
        ));
    }

    #[test]
    fn typos_and_homophones_are_near_misses() {
        let mut regions = vec![
            region("510100", "成都市", &["成都", "蓉"]),
            region("330100", "杭州市", &["杭州"]),
            region("130800", "承德市", &[]),
        ];
        regions[1].kind = RegionKind::City;
        let n = Names::regions(&regions);
        assert_eq!(n.near_misses("chegndu").first(), Some(&0));
        assert_eq!(n.near_misses("杭洲"), [1]);
        assert_eq!(n.near_misses("hangzou"), [1]);
        assert!(
            n.near_misses("cd").is_empty(),
            "short queries are not guessed at"
        );
        assert!(n.near_misses("xyzxyzxyz").is_empty());
    }

    #[test]
    fn metrics_resolve_by_id_and_names() {
        let m = Metric {
            id: "high_tech_enterprises".into(),
            zh: "高新技术企业".into(),
            en: "High-tech enterprises".into(),
            dimension: crate::dataset::Dimension::Count,
        };
        let n = Names::metrics(&[m]);
        for q in [
            "高新技术企业",
            "high_tech_enterprises",
            "high-tech enterprises",
            "gxjsqy",
        ] {
            assert_eq!(n.resolve(q), Ok(0), "{q}");
        }
        assert_eq!(n.resolve("高企"), Ok(0));
        assert_eq!(distance("abc", "abd"), 1);
        assert_eq!(distance("chegndu", "chengdu"), 1, "a swap is one edit");
        assert_eq!(distance("", "ab"), 2);
    }
}
