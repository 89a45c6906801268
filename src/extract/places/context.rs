//! What an article has already said about places, used to pick among divisions that share a
//! name and to place parks whose names carry no division.

use std::collections::{BTreeSet, HashSet};

use crate::dataset::RegionKind;
use crate::extract::gazetteer::{Gazetteer, is_municipality};

/// Divisions an article mentions unambiguously, with their ancestors, and where.
#[derive(Debug)]
pub(crate) struct Context<'g> {
    pub gaz: &'g Gazetteer,
    /// Mentioned codes and all their ancestors.
    mentioned: HashSet<u32>,
    /// (byte position, code) of mentions.
    anchors: BTreeSet<(usize, u32)>,
    /// Provinces of the mentions.
    provinces: HashSet<u32>,
}

/// 0 for provinces, 1 for prefectures and municipalities, 2 below.
pub(crate) fn depth(gaz: &Gazetteer, code: u32) -> u8 {
    match gaz.get(code).map(|d| d.kind) {
        Some(RegionKind::Province) if is_municipality(code) => 1,
        Some(RegionKind::Province) | None => 0,
        Some(RegionKind::City) => 1,
        Some(_) => 2,
    }
}

impl<'g> Context<'g> {
    pub fn new(gaz: &'g Gazetteer) -> Self {
        Context {
            gaz,
            mentioned: HashSet::new(),
            anchors: BTreeSet::new(),
            provinces: HashSet::new(),
        }
    }

    /// Records a mention of `code` at byte `pos`.
    pub fn add(&mut self, pos: usize, code: u32) {
        self.anchors.insert((pos, code));
        // A code already known came with its ancestors, and its province is theirs (provinces
        // have no parent): nothing more to record.
        if !self.mentioned.insert(code) {
            return;
        }
        self.mentioned.extend(self.gaz.ancestors(code));
        self.provinces.extend(self.gaz.province_of(code));
    }

    /// Whether the article names one of `code`'s enclosing divisions (or `left`, the division
    /// written right before it, encloses it).
    /// A province mentioned somewhere in the article is too weak a hint for a county: it has to
    /// be right before it (`四川剑阁`), or the county's city has to be mentioned.
    pub fn supports(&self, code: u32, left: Option<u32>) -> bool {
        let anc = self.gaz.ancestors(code);
        left.is_some_and(|l| anc.contains(&l))
            || anc
                .iter()
                .any(|&a| depth(self.gaz, a) >= 1 && self.mentioned.contains(&a))
    }

    /// Picks one of `cands` (code, pattern is its full name): the one `left` encloses, else the
    /// one the article's other mentions point to, else a province or prefecture that stands out
    /// on its own; `None` when still ambiguous.
    pub fn choose(&self, cands: &[(u32, bool)], left: Option<u32>) -> Option<u32> {
        if let [(c, _)] = cands {
            return Some(*c);
        }
        if let Some(l) = left {
            let inside: Vec<u32> = cands
                .iter()
                .map(|c| c.0)
                .filter(|&c| self.gaz.is_ancestor(l, c))
                .collect();
            if let Some(c) = self.outermost(&inside) {
                return Some(c);
            }
        }
        let score = |c: u32| -> u8 {
            if self.mentioned.contains(&c) {
                return 4;
            }
            let county = depth(self.gaz, c) == 2;
            self.gaz
                .ancestors(c)
                .iter()
                .find(|a| self.mentioned.contains(a))
                .filter(|&&a| !county || depth(self.gaz, a) >= 1)
                .map_or(0, |&a| 1 + depth(self.gaz, a))
        };
        let scores: Vec<u8> = cands.iter().map(|c| score(c.0)).collect();
        let best = scores.iter().copied().max().unwrap_or(0);
        if best > 0 {
            let top: Vec<u32> = cands
                .iter()
                .zip(&scores)
                .filter(|(_, s)| **s == best)
                .map(|(c, _)| c.0)
                .collect();
            if let Some(c) = self.outermost(&top) {
                return Some(c);
            }
        }
        let kind = |c: u32| self.gaz.get(c).map(|d| d.kind);
        // A page about one province never reaches into another for a name it does not support.
        let home = self.home_province();
        let at_home = |c: u32| home.is_none_or(|h| self.gaz.province_of(c) == Some(h));
        let only = |f: &dyn Fn(&(u32, bool)) -> bool| -> Option<u32> {
            let v: Vec<u32> = cands.iter().filter(|c| f(c)).map(|c| c.0).collect();
            if let [c] = v[..] {
                Some(c).filter(|&c| at_home(c))
            } else {
                None
            }
        };
        // A full name wins over short forms of other divisions (`吉林市` never means the province).
        if let Some(c) = only(&|c| c.1 && depth(self.gaz, c.0) <= 1) {
            return Some(c);
        }
        if let Some(c) = only(&|c| kind(c.0) == Some(RegionKind::Province)) {
            return Some(c);
        }
        // A prefecture beats county-level namesakes, unless one of them is a district of a
        // municipality (北京朝阳区 is as prominent as 朝阳市).
        let municipal = cands.iter().any(|c| {
            depth(self.gaz, c.0) == 2 && self.gaz.province_of(c.0).is_some_and(is_municipality)
        });
        if !municipal {
            return only(&|c| kind(c.0) == Some(RegionKind::City));
        }
        None
    }

    /// Whether `code` lies in another province than the place the text around `pos` is about.
    pub fn foreign(&self, code: u32, pos: usize) -> bool {
        let here = self.nearest(pos).and_then(|n| self.gaz.province_of(n));
        here.is_some() && here != self.gaz.province_of(code)
    }

    /// The province every place mentioned so far lies in, if there is exactly one.
    fn home_province(&self) -> Option<u32> {
        match self.provinces.len() {
            1 => self.provinces.iter().next().copied(),
            _ => None,
        }
    }

    /// The one code that encloses all the others (`朝阳市` for 朝阳市 and 朝阳县), or the only one.
    fn outermost(&self, codes: &[u32]) -> Option<u32> {
        codes
            .iter()
            .copied()
            .find(|&c| codes.iter().all(|&o| o == c || self.gaz.is_ancestor(c, o)))
    }

    /// The division the text around `pos` is about: the closest mention at city level or below
    /// (later ones count at double distance: text usually names the place first), else the
    /// closest province.
    pub fn nearest(&self, pos: usize) -> Option<u32> {
        let closest = |fine: bool| {
            let ok = |c: &u32| !fine || depth(self.gaz, *c) >= 1;
            let before = self.anchors.range(..(pos, 0)).rev().find(|(_, c)| ok(c));
            let after = self.anchors.range((pos, 0)..).find(|(_, c)| ok(c));
            match (before, after) {
                (Some(b), Some(a)) if 2 * (a.0 - pos) < pos - b.0 => Some(a.1),
                (Some(b), _) => Some(b.1),
                (None, a) => a.map(|a| a.1),
            }
        };
        closest(true).or_else(|| closest(false))
    }
}
