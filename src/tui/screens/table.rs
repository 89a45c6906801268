//! The all-figures table's state: every figure as a row, filtered by words (region names with
//! their pinyin and initials, labels, metric names) and sorted by any column.

use super::{Action, Outcome, keep_visible, move_in};
use crate::query::{Index, search};

/// The table's columns, in order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Column {
    /// The region's name.
    Region,
    /// What is measured, in the article's words.
    Label,
    /// The catalogue metric.
    Metric,
    /// How the number relates to the metric (level, added, growth, …).
    Measure,
    /// The part of the region the figure covers, empty for the whole.
    Scope,
    /// The value, by size in the base unit.
    Value,
    /// The year it refers to.
    Year,
    /// The article's title.
    Article,
}

impl Column {
    /// Every column, left to right.
    pub const ALL: [Column; 8] = [
        Column::Region,
        Column::Label,
        Column::Metric,
        Column::Measure,
        Column::Scope,
        Column::Value,
        Column::Year,
        Column::Article,
    ];
}

/// The all-figures table.
#[derive(Debug, Clone)]
pub struct TableView {
    /// The filter words.
    pub query: String,
    /// The filter is being typed.
    pub typing: bool,
    /// The column `s` sorts by (index into [`Column::ALL`]).
    pub col: usize,
    /// The sort: column and whether descending; `None` keeps the dataset's order.
    pub sort: Option<(Column, bool)>,
    /// Figures shown, in order.
    pub rows: Vec<usize>,
    /// Selected row.
    pub sel: usize,
    /// First row shown.
    pub scroll: usize,
    /// Per figure, the lowercase text the filter searches.
    haystack: Vec<String>,
}

impl TableView {
    /// Every figure, in the dataset's order.
    pub fn new(ix: &Index) -> TableView {
        let region_keys: Vec<String> = ix
            .data
            .regions
            .iter()
            .map(|r| {
                let mut k = r.name.to_lowercase();
                for a in &r.aliases {
                    k.push(' ');
                    k.push_str(&a.to_lowercase());
                }
                for (full, initials) in search::pinyin(&r.name) {
                    k.push(' ');
                    k.push_str(&full);
                    k.push(' ');
                    k.push_str(&initials);
                }
                k
            })
            .collect();
        let haystack = ix
            .data
            .figures
            .iter()
            .map(|f| {
                let mut k = ix
                    .figure_region(f)
                    .and_then(|r| region_keys.get(r))
                    .cloned()
                    .unwrap_or_default();
                k.push(' ');
                k.push_str(&f.label.to_lowercase());
                if let Some(s) = &f.scope {
                    k.push(' ');
                    k.push_str(&s.to_lowercase());
                }
                if let Some(m) = f.metric.as_deref().and_then(|m| ix.metric(m)) {
                    for s in [&m.zh, &m.en, &m.id] {
                        k.push(' ');
                        k.push_str(&s.to_lowercase());
                    }
                }
                k
            })
            .collect();
        let mut t = TableView {
            query: String::new(),
            typing: false,
            col: 0,
            sort: None,
            rows: Vec::new(),
            sel: 0,
            scroll: 0,
            haystack,
        };
        t.refilter(ix);
        t
    }

    /// The selected figure.
    pub fn figure(&self) -> Option<usize> {
        self.rows.get(self.sel).copied()
    }

    /// The selected column.
    pub fn column(&self) -> Column {
        Column::ALL[self.col.min(Column::ALL.len() - 1)]
    }

    fn refilter(&mut self, ix: &Index) {
        let words: Vec<String> = self
            .query
            .split_whitespace()
            .map(str::to_lowercase)
            .collect();
        self.rows = (0..ix.data.figures.len())
            .filter(|&f| {
                let h = self.haystack.get(f).map_or("", String::as_str);
                words.iter().all(|w| h.contains(w.as_str()))
            })
            .collect();
        self.resort(ix);
    }

    fn resort(&mut self, ix: &Index) {
        let keep = self.figure();
        if let Some((col, desc)) = self.sort {
            let key = |f: usize| sort_key(ix, f, col);
            self.rows.sort_by(|&a, &b| {
                let o = key(a).cmp(&key(b));
                let o = if desc { o.reverse() } else { o };
                o.then(a.cmp(&b))
            });
        } else {
            self.rows.sort_unstable();
        }
        self.sel = keep
            .and_then(|k| self.rows.iter().position(|&f| f == k))
            .unwrap_or(0);
    }

