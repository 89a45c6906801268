//! The map's state: a point per region with figures, placed by longitude and latitude, sized
//! and coloured by a metric when one is chosen, and arrow keys that move to the nearest point
//! in their direction.

use super::{Action, Outcome};
use crate::dataset::Modality;
use crate::query::{Index, pick};

/// The part of the world shown: mainland China with Hainan, roughly.
pub const LON: [f64; 2] = [73.0, 135.0];
/// Latitude bounds of the map.
pub const LAT: [f64; 2] = [18.0, 54.0];

/// Degrees between regions that share a location (a park and its city), so each stays a
/// point of its own on screen and under the arrow keys.
const SPREAD: f64 = 0.6;

/// One region on the map.
#[derive(Debug, Clone, PartialEq)]
pub struct MapPoint {
    /// Region index.
    pub region: usize,
    /// Where it is drawn (spread around its true location when others share it).
    pub lon: f64,
    /// Latitude as drawn.
    pub lat: f64,
    /// The value of the chosen metric, if the region has an achieved one.
    pub value: Option<f64>,
}

/// The map view.
#[derive(Debug, Clone)]
pub struct MapView {
    /// Points, in region order.
    pub points: Vec<MapPoint>,
    /// Selected point.
    pub sel: usize,
    /// The metric points are sized and coloured by (id).
    pub metric: Option<String>,
    /// A region name being typed after `/`, to jump to.
    pub query: Option<String>,
}

impl MapView {
    /// Every region with figures and a location inside the map; `metric` sizes the points.
    pub fn new(ix: &Index, metric: Option<String>) -> MapView {
        let mut points: Vec<MapPoint> = Vec::new();
        for (r, region) in ix.data.regions.iter().enumerate() {
            let (Some(lon), Some(lat)) = (region.lon, region.lat) else {
                continue;
            };
            let inside = (LON[0]..=LON[1]).contains(&lon) && (LAT[0]..=LAT[1]).contains(&lat);
            if !inside || ix.region_figs[r].is_empty() {
                continue;
            }
            // Targets and forecasts do not size points: the map shows what was achieved.
            let value = metric.as_deref().and_then(|m| {
                let p = pick(ix, r, m, None)?;
                let f = ix.figure(p.figure)?;
                (f.modality == Modality::Actual).then_some(f.value)
            });
            points.push(MapPoint {
                region: r,
                lon,
                lat,
                value,
            });
        }
        spread(&mut points);
        // Start on the largest value, or the first point.
        let sel = points
            .iter()
            .enumerate()
            .filter_map(|(i, p)| Some((i, p.value?)))
            .max_by(|a, b| a.1.total_cmp(&b.1))
            .map_or(0, |b| b.0);
        MapView {
            points,
            sel,
            metric,
            query: None,
        }
    }

    /// The selected region.
    pub fn region(&self) -> Option<usize> {
        self.points.get(self.sel).map(|p| p.region)
    }

    /// The largest value on the map, for scaling points.
    pub fn max_value(&self) -> Option<f64> {
        self.points
            .iter()
            .filter_map(|p| p.value)
            .filter(|v| v.is_finite())
            .reduce(f64::max)
    }

    /// Whether a region name is being typed.
    pub fn typing(&self) -> bool {
        self.query.is_some()
    }

    /// Selects the point whose region best matches `q`: by name, alias or pinyin, else by a
    /// near miss (`chegndu`).
    fn jump(&mut self, ix: &Index, q: &str) {
        let matcher = fuzzy_matcher::skim::SkimMatcherV2::default();
        let best = self
            .points
            .iter()
            .enumerate()
            .filter_map(|(i, p)| {
                let hit = ix.region_names.keys(p.region)?.best(&matcher, q)?;
                Some((hit.score, std::cmp::Reverse(i)))
            })
            .max()
            .map(|(_, i)| i.0);
        let near = || {
            let misses = ix.region_names.near_misses(q);
            misses
                .iter()
                .find_map(|&r| self.points.iter().position(|p| p.region == r))
        };
        if let Some(i) = best.or_else(near) {
            self.sel = i;
        }
    }

