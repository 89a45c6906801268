//! The division table (province, city, county with coordinates) and the names regions go by.
//!
//! The table is `data/divisions.csv` (derived from the national division codes, see
//! `data/divisions-LICENSE.txt`), bundled at compile time and parsed once.
//!
//! Hierarchy: provinces have no parent (`None` stands for the nation, 全国); prefectures hang under
//! their province; county-level divisions under their prefecture, or directly under the province
//! where there is none. The four direct-administered municipalities (北京, 天津, 上海, 重庆) are one
//! division each, of kind [`RegionKind::Province`] with the province-level code (`120000`), and
//! their districts and counties hang directly under them. A municipality is its own city:
//! [`Gazetteer::city_of`] of `120116` 滨海新区 is `120000` 天津市, as is its [`Gazetteer::province_of`].
//! County-level cities administered by a province (济源市, 仙桃市) have no city.

pub mod names;
pub mod zones;

use std::collections::HashMap;
use std::sync::OnceLock;

use crate::dataset::RegionKind;

/// The bundled division table.
const DIVISIONS_CSV: &str = include_str!("../../data/divisions.csv");

/// Province-level codes of the direct-administered municipalities.
const MUNICIPALITIES: [u32; 4] = [110000, 120000, 310000, 500000];

/// One administrative division.
#[derive(Debug, Clone, PartialEq)]
pub struct Division {
    /// Six-digit division code (`510100`).
    pub code: u32,
    /// Full name (`成都市`).
    pub name: String,
    /// Province, City (prefecture level), District or County.
    pub kind: RegionKind,
    /// Enclosing division; `None` for provinces, whose parent is the nation.
    pub parent: Option<u32>,
    /// Longitude of the seat.
    pub lon: f64,
    /// Latitude of the seat.
    pub lat: f64,
    /// Short forms matched in running text (`成都`, `延边`, `金牛`).
    pub aliases: Vec<String>,
    /// Abbreviations and nicknames (`蓉`, `甬`, `鹏城`) for search only; never matched in text.
    pub nicknames: Vec<String>,
}

/// The division table with name lookups.
#[derive(Debug, Clone)]
pub struct Gazetteer {
    /// Sorted by code.
    divisions: Vec<Division>,
    /// Full names and short forms → candidate codes, sorted.
    names: HashMap<String, Vec<u32>>,
    /// Nicknames → codes.
    nicknames: HashMap<String, Vec<u32>>,
}

/// Whether `code` is one of the four direct-administered municipalities (北京, 天津, 上海, 重庆).
pub fn is_municipality(code: u32) -> bool {
    MUNICIPALITIES.contains(&code)
}

fn kind_of(code: u32, name: &str) -> RegionKind {
    if code.is_multiple_of(10000) {
        RegionKind::Province
    } else if code.is_multiple_of(100) {
        RegionKind::City
    } else if name.ends_with('区') && !name.ends_with("林区") && !name.ends_with("特区") {
        RegionKind::District
    } else {
        RegionKind::County
    }
}

fn parse_line(line: &str) -> Option<(u32, String, f64, f64)> {
    let mut cols = line.split(',');
    let code = cols.next()?.trim().parse::<u32>().ok()?;
    let name = cols.next()?.trim();
    let lon = cols.next()?.trim().parse::<f64>().ok()?;
    let lat = cols.next()?.trim().parse::<f64>().ok()?;
    if !(100000..=999999).contains(&code) || name.is_empty() {
        return None;
    }
    Some((code, name.to_string(), lon, lat))
}

