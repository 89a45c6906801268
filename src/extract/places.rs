//! Place mentions in text: divisions by name or short name, parks by pattern, the nation.
//!
//! [`find_mentions`] runs one automaton (leftmost-longest) over every division name and short
//! form, park suffix and nation word, then applies the rules:
//! - Parks are a place part followed by a suffix (`德阳高新区`, `天津滨海高新区`,
//!   `西部科学城自贡科技园`, `成都国家高新区` → `成都高新区`), optionally followed by the division
//!   they lie in, in brackets (`临江高新区(钱塘区)`); `A、B等国家高新区` names one park per item. The
//!   park's parent is the most specific division its place part names, else the nearest earlier
//!   place in the article. A bare suffix (`高新区`, `该高新区`) is anaphora, not a park.
//! - Names shared by several divisions (`朝阳`, `鼓楼区`) are resolved by the division written
//!   right before them, then by the article's other mentions; a province or prefecture wins
//!   over county-level namesakes only when no municipal district is among them; otherwise the
//!   mention is dropped.
//! - County-level names of two characters, and county-level short forms, count only when the
//!   article also names their city or province (or they name a park): `剑阁` alone could be any
//!   word, `四川剑阁` is the county. Inside a park's name such a short form gives way to the
//!   article's places when they lie in another province (`凌云产业园` in a 宁波 article).
//! - Zones of the national list (`data/zones.tsv`) are parks wherever their names or nicknames
//!   appear (`光谷`, `中新天津生态城`); a pattern-found park that names one takes its name and
//!   lies in its division unless its own place part is more precise (`天津滨海高新区`).
//!   Sub-areas (`江北新区直管区`, a clause-initial `核心区`) are parks of the park before them.

mod context;
mod matcher;
mod parks;
mod setting;
mod zones;

pub use setting::{Setting, setting};

use std::ops::Range;
use std::sync::OnceLock;

use crate::dataset::RegionKind;
use crate::extract::gazetteer::Gazetteer;
use context::Context;
use matcher::{Matcher, Pat, SUFFIXES};

/// What a mention refers to.
#[derive(Debug, Clone, PartialEq)]
pub enum Place {
    /// The whole country (全国, 我国).
    Nation,
    /// A division by code.
    Division(u32),
    /// A development zone: canonical name (place part + short suffix, `成都高新区`) and the
    /// division it lies in, if known.
    Park {
        /// Canonical name.
        name: String,
        /// The most specific division the park lies in.
        parent: Option<u32>,
    },
}

impl Place {
    /// The division a place is, or lies in; `None` for the nation.
    pub fn division(&self) -> Option<u32> {
        match self {
            Place::Nation => None,
            Place::Division(c) => Some(*c),
            Place::Park { parent, .. } => *parent,
        }
    }

    /// The prefecture-level city (or municipality) of the place, if any.
    pub fn city(&self, gaz: &Gazetteer) -> Option<u32> {
        self.division().and_then(|c| gaz.city_of(c))
    }

    /// The province-level division of the place, if any.
    pub fn province(&self, gaz: &Gazetteer) -> Option<u32> {
        self.division().and_then(|c| gaz.province_of(c))
    }
}

/// One place named in a text.
#[derive(Debug, Clone, PartialEq)]
pub struct Mention {
    /// Byte range in the text.
    pub range: Range<usize>,
    /// What it refers to.
    pub place: Place,
    /// The text as written.
    pub surface: String,
}

/// Whether `s` is a bare reference to a zone or district the passage is already about (`高新区`,
/// `该高新区`, `园区`, `全区`, `区内`), which names no place by itself.
pub fn is_anaphor(s: &str) -> bool {
    let s = s.trim();
    if [
        "全区", "该区", "本区", "区内", "全园", "园内", "该市", "全市", "本市",
    ]
    .contains(&s)
    {
        return true;
    }
    let bare = ["该", "本", "全", "各", "这个", "此", "这一"]
        .iter()
        .find_map(|p| s.strip_prefix(p))
        .unwrap_or(s);
    SUFFIXES.iter().any(|(suffix, _)| *suffix == bare)
}

