//! Parks from the zones list: listed names and nicknames found in text (`光谷`, `中新天津生态城`),
//! pattern-found parks linked to the zone they name, and sub-areas (`江北新区直管区`, `核心区`)
//! placed under the park they belong to.

use std::ops::Range;
use std::sync::LazyLock;

use super::matcher::FOLLOW_BLOCK;
use super::parks::{ParkHit, is_cjk};
use crate::extract::gazetteer::Gazetteer;
use crate::extract::gazetteer::zones::{Zone, ZoneKind, Zones};
use crate::extract::lexicon::Longest;

/// Words for a part of a zone: right after a park (`江北新区直管区`) or standing for a part of the
/// park the passage is about (`核心园区累计新增企业`).
const SUBAREAS: &[&str] = &["直管区", "核心园区", "核心区", "起步区"];

/// A listed zone name found in text.
#[derive(Debug, Clone)]
pub(crate) struct ZoneHit {
    pub range: Range<usize>,
    pub zone: &'static Zone,
}

/// An automaton over the zones' names that text can carry.
#[derive(Debug)]
pub(crate) struct ZoneMatcher {
    ac: Longest,
    zones: Vec<&'static Zone>,
}

/// Whether `name` is nothing but division names (`天津滨海新区` = `天津` + `滨海新区`): such a
/// name stays a division mention.
fn only_divisions(gaz: &Gazetteer, name: &str) -> bool {
    let mut rest = name;
    while !rest.is_empty() {
        let longest = rest
            .char_indices()
            .map(|(b, c)| b + c.len_utf8())
            .filter(|&end| rest.get(..end).is_some_and(|p| !gaz.by_name(p).is_empty()))
            .max();
        match longest {
            Some(n) => rest = rest.get(n..).unwrap_or(""),
            None => return false,
        }
    }
    true
}

impl ZoneMatcher {
    /// The bundled zones that lie in `gaz`'s divisions, less names made only of division names.
    pub fn new(gaz: &Gazetteer) -> ZoneMatcher {
        let mut strings = Vec::new();
        let mut zones = Vec::new();
        for (name, zone) in Zones::bundled().names() {
            if gaz.get(zone.code).is_some() && !only_divisions(gaz, name) {
                strings.push(name);
                zones.push(zone);
            }
        }
        ZoneMatcher {
            ac: Longest::new(strings),
            zones,
        }
    }

    /// Listed names in `text`, leftmost-longest.
    pub fn hits(&self, text: &str) -> Vec<ZoneHit> {
        self.ac
            .find_iter(text)
            .filter_map(|(k, range)| self.zones.get(k).map(|&zone| ZoneHit { range, zone }))
            .collect()
    }
}

/// The name a park of `zone` goes by: the official name where it is already short (`广州南沙新区`),
/// else the canonical short name (`武汉东湖高新区` for `武汉东湖新技术开发区`).
pub(crate) fn park_name(zone: &Zone) -> &str {
    let long = ["开发区", "园区", "示范区"]
        .iter()
        .any(|s| zone.name.ends_with(s));
    if long && zone.kind != ZoneKind::Other {
        zone.canonical()
    } else {
        &zone.name
    }
}

/// Links a pattern-found park to the zone it names: its listed name (`东湖高新区`), a listed name
/// ending its surface (`湖北武汉东湖新技术开发区`), or, when no division placed it, its name without
/// the city (`仲恺高新区`) or a nickname inside it (`光谷科技园`). A park of a listed name takes the
/// zone's name; its parent stays where its own divisions put it inside the zone's division, else
/// becomes the zone's.
pub(crate) fn link(gaz: &Gazetteer, park: &mut ParkHit, name_end: usize, hits: &[ZoneHit]) {
    let zones = Zones::bundled();
    // Hits are sorted and disjoint: those inside the park's name are one run.
    let first = hits.partition_point(|h| h.range.start < park.range.start);
    let inside: Vec<&ZoneHit> = hits
        .get(first..)
        .unwrap_or(&[])
        .iter()
        .take_while(|h| h.range.end <= name_end)
        .collect();
    let listed = zones
        .by_name(&park.name)
        .or_else(|| {
            inside
                .iter()
                .find(|h| h.range.end == name_end)
                .map(|h| h.zone)
        })
        .filter(|z| gaz.get(z.code).is_some());
    if let Some(zone) = listed {
        park.name = park_name(zone).to_string();
        let own = park
            .parent
            .filter(|_| !park.from_context)
            .filter(|&p| p == zone.code || gaz.is_ancestor(zone.code, p));
        park.parent = Some(own.unwrap_or(zone.code));
        park.from_context = false;
        return;
    }
    if !park.from_context && park.parent.is_some() {
        return;
    }
    let loose = zones
        .by_bare_name(&park.name)
        .or_else(|| inside.first().map(|h| h.zone))
        .filter(|z| gaz.get(z.code).is_some());
    if let Some(zone) = loose {
        park.parent = Some(zone.code);
        park.from_context = false;
    }
}

