//! The state of the full-screen views over the browser: comparison, metric picker, ranking, map
//! and the all-figures table (drawn by `render`). Each
//! holds its own selection and answers an action with an [`Outcome`] the app carries out, so
//! the views never reach into each other.

pub mod map;
pub mod table;

use fuzzy_matcher::skim::SkimMatcherV2;

use super::keymap::Action;
use super::search::Hit;
use crate::query::{self, Comparison, Index, KindFilter, Ranking};
pub use map::MapView;
pub use table::TableView;

/// What a view asks the app to do after an action.
#[derive(Debug, Clone, PartialEq)]
pub enum Outcome {
    /// Nothing beyond the view's own change.
    Stay,
    /// Close this view.
    Close,
    /// Open a figure's article in the reader.
    OpenFigure(usize),
    /// Close every view and show this region in the browser.
    OpenRegion(usize),
    /// A metric was picked (metric id).
    Picked(String),
    /// Open the map coloured by this metric.
    Map(Option<String>),
    /// Open the metric picker.
    Pick,
}

/// A view on top of the browser.
#[derive(Debug, Clone)]
pub enum View {
    /// Marked regions side by side.
    Compare(CompareView),
    /// Choosing a metric.
    Picker(Picker),
    /// Regions ranked on a metric.
    Rank(RankView),
    /// Regions on a map of China.
    Map(MapView),
    /// Every figure as a table.
    Table(TableView),
}

impl View {
    /// Whether the view is taking typed text.
    pub fn typing(&self) -> bool {
        match self {
            View::Table(t) => t.typing,
            View::Map(m) => m.typing(),
            _ => false,
        }
    }
}

/// Moves `sel` within `0..len` for the list movements; other actions leave it.
pub fn move_in(sel: usize, len: usize, action: Action, page: usize) -> usize {
    let last = len.saturating_sub(1);
    let page = page.max(1);
    match action {
        Action::Up => sel.saturating_sub(1),
        Action::Down => (sel + 1).min(last),
        Action::PageUp => sel.saturating_sub(page),
        Action::PageDown => (sel + page).min(last),
        Action::Top => 0,
        Action::Bottom => last,
        _ => sel,
    }
}

/// The comparison of marked regions.
#[derive(Debug, Clone)]
pub struct CompareView {
    /// The comparison.
    pub cmp: Comparison,
    /// Selected row (metric).
    pub row: usize,
    /// Selected column (region).
    pub col: usize,
    /// First row shown.
    pub scroll: usize,
}

impl CompareView {
    /// Compares `regions` on every metric any of them has.
    pub fn new(ix: &Index, regions: &[usize]) -> Option<CompareView> {
        let cmp = query::compare(ix, regions, None).ok()?;
        Some(CompareView {
            cmp,
            row: 0,
            col: 0,
            scroll: 0,
        })
    }

    /// The figure under the cursor, if the cell has one.
    pub fn figure(&self) -> Option<usize> {
        let row = self.cmp.rows.get(self.row)?;
        Some(row.cells.get(self.col)?.as_ref()?.figure)
    }

    /// Applies an action; `page` is the number of visible rows.
    pub fn step(&mut self, action: Action, page: usize) -> Outcome {
        let cols = self.cmp.regions.len();
        match action {
            Action::Back => return Outcome::Close,
            Action::Left => self.col = self.col.saturating_sub(1),
            Action::Right => self.col = (self.col + 1).min(cols.saturating_sub(1)),
            Action::Open => {
                return self.figure().map_or(Outcome::Stay, Outcome::OpenFigure);
            }
            a => self.row = move_in(self.row, self.cmp.rows.len(), a, page),
        }
        self.scroll = keep_visible(self.scroll, self.row, page);
        Outcome::Stay
    }
}

/// Keeps `sel` within the `h` rows shown from `scroll`.
pub fn keep_visible(scroll: usize, sel: usize, h: usize) -> usize {
    let h = h.max(1);
    if sel < scroll {
        sel
    } else if sel >= scroll + h {
        sel + 1 - h
    } else {
        scroll
    }
}

/// Choosing a metric by typing any of its names.
#[derive(Debug, Clone)]
pub struct Picker {
    /// What is typed.
    pub query: String,
    /// Matching metrics (indices into the dataset's metrics), best first, with the match.
    pub hits: Vec<(usize, Option<Hit>)>,
    /// Selected hit.
    pub sel: usize,
    /// First hit shown.
    pub scroll: usize,
    /// Figures per metric, to list useful metrics first and hide empty ones.
    counts: Vec<usize>,
}

impl Picker {
    /// A picker listing the metrics that have figures about regions, most figures first.
    pub fn new(ix: &Index) -> Picker {
        let counts = ix.metric_counts().to_vec();
        let mut p = Picker {
            query: String::new(),
            hits: Vec::new(),
            sel: 0,
            scroll: 0,
            counts,
        };
        p.refilter(ix);
        p
    }

    /// Figures about regions on metric `m`.
    pub fn count(&self, m: usize) -> usize {
        self.counts.get(m).copied().unwrap_or(0)
    }

    fn refilter(&mut self, ix: &Index) {
        let matcher = SkimMatcherV2::default();
        let mut hits: Vec<(usize, Option<Hit>)> = (0..ix.data.metrics.len())
            .filter(|&m| self.count(m) > 0)
            .filter_map(|m| {
                if self.query.trim().is_empty() {
                    return Some((m, None));
                }
                let hit = ix.metric_names.keys(m)?.best(&matcher, &self.query)?;
                Some((m, Some(hit)))
            })
            .collect();
        hits.sort_by_key(|(m, h)| {
            (
                std::cmp::Reverse(h.as_ref().map_or(0, |h| h.score)),
                std::cmp::Reverse(self.count(*m)),
                *m,
            )
        });
        self.hits = hits;
        self.sel = 0;
        self.scroll = 0;
    }

