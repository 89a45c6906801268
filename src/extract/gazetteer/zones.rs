//! National-level zones whose names need not name a division: high-tech zones (`武汉东湖新技术开发区`,
//! `光谷`), new areas (`两江新区`), innovation demonstration zones (`兰白自创区`) and a few others.
//!
//! The list is `data/zones.tsv` (sources per row, see `data/zones-README.md`), bundled at compile
//! time and parsed once. Each zone lies in one division of the division table: its city, a
//! district, or the province for zones that span several cities.

use std::collections::HashMap;
use std::sync::OnceLock;

/// The bundled zones list.
const ZONES_TSV: &str = include_str!("../../../data/zones.tsv");

/// What kind of national-level zone.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ZoneKind {
    /// 国家高新技术产业开发区.
    HighTechZone,
    /// 国家级新区.
    NewArea,
    /// 国家自主创新示范区.
    Nidz,
    /// Other well-known zones (苏州工业园区, 中新天津生态城, 科学城).
    Other,
}

impl ZoneKind {
    fn parse(s: &str) -> Option<ZoneKind> {
        Some(match s {
            "high_tech_zone" => ZoneKind::HighTechZone,
            "new_area" => ZoneKind::NewArea,
            "nidz" => ZoneKind::Nidz,
            "other" => ZoneKind::Other,
            _ => return None,
        })
    }
}

/// One zone of the list.
#[derive(Debug, Clone, PartialEq)]
pub struct Zone {
    /// Official name (`武汉东湖新技术开发区`).
    pub name: String,
    /// Kind of zone.
    pub kind: ZoneKind,
    /// Short names and nicknames (`武汉东湖高新区`, `光谷`), the first being the canonical one.
    pub short_names: Vec<String>,
    /// Division the zone lies in.
    pub code: u32,
    /// Where the row's facts came from.
    pub source: String,
}

impl Zone {
    /// The name parks of this zone go by: the first short name, else the official name.
    pub fn canonical(&self) -> &str {
        self.short_names.first().unwrap_or(&self.name)
    }

    /// Official name and short names.
    pub fn names(&self) -> impl Iterator<Item = &str> {
        std::iter::once(self.name.as_str()).chain(self.short_names.iter().map(String::as_str))
    }
}

/// The zones list with name lookups.
#[derive(Debug, Clone)]
pub struct Zones {
    zones: Vec<Zone>,
    /// Official and short names → zone index.
    names: HashMap<String, usize>,
    /// `仲恺高新区` for `惠州仲恺高新区`: a high-tech zone's short name without the city it starts
    /// with, kept only where one zone has it (three zones are `火炬` zones).
    bare: HashMap<String, usize>,
}

/// Why a line of the zones list was rejected.
#[derive(Debug, Clone, PartialEq)]
pub struct LineError {
    /// 1-based line number.
    pub line: usize,
    /// What is wrong.
    pub problem: String,
}

fn parse_line(line: &str) -> Result<Zone, String> {
    let cols: Vec<&str> = line.split('\t').map(str::trim).collect();
    let [name, kind, shorts, code, source] = cols[..] else {
        return Err(format!("{} columns, expected 5", cols.len()));
    };
    if name.is_empty() {
        return Err("empty name".into());
    }
    let kind = ZoneKind::parse(kind).ok_or_else(|| format!("unknown kind `{kind}`"))?;
    let code = code
        .parse::<u32>()
        .ok()
        .filter(|c| (100000..=999999).contains(c))
        .ok_or_else(|| format!("`{code}` is not a six-digit division code"))?;
    if source.is_empty() {
        return Err("no source".into());
    }
    Ok(Zone {
        name: name.to_string(),
        kind,
        short_names: shorts
            .split('|')
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map(str::to_string)
            .collect(),
        code,
        source: source.to_string(),
    })
}

impl Zones {
    /// The bundled list, parsed on first use; lines that do not parse are left out (a test
    /// checks there are none).
    pub fn bundled() -> &'static Zones {
        static ZONES: OnceLock<Zones> = OnceLock::new();
        ZONES.get_or_init(|| Zones::parse(ZONES_TSV).0)
    }

    /// Parses a list in the `data/zones.tsv` format (a header line, `#` comment lines, tab-separated
    /// `name kind short_names code source`). Returns the zones and the lines it rejected; a name
    /// already taken by an earlier zone is rejected too.
    pub fn parse(tsv: &str) -> (Zones, Vec<LineError>) {
        let mut zones = Vec::new();
        let mut errors = Vec::new();
        let mut names: HashMap<String, usize> = HashMap::new();
        let lines = tsv.lines().enumerate().filter(|(_, l)| {
            let t = l.trim();
            !t.is_empty() && !t.starts_with('#') && !t.starts_with("name\t")
        });
        for (i, line) in lines {
            let zone = match parse_line(line) {
                Ok(z) => z,
                Err(problem) => {
                    errors.push(LineError {
                        line: i + 1,
                        problem,
                    });
                    continue;
                }
            };
            if let Some(dup) = zone.names().find(|n| names.contains_key(*n)) {
                errors.push(LineError {
                    line: i + 1,
                    problem: format!("name `{dup}` is already taken"),
                });
                continue;
            }
            let idx = zones.len();
            for n in zone.names() {
                names.insert(n.to_string(), idx);
            }
            zones.push(zone);
        }
        let bare = bare_names(&zones, &names);
        (Zones { zones, names, bare }, errors)
    }

    /// All zones, in list order.
    pub fn zones(&self) -> &[Zone] {
        &self.zones
    }

    /// The zone with this official or short name.
    pub fn by_name(&self, name: &str) -> Option<&Zone> {
        self.names.get(name).and_then(|&i| self.zones.get(i))
    }

    /// The zone a park name without its city stands for (`仲恺高新区`), where only one zone fits.
    pub fn by_bare_name(&self, name: &str) -> Option<&Zone> {
        self.bare.get(name).and_then(|&i| self.zones.get(i))
    }

    /// Every official and short name with its zone, for building matchers.
    pub fn names(&self) -> impl Iterator<Item = (&str, &Zone)> {
        self.zones
            .iter()
            .flat_map(|z| z.names().map(move |n| (n, z)))
    }
}

