//! Every region the gold annotations attribute figures to is found as a mention in its seed text
//! and linked to the right city and province.

use std::collections::BTreeSet;
use std::path::Path;

use gaoxin::extract::gazetteer::Gazetteer;
use gaoxin::extract::places::{Mention, Place, find_mentions};

/// Park names compared without brackets, `国家` and long suffix spellings.
fn normalize(name: &str) -> String {
    let mut out = String::new();
    let mut depth = 0;
    for c in name.chars() {
        match c {
            '(' | '（' => depth += 1,
            ')' | '）' => depth -= 1,
            _ if depth == 0 => out.push(c),
            _ => {}
        }
    }
    out.replace("高新技术产业开发区", "高新区")
        .replace("国家高新区", "高新区")
}

fn name_of(gaz: &Gazetteer, code: Option<u32>) -> Option<String> {
    code.and_then(|c| gaz.get(c)).map(|d| d.name.clone())
}

fn matches(
    gaz: &Gazetteer,
    m: &Mention,
    region: &str,
    kind: &str,
    city: Option<&str>,
    province: Option<&str>,
) -> bool {
    let city_ok = name_of(gaz, m.place.city(gaz)).as_deref() == city;
    let province_ok = name_of(gaz, m.place.province(gaz)).as_deref() == province;
    match (&m.place, kind) {
        (Place::Nation, "nation") => true,
        (Place::Park { name, .. }, "park") => normalize(name) == normalize(region) && city_ok,
        (Place::Division(c), _) => {
            let Some(d) = gaz.get(*c) else { return false };
            let named = d.name == region || d.aliases.iter().any(|a| a == region);
            // Provinces have no city; the gold leaves it null.
            named && (city_ok || city.is_none()) && province_ok
        }
        _ => false,
    }
}

#[test]
fn every_gold_region_is_found_in_its_seed() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let gaz = Gazetteer::bundled();
    let mut checked = 0;
    let mut missing = Vec::new();
    let mut fixtures: Vec<_> = std::fs::read_dir(root.join("tests/fixtures"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "jsonl"))
        .collect();
    fixtures.sort();
    for fixture in fixtures {
        let mut regions = BTreeSet::new();
        for line in std::fs::read_to_string(&fixture).unwrap().lines() {
            if line.trim().is_empty() {
                continue;
            }
            let v: serde_json::Value = serde_json::from_str(line).unwrap();
            let s = |k: &str| v[k].as_str().map(str::to_string);
            // Regions without a kind (`成渝城市群`) are groupings, not places we resolve.
            if let (Some(file), Some(region), Some(kind)) =
                (s("file"), s("region"), s("region_kind"))
            {
                regions.insert((file, region, kind, s("region_city"), s("region_province")));
            }
        }
        for (file, region, kind, city, province) in regions {
            let text = std::fs::read_to_string(root.join("seeds").join(&file))
                .unwrap()
                .replace(['\n', '\r'], "");
            let mentions = find_mentions(gaz, &text);
            checked += 1;
            let hit = mentions
                .iter()
                .any(|m| matches(gaz, m, &region, &kind, city.as_deref(), province.as_deref()));
            if !hit {
                missing.push(format!("{file}: {region} ({kind}, {city:?}, {province:?})"));
            }
        }
    }
    assert!(checked >= 25, "only {checked} gold regions read");
    assert!(missing.is_empty(), "not found:\n{}", missing.join("\n"));
}
