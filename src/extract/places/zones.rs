//! Parks from the zones list: listed names and nicknames found in text (`光谷`, `中新天津生态城`),
//! pattern-found parks linked to the zone they name, and sub-areas (`江北新区直管区`, `核心区`)
//! placed under the park they belong to.

use std::ops::Range;

use aho_corasick::{AhoCorasick, MatchKind};

use super::parks::{ParkHit, is_cjk};
use crate::extract::gazetteer::Gazetteer;
use crate::extract::gazetteer::zones::{Zone, ZoneKind, Zones};

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
    ac: Option<AhoCorasick>,
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
        let ac = AhoCorasick::builder()
            .match_kind(MatchKind::LeftmostLongest)
            .build(&strings)
            .ok();
        ZoneMatcher { ac, zones }
    }

    /// Listed names in `text`, leftmost-longest.
    pub fn hits(&self, text: &str) -> Vec<ZoneHit> {
        let Some(ac) = &self.ac else {
            return Vec::new();
        };
        ac.find_iter(text)
            .filter_map(|m| {
                self.zones.get(m.pattern().as_usize()).map(|zone| ZoneHit {
                    range: m.start()..m.end(),
                    zone,
                })
            })
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
    let inside = |h: &&ZoneHit| h.range.start >= park.range.start && h.range.end <= name_end;
    let listed = zones
        .by_name(&park.name)
        .or_else(|| {
            hits.iter()
                .filter(inside)
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
        .or_else(|| hits.iter().find(inside).map(|h| h.zone))
        .filter(|z| gaz.get(z.code).is_some());
    if let Some(zone) = loose {
        park.parent = Some(zone.code);
        park.from_context = false;
    }
}

/// Parks for listed names that no pattern-found park covers (`光谷`, `中新天津生态城`).
pub(crate) fn standalone(hits: &[ZoneHit], parks: &[ParkHit]) -> Vec<ParkHit> {
    hits.iter()
        .filter(|h| {
            !parks
                .iter()
                .any(|p| p.range.start < h.range.end && h.range.start < p.range.end)
        })
        .map(|h| ParkHit::new(h.range.clone(), park_name(h.zone), Some(h.zone.code)))
        .collect()
}

/// Sub-areas become parks of their own under the park they belong to: right after it
/// (`江北新区直管区`), or alone after it in the same paragraph (`核心园区`, also when the pattern
/// took `核心` + `园区` for a park). `parks` is sorted by position.
pub(crate) fn subareas(text: &str, parks: Vec<ParkHit>) -> Vec<ParkHit> {
    let mut out: Vec<ParkHit> = Vec::with_capacity(parks.len());
    let mut last: Option<ParkHit> = None;
    let mut pos = 0;
    let mut parks = parks.into_iter().peekable();
    while pos < text.len() {
        let next_park = parks.peek().map_or(text.len(), |p| p.range.start);
        // Bare sub-area words before the next park.
        let gap = text.get(pos..next_park).unwrap_or("");
        if let Some((at, word)) = first_subarea(gap) {
            let start = pos + at;
            let end = start + word.len();
            let owner = last
                .as_ref()
                .filter(|l| !text.get(l.range.end..start).unwrap_or("").contains('\n'));
            if let Some(owner) = owner {
                out.push(ParkHit::new(
                    start..end,
                    &format!("{}{word}", owner.name),
                    owner.parent,
                ));
            }
            pos = end;
            continue;
        }
        let Some(mut park) = parks.next() else {
            break;
        };
        let surface = text.get(park.range.clone()).unwrap_or("");
        let clause_start = text
            .get(..park.range.start)
            .and_then(|h| h.chars().next_back())
            .is_none_or(|c| !is_cjk(c));
        if SUBAREAS.contains(&surface) && clause_start {
            // The pattern read `核心` + `园区`: handled as a bare sub-area word.
            pos = park.range.start;
            let owner = last
                .as_ref()
                .filter(|l| !text.get(l.range.end..pos).unwrap_or("").contains('\n'));
            if let Some(owner) = owner {
                out.push(ParkHit::new(
                    park.range.clone(),
                    &format!("{}{surface}", owner.name),
                    owner.parent,
                ));
            }
            pos = park.range.end;
            continue;
        }
        let rest = text.get(park.range.end..).unwrap_or("");
        if let Some(word) = SUBAREAS.iter().find(|w| rest.starts_with(**w)) {
            park.range.end += word.len();
            park.name.push_str(word);
        }
        pos = park.range.end;
        last = Some(park.clone());
        out.push(park);
    }
    out
}

/// The first sub-area word in `s` with its byte offset.
/// A bare word counts only at the start of a clause (`，核心园区累计`), not inside a phrase
/// (`打造核心区`, `核心区域`).
fn first_subarea(s: &str) -> Option<(usize, &'static str)> {
    SUBAREAS
        .iter()
        .flat_map(|w| s.match_indices(w).map(|(i, _)| (i, *w)))
        .filter(|&(i, w)| {
            let before = s.get(..i).and_then(|h| h.chars().next_back());
            let after = s.get(i + w.len()..).and_then(|r| r.chars().next());
            before.is_none_or(|c| !is_cjk(c)) && after != Some('域')
        })
        .min_by_key(|&(i, w)| (i, std::cmp::Reverse(w.len())))
}