/// Short names of the form `<city><word>高新区` → `<word>高新区`, where the word has two or more
/// characters and no other zone (and no listed name) claims the same form.
fn bare_names(zones: &[Zone], names: &HashMap<String, usize>) -> HashMap<String, usize> {
    let gaz = super::Gazetteer::bundled();
    let mut seen: HashMap<String, Option<usize>> = HashMap::new();
    for (i, z) in zones.iter().enumerate() {
        let Some(short) = z.short_names.first() else {
            continue;
        };
        let Some(head) = short.strip_suffix("高新区") else {
            continue;
        };
        // The longest division name the short name starts with (`惠州` in `惠州仲恺`).
        let city_len = head
            .char_indices()
            .map(|(b, c)| b + c.len_utf8())
            .filter(|&end| head.get(..end).is_some_and(|p| !gaz.by_name(p).is_empty()))
            .max();
        let Some(rest) = city_len.and_then(|n| head.get(n..)) else {
            continue;
        };
        if rest.chars().count() < 2 {
            continue;
        }
        let bare = format!("{rest}高新区");
        if names.contains_key(&bare) {
            continue;
        }
        seen.entry(bare)
            .and_modify(|e| *e = None)
            .or_insert(Some(i));
    }
    seen.into_iter()
        .filter_map(|(k, v)| v.map(|i| (k, i)))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::gazetteer::Gazetteer;

    fn z() -> &'static Zones {
        Zones::bundled()
    }

    #[test]
    fn bundled_list_parses_fully() {
        let (zones, errors) = Zones::parse(ZONES_TSV);
        assert_eq!(errors, [], "every line of data/zones.tsv parses");
        assert_eq!(zones.zones().len(), z().zones().len());
        let count = |k| z().zones().iter().filter(|z| z.kind == k).count();
        assert!(count(ZoneKind::HighTechZone) >= 170);
        assert_eq!(count(ZoneKind::NewArea), 19);
        assert!(count(ZoneKind::Nidz) >= 9);
        assert!(count(ZoneKind::Other) >= 5);
    }

    #[test]
    fn every_zone_lies_in_a_known_division_and_has_a_source() {
        let gaz = Gazetteer::bundled();
        for zone in z().zones() {
            assert!(
                gaz.get(zone.code).is_some(),
                "{}: division {} is not in data/divisions.csv",
                zone.name,
                zone.code
            );
            assert!(
                zone.source.chars().count() > 10,
                "{} has no source",
                zone.name
            );
        }
    }

    #[test]
    fn names_and_short_names_are_unique() {
        let mut seen = std::collections::HashSet::new();
        for (name, zone) in z().names() {
            assert!(seen.insert(name), "{name} ({}) is listed twice", zone.name);
        }
        let (_, errors) = Zones::parse(
            "甲高新技术产业开发区\thigh_tech_zone\t甲高新区\t110000\tsomewhere\n\
             乙高新技术产业开发区\thigh_tech_zone\t甲高新区\t110000\tsomewhere\n",
        );
        assert_eq!(errors.len(), 1);
        assert!(errors[0].problem.contains("甲高新区"));
    }

    #[test]
    fn bad_lines_are_reported_with_their_number() {
        let (zones, errors) = Zones::parse(
            "name\tkind\tshort_names\tcode\tsource\n\
             甲区\tzone\t\t110000\tsomewhere\n\
             乙区\tother\t\t11000\tsomewhere\n\
             丙区\tother\t\t110000\t\n\
             丁区\tother\t\t110000\tsomewhere\n",
        );
        assert_eq!(zones.zones().len(), 1);
        let lines: Vec<usize> = errors.iter().map(|e| e.line).collect();
        assert_eq!(lines, [2, 3, 4]);
    }

    #[test]
    fn lookups() {
        let east_lake = z().by_name("光谷").unwrap();
        assert_eq!(east_lake.name, "武汉东湖新技术开发区");
        assert_eq!(east_lake.code, 420100);
        assert_eq!(east_lake.canonical(), "武汉东湖高新区");
        assert_eq!(z().by_name("武汉东湖新技术开发区"), Some(east_lake));
        assert_eq!(z().by_name("两江新区").unwrap().code, 500000);
        assert_eq!(z().by_bare_name("仲恺高新区").unwrap().code, 441300);
        assert_eq!(z().by_bare_name("净月高新区").unwrap().code, 220100);
        // Three 火炬 zones and two 医药 zones: the bare form names none of them.
        assert!(z().by_bare_name("火炬高新区").is_none());
        assert!(z().by_bare_name("医药高新区").is_none());
        assert!(z().by_name("火炬").is_none());
        assert!(z().by_name("高新区").is_none());
    }
}