/// The automaton for `gaz`: built once for the bundled table, per call for any other.
fn with_matcher<R>(gaz: &Gazetteer, f: impl FnOnce(&Matcher) -> R) -> Option<R> {
    static BUNDLED: OnceLock<Option<Matcher>> = OnceLock::new();
    if std::ptr::eq(gaz, Gazetteer::bundled()) {
        BUNDLED.get_or_init(|| Matcher::new(gaz)).as_ref().map(f)
    } else {
        Matcher::new(gaz).as_ref().map(f)
    }
}

/// Builds the automata for `gaz` if it is the bundled table (others are built per call).
pub fn prepare(gaz: &Gazetteer) {
    with_matcher(gaz, |_| ());
}

/// Whether a county-level match can stand without support from the rest of the article: only
/// full names of three characters or more (`金牛区`, not `金牛`, `和县`).
fn stands_alone(gaz: &Gazetteer, code: u32, surface: &str, full: bool) -> bool {
    let county = gaz
        .get(code)
        .is_some_and(|d| matches!(d.kind, RegionKind::District | RegionKind::County));
    !county || (full && surface.chars().count() >= 3)
}

/// Place mentions in one article's text: sorted, non-overlapping, longest match first.
pub fn find_mentions(gaz: &Gazetteer, text: &str) -> Vec<Mention> {
    with_matcher(gaz, |m| mentions(gaz, m, text)).unwrap_or_default()
}

fn mentions(gaz: &Gazetteer, m: &Matcher, text: &str) -> Vec<Mention> {
    let tokens = m.tokens(text);
    let mut ctx = Context::new(gaz);
    for t in &tokens {
        if let Pat::Name(cands) = m.pat(t)
            && let [(c, full)] = cands[..]
            && stands_alone(gaz, c, text.get(t.start..t.end).unwrap_or(""), full)
        {
            ctx.add(t.start, c);
        }
    }
    let zone_hits = m.zones.hits(text);
    for h in &zone_hits {
        ctx.add(h.range.start, h.zone.code);
    }
    let mut parks = parks::find(&mut ctx, m, text, &tokens, &zone_hits);
    parks.extend(zones::standalone(text, &zone_hits, &parks));
    parks.sort_by_key(|p| p.range.start);
    let parks = zones::subareas(text, parks);
    let mut out: Vec<Mention> = Vec::new();
    let mut pi = 0;
    let mut left: Option<(usize, u32)> = None;
    for t in &tokens {
        while parks.get(pi).is_some_and(|p| p.range.end <= t.start) {
            pi += 1;
        }
        if parks.get(pi).is_some_and(|p| p.range.start < t.end) {
            continue;
        }
        let surface = text.get(t.start..t.end).unwrap_or("");
        let place = match m.pat(t) {
            Pat::Nation => Place::Nation,
            Pat::Name(cands) => {
                let adjacent = left.filter(|(end, _)| *end == t.start).map(|(_, c)| c);
                let Some(c) = ctx.choose(cands, adjacent) else {
                    continue;
                };
                let full = cands.iter().any(|&(k, f)| k == c && f);
                if !stands_alone(gaz, c, surface, full) && !ctx.supports(c, adjacent) {
                    continue;
                }
                ctx.add(t.start, c);
                left = Some((t.end, c));
                Place::Division(c)
            }
            Pat::Suffix(_) | Pat::Blocked => continue,
        };
        out.push(Mention {
            range: t.start..t.end,
            place,
            surface: surface.to_string(),
        });
    }
    out.extend(parks.into_iter().map(|p| Mention {
        surface: text.get(p.range.clone()).unwrap_or("").to_string(),
        range: p.range,
        place: Place::Park {
            name: p.name,
            parent: p.parent,
        },
    }));
    out.sort_by_key(|m| m.range.start);
    out
}

#[cfg(test)]
mod tests;