impl Gazetteer {
    /// The bundled table, parsed on first use.
    pub fn bundled() -> &'static Gazetteer {
        static GAZ: OnceLock<Gazetteer> = OnceLock::new();
        GAZ.get_or_init(|| Gazetteer::parse(DIVISIONS_CSV))
    }

    /// Parses a table in the `data/divisions.csv` format (`code,name,lon,lat`, a header line, `#`
    /// comment lines). Malformed lines are skipped: the table is curated and bundled.
    pub fn parse(csv: &str) -> Gazetteer {
        let mut rows: Vec<(u32, String, f64, f64)> = csv
            .lines()
            .filter(|l| !l.trim_start().starts_with('#'))
            .filter_map(parse_line)
            .collect();
        rows.sort_by_key(|r| r.0);
        rows.dedup_by_key(|r| r.0);
        let codes: std::collections::HashSet<u32> = rows.iter().map(|r| r.0).collect();
        let divisions: Vec<Division> = rows
            .into_iter()
            .map(|(code, name, lon, lat)| {
                let kind = kind_of(code, &name);
                let province = code / 10000 * 10000;
                let prefecture = code / 100 * 100;
                let parent = match kind {
                    RegionKind::Province => None,
                    RegionKind::City => Some(province),
                    _ if codes.contains(&prefecture) => Some(prefecture),
                    _ => Some(province),
                };
                let mut aliases = names::short_forms(&name, kind);
                aliases.retain(|a| a != &name);
                let nicknames = names::nicknames(&name);
                Division {
                    code,
                    name,
                    kind,
                    parent: parent.filter(|p| codes.contains(p)),
                    lon,
                    lat,
                    aliases,
                    nicknames,
                }
            })
            .collect();
        let mut names: HashMap<String, Vec<u32>> = HashMap::new();
        let mut nicknames: HashMap<String, Vec<u32>> = HashMap::new();
        for d in &divisions {
            if !names::is_generic(&d.name) {
                names.entry(d.name.clone()).or_default().push(d.code);
            }
            for a in &d.aliases {
                names.entry(a.clone()).or_default().push(d.code);
            }
            for n in &d.nicknames {
                nicknames.entry(n.clone()).or_default().push(d.code);
            }
        }
        for v in names.values_mut().chain(nicknames.values_mut()) {
            v.sort_unstable();
            v.dedup();
        }
        Gazetteer {
            divisions,
            names,
            nicknames,
        }
    }

    /// All divisions, sorted by code.
    pub fn divisions(&self) -> &[Division] {
        &self.divisions
    }

    /// The division with this six-digit code.
    pub fn get(&self, code: u32) -> Option<&Division> {
        self.divisions
            .binary_search_by_key(&code, |d| d.code)
            .ok()
            .and_then(|i| self.divisions.get(i))
    }

    /// Candidate codes for a full name or short form (`朝阳` → three divisions); empty if unknown.
    pub fn by_name(&self, name: &str) -> &[u32] {
        self.names.get(name).map(Vec::as_slice).unwrap_or(&[])
    }

    /// Codes for a nickname or one-character abbreviation (`蓉` → 成都市).
    pub fn by_nickname(&self, nickname: &str) -> &[u32] {
        self.nicknames
            .get(nickname)
            .map(Vec::as_slice)
            .unwrap_or(&[])
    }

    /// Candidates for anything a user might type: full name, short form or nickname.
    pub fn search(&self, name: &str) -> Vec<u32> {
        let mut v: Vec<u32> = self.by_name(name).to_vec();
        v.extend_from_slice(self.by_nickname(name));
        v.sort_unstable();
        v.dedup();
        v
    }

    /// Every full name and short form with its candidates, for building matchers.
    pub fn names(&self) -> impl Iterator<Item = (&str, &[u32])> {
        self.names.iter().map(|(k, v)| (k.as_str(), v.as_slice()))
    }

    /// Enclosing divisions, nearest first (`金牛区` → `成都市`, `四川省`); the nation is implied.
    pub fn ancestors(&self, code: u32) -> Vec<u32> {
        let mut out = Vec::new();
        let mut cur = self.get(code).and_then(|d| d.parent);
        while let Some(c) = cur {
            if out.contains(&c) {
                break;
            }
            out.push(c);
            cur = self.get(c).and_then(|d| d.parent);
        }
        out
    }

    /// Whether `f` holds for one of `code`'s enclosing divisions, tried nearest first, as
    /// [`Gazetteer::ancestors`] lists them; without allocating, as this runs per mention.
    fn any_ancestor(&self, code: u32, mut f: impl FnMut(u32) -> bool) -> bool {
        let mut seen = [0u32; 8];
        let mut n = 0;
        let mut cur = self.get(code).and_then(|d| d.parent);
        while let Some(c) = cur {
            if seen[..n].contains(&c) {
                return false;
            }
            if f(c) {
                return true;
            }
            if n == seen.len() {
                // Deeper than any real table: the general walk does the rest.
                return self.ancestors(code).into_iter().skip(n + 1).any(f);
            }
            seen[n] = c;
            n += 1;
            cur = self.get(c).and_then(|d| d.parent);
        }
        false
    }

    /// Whether `ancestor` encloses `code` (strictly).
    pub fn is_ancestor(&self, ancestor: u32, code: u32) -> bool {
        self.any_ancestor(code, |c| c == ancestor)
    }

    /// The prefecture-level city a division lies in, itself if it is one; a municipality for
    /// itself and its districts; `None` for provinces and province-administered county cities.
    pub fn city_of(&self, code: u32) -> Option<u32> {
        let d = self.get(code)?;
        if is_municipality(code) {
            return Some(code);
        }
        let is_city =
            |c: u32| is_municipality(c) || self.get(c).is_some_and(|d| d.kind == RegionKind::City);
        let mut found = None;
        if is_city(code) {
            found = Some(code);
        } else {
            self.any_ancestor(code, |c| {
                found = Some(c).filter(|&c| is_city(c));
                found.is_some()
            });
        }
        found.filter(|_| d.kind != RegionKind::Province)
    }

    /// The province-level division a division lies in, itself if it is one.
    pub fn province_of(&self, code: u32) -> Option<u32> {
        let is_province = |c: u32| self.get(c).is_some_and(|d| d.kind == RegionKind::Province);
        if is_province(code) {
            return Some(code);
        }
        let mut found = None;
        self.any_ancestor(code, |c| {
            found = Some(c).filter(|&c| is_province(c));
            found.is_some()
        });
        found
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn g() -> &'static Gazetteer {
        Gazetteer::bundled()
    }

    #[test]
    fn table_parses_fully() {
        let n = DIVISIONS_CSV
            .lines()
            .skip(1)
            .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
            .count();
        assert_eq!(g().divisions().len(), n);
        assert!(n > 3000);
        assert!(g().divisions().iter().all(|d| d.name != "市辖区"));
    }

    #[test]
    fn kinds_and_parents() {
        let d = g().get(510106).unwrap();
        assert_eq!(
            (d.name.as_str(), d.kind, d.parent),
            ("金牛区", RegionKind::District, Some(510100))
        );
        assert_eq!(g().get(510100).unwrap().kind, RegionKind::City);
        assert_eq!(g().get(510000).unwrap().parent, None);
        assert_eq!(g().get(510823).unwrap().kind, RegionKind::County);
        assert_eq!(
            g().get(429021).unwrap().kind,
            RegionKind::County,
            "神农架林区"
        );
        assert_eq!(g().get(419001).unwrap().parent, Some(410000), "济源市");
        assert_eq!(g().city_of(419001), None);
        assert_eq!(g().ancestors(510106), vec![510100, 510000]);
    }

    #[test]
    fn municipalities_are_their_own_city() {
        let d = g().get(120116).unwrap();
        assert_eq!(d.name, "滨海新区");
        assert_eq!(d.parent, Some(120000));
        assert_eq!(g().city_of(120116), Some(120000));
        assert_eq!(g().province_of(120116), Some(120000));
        assert_eq!(g().city_of(120000), Some(120000));
        assert_eq!(g().get(500155).unwrap().parent, Some(500000), "梁平区");
        assert_eq!(g().city_of(510000), None);
        assert_eq!(g().province_of(222401), Some(220000));
        assert_eq!(g().city_of(222401), Some(222400), "延吉市 lies in 延边州");
    }

    #[test]
    fn hand_added_divisions() {
        assert_eq!(g().get(330114).unwrap().name, "钱塘区");
        assert_eq!(g().get(330113).unwrap().name, "临平区");
        assert_eq!(g().city_of(330114), Some(330100));
        assert!(g().get(330104).is_none(), "江干区 was abolished");
        assert_eq!(g().by_name("钱塘"), &[330114]);
    }

    #[test]
    fn names_and_short_forms() {
        assert_eq!(g().by_name("成都"), &[510100]);
        assert_eq!(g().by_name("成都市"), &[510100]);
        assert_eq!(g().by_name("延边"), &[222400]);
        assert_eq!(g().by_name("内蒙古"), &[150000]);
        assert_eq!(g().by_name("香港"), &[810000]);
        assert_eq!(g().by_name("丰城"), &[360981]);
        assert_eq!(g().by_name("金牛"), &[510106]);
        assert!(g().by_name("滨海").contains(&120116));
        assert!(g().by_name("朝阳").len() >= 3);
        assert!(g().by_name("城区").is_empty());
        assert!(g().by_name("新区").is_empty());
        assert!(g().by_name("蓉").is_empty(), "nicknames are not names");
        assert_eq!(g().by_nickname("蓉"), &[510100]);
        assert_eq!(g().search("甬"), vec![330200]);
        assert!(
            g().divisions()
                .iter()
                .all(|d| d.aliases.iter().all(|a| a.chars().count() >= 2))
        );
    }
}