    /// Applies an action.
    pub fn step(&mut self, ix: &Index, action: Action) -> Outcome {
        if let Some(q) = self.query.as_mut() {
            match action {
                Action::FilterChar(c) => q.push(c),
                Action::FilterDelete => {
                    q.pop();
                }
                Action::FilterClear => q.clear(),
                Action::FilterDeleteWord => crate::tui::state::delete_word(q),
                Action::Open | Action::Back => self.query = None,
                _ => {}
            }
            if let Some(q) = self.query.clone().filter(|q| !q.trim().is_empty()) {
                self.jump(ix, &q);
            }
            return Outcome::Stay;
        }
        let dir = match action {
            Action::Filter => {
                self.query = Some(String::new());
                return Outcome::Stay;
            }
            Action::Back => return Outcome::Close,
            Action::Open => return self.region().map_or(Outcome::Stay, Outcome::OpenRegion),
            Action::Rank => return Outcome::Pick,
            Action::Left => (-1.0, 0.0),
            Action::Right => (1.0, 0.0),
            Action::Up => (0.0, 1.0),
            Action::Down => (0.0, -1.0),
            _ => return Outcome::Stay,
        };
        if let Some(n) = self.nearest(dir) {
            self.sel = n;
        }
        Outcome::Stay
    }

    /// The nearest point in direction `(dx, dy)` (east and north positive) from the selected
    /// one: within 60° of the direction, distance weighted against straying sideways.
    fn nearest(&self, (dx, dy): (f64, f64)) -> Option<usize> {
        let from = self.points.get(self.sel)?;
        self.points
            .iter()
            .enumerate()
            .filter(|&(i, _)| i != self.sel)
            .filter_map(|(i, p)| {
                let (x, y) = (p.lon - from.lon, p.lat - from.lat);
                let along = x * dx + y * dy;
                let side = (x * dy - y * dx).abs();
                (along > 0.0 && side <= along * 1.8).then_some((i, along + 2.0 * side))
            })
            .min_by(|a, b| a.1.total_cmp(&b.1))
            .map(|(i, _)| i)
    }
}

/// Spreads points that share a location on a small circle around it.
fn spread(points: &mut [MapPoint]) {
    let mut i = 0;
    while i < points.len() {
        let (lon, lat) = (points[i].lon, points[i].lat);
        let same: Vec<usize> = (0..points.len())
            .filter(|&k| points[k].lon == lon && points[k].lat == lat)
            .collect();
        if same.len() > 1 && same[0] == i {
            let n = same.len() as f64;
            for (j, &k) in same.iter().enumerate() {
                let a = std::f64::consts::TAU * j as f64 / n;
                points[k].lon = lon + SPREAD * a.cos();
                points[k].lat = lat + SPREAD * a.sin();
            }
        }
        i += 1;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn points_are_distinct_and_arrows_reach_neighbours() {
        let ix = Index::new(crate::dataset::bundled().unwrap());
        let mut m = MapView::new(&ix, Some("high_tech_enterprises".into()));
        assert!(m.points.len() > 10);
        for (i, a) in m.points.iter().enumerate() {
            for b in &m.points[i + 1..] {
                assert!(a.lon != b.lon || a.lat != b.lat, "two points in one place");
            }
        }
        let ranking = crate::query::rank(
            &ix,
            "high_tech_enterprises",
            crate::query::KindFilter::All,
            None,
        );
        assert_eq!(
            m.region(),
            Some(ranking.entries[0].region),
            "the map starts on the largest value"
        );
        // Going left enough times reaches the west of the country.
        let mut seen = vec![m.region()];
        for _ in 0..40 {
            m.step(&ix, Action::Left);
            seen.push(m.region());
        }
        let west = ix.region(m.region().unwrap()).unwrap().lon.unwrap();
        assert!(west < 110.0, "moved west: {west}");
        assert!(seen.windows(2).any(|w| w[0] != w[1]));
        assert_eq!(
            m.step(&ix, Action::Open),
            Outcome::OpenRegion(m.region().unwrap())
        );
        m.step(&ix, Action::Filter);
        assert!(m.typing());
        for c in "chegndu".chars() {
            m.step(&ix, Action::FilterChar(c));
        }
        m.step(&ix, Action::Open);
        assert!(!m.typing());
        assert_eq!(ix.region(m.region().unwrap()).unwrap().name, "成都市");
    }
}
