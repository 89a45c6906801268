//! Where a page belongs when its headline names no place: a local news site files the story
//! under a city in its breadcrumb (`地方网 > 四川 > 巴中市 > 今日巴中`) and its headline speaks of
//! a bare `高新区`, meaning the city's own.

use super::matcher::SUFFIXES;
use super::{Mention, Place, find_mentions, zones};
use crate::dataset::RegionKind;
use crate::extract::gazetteer::zones::{ZoneKind, Zones};
use crate::extract::gazetteer::{Gazetteer, is_municipality};

/// The place a page's furniture gives it.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Setting {
    /// The most specific division the breadcrumb names.
    pub division: Option<Place>,
    /// The park a bare park word in the headline means in that division.
    pub park: Option<Place>,
}

/// The setting of a page titled `title` (whose own places are `title_mentions`) under the
/// breadcrumb `sections`. Empty when the headline names a place: the headline then says.
pub fn setting(
    gaz: &Gazetteer,
    title: &str,
    title_mentions: &[Mention],
    sections: &[String],
) -> Setting {
    if !title_mentions.is_empty() || sections.is_empty() {
        return Setting::default();
    }
    let crumb = sections.join(" > ");
    // Breadcrumbs run from the general to the particular: the deepest division, the last of equals.
    let Some(code) = find_mentions(gaz, &crumb)
        .iter()
        .filter_map(|m| match m.place {
            Place::Division(c) => Some(c),
            _ => None,
        })
        .max_by_key(|&c| gaz.ancestors(c).len())
    else {
        return Setting::default();
    };
    Setting {
        division: Some(Place::Division(code)),
        park: bare_park(title).and_then(|canon| park_in(gaz, code, canon)),
    }
}

/// The short suffix of a park word the headline uses without a place (`高新区经济运行良好`).
fn bare_park(title: &str) -> Option<&'static str> {
    SUFFIXES
        .iter()
        .filter(|(_, canon)| matches!(*canon, "高新区" | "经开区"))
        .find(|(s, _)| title.contains(s))
        .map(|(_, canon)| *canon)
}

/// The park of kind `canon` in division `code`: the listed high-tech zone when the division has
/// exactly one, else one named after the division (`巴中` + `高新区`). A province has many.
fn park_in(gaz: &Gazetteer, code: u32, canon: &str) -> Option<Place> {
    let d = gaz.get(code)?;
    if d.kind == RegionKind::Province && !is_municipality(code) {
        return None;
    }
    if canon == "高新区" {
        let mut listed = Zones::bundled().zones().iter().filter(|z| {
            z.kind == ZoneKind::HighTechZone && (z.code == code || gaz.is_ancestor(code, z.code))
        });
        if let (Some(z), None) = (listed.next(), listed.next()) {
            return Some(Place::Park {
                name: zones::park_name(z).to_string(),
                parent: Some(z.code),
            });
        }
    }
    let short = d.aliases.first().unwrap_or(&d.name);
    Some(Place::Park {
        name: format!("{short}{canon}"),
        parent: Some(code),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn of(title: &str, crumb: &[&str]) -> Setting {
        let gaz = Gazetteer::bundled();
        let sections: Vec<String> = crumb.iter().map(|s| s.to_string()).collect();
        setting(gaz, title, &find_mentions(gaz, title), &sections)
    }

    fn name(p: &Option<Place>) -> String {
        match p {
            Some(Place::Park { name, .. }) => name.clone(),
            Some(Place::Division(c)) => Gazetteer::bundled()
                .get(*c)
                .map_or(String::new(), |d| d.name.clone()),
            Some(Place::Nation) => "全国".into(),
            None => String::new(),
        }
    }

    #[test]
    fn a_bare_park_headline_means_the_breadcrumb_city_s_park() {
        let s = of(
            "高新区经济运行呈现良好势头",
            &["四川", "巴中市", "今日巴中"],
        );
        assert_eq!(name(&s.division), "巴中市");
        assert_eq!(name(&s.park), "巴中高新区");
        // A city with one listed high-tech zone: the list's name.
        let s = of("高新区新增企业300家", &["四川", "绵阳市"]);
        assert_eq!(name(&s.park), "绵阳高新区");
    }

    #[test]
    fn nothing_when_the_headline_names_a_place_or_the_crumb_none() {
        assert_eq!(
            of("绵阳高新区新增企业300家", &["四川", "巴中市"]),
            Setting::default()
        );
        assert_eq!(
            of("高新区新增企业300家", &["新闻", "正文"]),
            Setting::default()
        );
        assert_eq!(of("高新区新增企业300家", &[]), Setting::default());
    }

    #[test]
    fn a_province_crumb_gives_a_division_but_no_park() {
        let s = of("高新区新增企业300家", &["四川"]);
        assert_eq!(name(&s.division), "四川省");
        assert_eq!(s.park, None);
        // A headline without a park word gives the division alone.
        let s = of("经济运行良好", &["四川", "巴中市"]);
        assert_eq!((name(&s.division), s.park), ("巴中市".to_string(), None));
    }
}