    /// Applies an action; `page` is the number of visible rows.
    pub fn step(&mut self, ix: &Index, action: Action, page: usize) -> Outcome {
        if self.typing {
            match action {
                Action::FilterChar(c) => self.query.push(c),
                Action::FilterDelete => {
                    self.query.pop();
                }
                Action::FilterClear => self.query.clear(),
                Action::FilterDeleteWord => crate::tui::state::delete_word(&mut self.query),
                Action::Open => self.typing = false,
                Action::Back => {
                    self.typing = false;
                    self.query.clear();
                }
                a => self.sel = move_in(self.sel, self.rows.len(), a, page),
            }
            if matches!(
                action,
                Action::FilterChar(_)
                    | Action::FilterDelete
                    | Action::FilterClear
                    | Action::FilterDeleteWord
                    | Action::Back
            ) {
                self.refilter(ix);
                self.sel = 0;
            }
        } else {
            match action {
                Action::Back if !self.query.is_empty() => {
                    self.query.clear();
                    self.refilter(ix);
                }
                Action::Back => return Outcome::Close,
                Action::Filter => {
                    self.typing = true;
                    self.query.clear();
                    self.refilter(ix);
                }
                Action::Left => self.col = self.col.saturating_sub(1),
                Action::Right => self.col = (self.col + 1).min(Column::ALL.len() - 1),
                Action::Sort => {
                    let col = self.column();
                    self.sort = match self.sort {
                        Some((c, desc)) if c == col => Some((c, !desc)),
                        // Numbers read largest first; names and titles from A.
                        _ => Some((col, matches!(col, Column::Value | Column::Year))),
                    };
                    self.resort(ix);
                }
                Action::Open => return self.figure().map_or(Outcome::Stay, Outcome::OpenFigure),
                a => self.sel = move_in(self.sel, self.rows.len(), a, page),
            }
        }
        self.scroll = keep_visible(self.scroll, self.sel, page);
        Outcome::Stay
    }
}

/// What a column sorts by.
#[derive(Debug, Clone, PartialEq)]
enum Key {
    Text(String),
    Number(f64),
}

impl Eq for Key {}

impl PartialOrd for Key {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Key {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        match (self, other) {
            (Key::Number(a), Key::Number(b)) => a.total_cmp(b),
            (Key::Text(a), Key::Text(b)) => a.cmp(b),
            (Key::Number(_), Key::Text(_)) => std::cmp::Ordering::Less,
            (Key::Text(_), Key::Number(_)) => std::cmp::Ordering::Greater,
        }
    }
}

fn sort_key(ix: &Index, f: usize, col: Column) -> Key {
    let Some(fig) = ix.figure(f) else {
        return Key::Text(String::new());
    };
    match col {
        Column::Region => Key::Text(
            ix.figure_region(fig)
                .and_then(|r| ix.region(r))
                .map_or(String::new(), |r| r.name.clone()),
        ),
        Column::Label => Key::Text(fig.label.clone()),
        Column::Metric => Key::Text(fig.metric.clone().unwrap_or_default()),
        Column::Measure => Key::Number(f64::from(fig.measure as u8)),
        Column::Scope => Key::Text(fig.scope.clone().unwrap_or_default()),
        Column::Value => Key::Number(fig.value),
        // Unknown years sort below every known one.
        Column::Year => Key::Number(fig.year.map_or(f64::NEG_INFINITY, f64::from)),
        Column::Article => Key::Text(
            ix.figure_article
                .get(f)
                .copied()
                .flatten()
                .and_then(|a| ix.article(a))
                .map_or(String::new(), |a| a.title.clone()),
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ix() -> Index {
        Index::new(crate::dataset::bundled().unwrap())
    }

    #[test]
    fn filters_by_pinyin_label_and_metric_and_sorts_any_column() {
        let ix = ix();
        let mut t = TableView::new(&ix);
        assert_eq!(t.rows.len(), ix.data.figures.len());
        t.step(&ix, Action::Filter, 10);
        for c in "tianjin 高新技术企业 qqq".chars() {
            t.step(&ix, Action::FilterChar(c), 10);
        }
        assert!(t.rows.is_empty(), "every word must match");
        t.step(&ix, Action::FilterDeleteWord, 10);
        t.step(&ix, Action::Open, 10);
        assert!(!t.typing);
        assert!(!t.rows.is_empty());
        for &f in &t.rows {
            let fig = ix.figure(f).unwrap();
            let r = ix.region(ix.figure_region(fig).unwrap()).unwrap();
            assert!(r.name.contains("天津"), "{}", r.name);
            assert!(
                fig.label.contains("高新技术企业")
                    || fig.metric.as_deref() == Some("high_tech_enterprises")
            );
        }
        let mut t = TableView::new(&ix);
        for _ in 0..5 {
            t.step(&ix, Action::Right, 10);
        }
        assert_eq!(t.column(), Column::Value);
        t.step(&ix, Action::Sort, 10);
        let values: Vec<f64> = t
            .rows
            .iter()
            .map(|&f| ix.figure(f).unwrap().value)
            .collect();
        assert!(values.windows(2).all(|w| w[0] >= w[1]), "largest first");
        t.step(&ix, Action::Sort, 10);
        let values: Vec<f64> = t
            .rows
            .iter()
            .map(|&f| ix.figure(f).unwrap().value)
            .collect();
        assert!(
            values.windows(2).all(|w| w[0] <= w[1]),
            "then smallest first"
        );
        let f = t.figure().unwrap();
        assert_eq!(t.step(&ix, Action::Open, 10), Outcome::OpenFigure(f));
    }
}