    /// Applies an action; `page` is the number of visible rows.
    pub fn step(&mut self, ix: &Index, action: Action, page: usize) -> Outcome {
        match action {
            Action::Back => return Outcome::Close,
            Action::FilterChar(c) => {
                self.query.push(c);
                self.refilter(ix);
            }
            Action::FilterDelete => {
                self.query.pop();
                self.refilter(ix);
            }
            Action::Open => {
                let picked = self
                    .hits
                    .get(self.sel)
                    .and_then(|h| ix.data.metrics.get(h.0));
                return picked.map_or(Outcome::Stay, |m| Outcome::Picked(m.id.clone()));
            }
            a => self.sel = move_in(self.sel, self.hits.len(), a, page),
        }
        self.scroll = keep_visible(self.scroll, self.sel, page);
        Outcome::Stay
    }
}

/// A ranking on one metric.
#[derive(Debug, Clone)]
pub struct RankView {
    /// The ranking shown.
    pub ranking: Ranking,
    /// Selected entry.
    pub sel: usize,
    /// First entry shown.
    pub scroll: usize,
}

impl RankView {
    /// Ranks every region but the nation on `metric`, all years.
    pub fn new(ix: &Index, metric: &str) -> RankView {
        RankView {
            ranking: query::rank(ix, metric, KindFilter::All, None),
            sel: 0,
            scroll: 0,
        }
    }

    /// Applies an action; `page` is the number of visible rows.
    pub fn step(&mut self, ix: &Index, action: Action, page: usize) -> Outcome {
        let r = &self.ranking;
        match action {
            Action::Back => return Outcome::Close,
            Action::Open => {
                return r
                    .entries
                    .get(self.sel)
                    .map_or(Outcome::Stay, |e| Outcome::OpenRegion(e.region));
            }
            Action::Map => return Outcome::Map(Some(r.metric.clone())),
            Action::CycleKind => self.rerank(ix, r.kind.next(), r.year),
            Action::CycleYear => {
                // All years, then each year the metric has, oldest first.
                let next = match r.year {
                    None => r.years.first().copied(),
                    Some(y) => r.years.iter().copied().find(|&x| x > y),
                };
                self.rerank(ix, r.kind, next);
            }
            a => self.sel = move_in(self.sel, r.entries.len(), a, page),
        }
        self.scroll = keep_visible(self.scroll, self.sel, page);
        Outcome::Stay
    }

    fn rerank(&mut self, ix: &Index, kind: KindFilter, year: Option<i32>) {
        let years = self.ranking.years.clone();
        self.ranking = query::rank(ix, &self.ranking.metric, kind, year);
        if year.is_some() {
            // The year list of the unfiltered ranking keeps the cycle going.
            self.ranking.years = years;
        }
        self.sel = 0;
        self.scroll = 0;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ix() -> Index {
        Index::new(crate::dataset::bundled().unwrap())
    }

    #[test]
    fn picker_finds_metrics_by_any_name() {
        let ix = ix();
        let mut p = Picker::new(&ix);
        assert!(p.hits.iter().all(|h| p.count(h.0) > 0));
        for c in "gxjsqy".chars() {
            p.step(&ix, Action::FilterChar(c), 10);
        }
        let top = &ix.data.metrics[p.hits[0].0];
        assert_eq!(top.id, "high_tech_enterprises");
        let out = p.step(&ix, Action::Open, 10);
        assert_eq!(out, Outcome::Picked("high_tech_enterprises".into()));
    }

    #[test]
    fn rank_view_cycles_kinds_and_years() {
        let ix = ix();
        let mut v = RankView::new(&ix, "high_tech_enterprises");
        // Sorted from the largest value down.
        let values: Vec<f64> = v.ranking.entries.iter().map(|e| e.value).collect();
        assert!(values.len() > 3);
        assert!(values.windows(2).all(|w| w[0] >= w[1]), "{values:?}");
        v.step(&ix, Action::CycleKind, 10);
        assert_eq!(v.ranking.kind, KindFilter::Parks);
        let years = v.ranking.years.clone();
        assert!(!years.is_empty());
        v.step(&ix, Action::CycleYear, 10);
        assert_eq!(v.ranking.year, years.first().copied());
        for _ in 0..years.len() {
            v.step(&ix, Action::CycleYear, 10);
        }
        assert_eq!(v.ranking.year, None, "the cycle comes back to all years");
        let first = v.ranking.entries[0].region;
        assert_eq!(v.step(&ix, Action::Open, 10), Outcome::OpenRegion(first));
    }

    #[test]
    fn compare_view_moves_and_opens_sources() {
        let ix = ix();
        let a = ix.region_names.resolve("常州").unwrap();
        let b = ix.region_names.resolve("杭州").unwrap();
        let mut v = CompareView::new(&ix, &[a, b]).unwrap();
        assert!(CompareView::new(&ix, &[a]).is_none());
        v.step(Action::Right, 5);
        v.step(Action::Right, 5);
        assert_eq!(v.col, 1);
        // Down to the first row where the second region has a figure.
        while v.figure().is_none() && v.row + 1 < v.cmp.rows.len() {
            v.step(Action::Down, 5);
        }
        let f = v.figure().unwrap();
        assert_eq!(v.step(Action::Open, 5), Outcome::OpenFigure(f));
        v.step(Action::Bottom, 5);
        assert_eq!(v.row, v.cmp.rows.len() - 1);
        assert!(v.scroll + 5 > v.row);
    }
}