/// Parks for listed names that no pattern-found park covers (`光谷`, `中新天津生态城`), unless
/// they name a street, square or firm (`光谷大道`, `中关村大街`).
pub(crate) fn standalone(text: &str, hits: &[ZoneHit], parks: &[ParkHit]) -> Vec<ParkHit> {
    // Parks are sorted and disjoint: only the last one starting before a hit's end can overlap it.
    hits.iter()
        .filter(|h| {
            let k = parks.partition_point(|p| p.range.start < h.range.end);
            k.checked_sub(1)
                .and_then(|i| parks.get(i))
                .is_none_or(|p| p.range.end <= h.range.start)
        })
        .filter(|h| {
            let rest = text.get(h.range.end..).unwrap_or("");
            !FOLLOW_BLOCK
                .iter()
                .chain(&["广场", "步行街"])
                .any(|f| rest.starts_with(f))
        })
        .map(|h| ParkHit::new(h.range.clone(), park_name(h.zone), Some(h.zone.code)))
        .collect()
}

/// Sub-areas become parks of their own under the park they belong to: right after it
/// (`江北新区直管区`), or alone after it in the same paragraph (`核心园区`, also when the pattern
/// took `核心` + `园区` for a park). `parks` is sorted by position and disjoint.
pub(crate) fn subareas(text: &str, parks: Vec<ParkHit>) -> Vec<ParkHit> {
    let words = bare_subareas(text);
    let mut out: Vec<ParkHit> = Vec::with_capacity(parks.len());
    let mut owner = Owner::default();
    let mut wi = 0;
    for mut park in parks {
        while let Some(w) = words.get(wi).filter(|w| w.start < park.range.start) {
            out.extend(owner.part(text, w.clone()));
            wi += 1;
        }
        let surface = text.get(park.range.clone()).unwrap_or("");
        if SUBAREAS.contains(&surface) && clause_start(text, park.range.start) {
            // The pattern read `核心` + `园区`: a bare sub-area word.
            out.extend(owner.part(text, park.range.clone()));
        } else {
            let rest = text.get(park.range.end..).unwrap_or("");
            if let Some(word) = SUBAREAS.iter().find(|w| rest.starts_with(**w)) {
                park.range.end += word.len();
                park.name.push_str(word);
            }
            owner = Owner {
                park: Some(park.clone()),
                checked: park.range.end,
                broken: false,
            };
            out.push(park);
        }
        let end = out.last().map_or(0, |p| p.range.end);
        while words.get(wi).is_some_and(|w| w.start < end) {
            wi += 1;
        }
    }
    for w in words.get(wi..).unwrap_or(&[]) {
        out.extend(owner.part(text, w.clone()));
    }
    out
}

/// The park sub-area words belong to, while no paragraph break separates them from it.
#[derive(Default)]
struct Owner {
    park: Option<ParkHit>,
    /// Up to where the text after the park was checked for a paragraph break.
    checked: usize,
    broken: bool,
}

impl Owner {
    /// The sub-area park for the word at `range`, if a park owns it.
    fn part(&mut self, text: &str, range: Range<usize>) -> Option<ParkHit> {
        if !self.broken && range.start > self.checked {
            self.broken = text
                .get(self.checked..range.start)
                .is_some_and(|s| s.contains('\n'));
            self.checked = range.start;
        }
        let park = self.park.as_ref().filter(|_| !self.broken)?;
        let word = text.get(range.clone())?;
        Some(ParkHit::new(
            range,
            &format!("{}{word}", park.name),
            park.parent,
        ))
    }
}

/// Whether `pos` starts a clause: the text before it does not end in a CJK character.
fn clause_start(text: &str, pos: usize) -> bool {
    text.get(..pos)
        .and_then(|h| h.chars().next_back())
        .is_none_or(|c| !is_cjk(c))
}

/// Sub-area words that start a clause (`，核心园区累计`), not those inside a phrase (`打造核心区`,
/// `核心区域`), in text order.
fn bare_subareas(text: &str) -> Vec<Range<usize>> {
    static WORDS: LazyLock<Longest> = LazyLock::new(|| Longest::new(SUBAREAS.iter().copied()));
    WORDS
        .find_iter(text)
        .map(|(_, r)| r)
        .filter(|r| clause_start(text, r.start))
        .filter(|r| !text.get(r.end..).is_some_and(|s| s.starts_with('域')))
        .collect()
}
