//! The app's state and the one place it changes: [`App::step`].

use std::ops::Range;

use fuzzy_matcher::skim::SkimMatcherV2;
use ratatui::layout::Rect;

use crate::dataset::{Dataset, RegionKind};

use super::i18n::Lang;
use super::index::Index;
use super::keymap::{Action, Mode, Pane};
use super::layout;
use super::layout::Hits;
use super::search::Hit;

mod export;
mod overlay;
mod reader;
mod wrapped;
use super::screens::{MapView, Picker, TableView, View, keep_visible, move_in};
use crate::query::{self, Trend};
pub use wrapped::Pos;
use wrapped::Wrapped;

/// Which pane keys move in while browsing.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Focus {
    /// The regions list.
    Regions,
    /// The figures table.
    Figures,
}

/// Order of the figures table; `s` cycles through them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Sort {
    /// As they appear in the articles.
    Source,
    /// By metric name.
    Metric,
    /// Largest value first.
    Value,
    /// Latest year first.
    Year,
}

impl Sort {
    fn next(self) -> Sort {
        match self {
            Sort::Source => Sort::Metric,
            Sort::Metric => Sort::Value,
            Sort::Value => Sort::Year,
            Sort::Year => Sort::Source,
        }
    }
}

/// One visible row of the regions list.
#[derive(Debug, Clone)]
pub struct Row {
    /// Region index.
    pub region: usize,
    /// Indent level (0 while filtering).
    pub depth: usize,
    /// The filter match, while filtering.
    pub hit: Option<Hit>,
}

/// An open article.
#[derive(Debug, Clone)]
pub struct Reader {
    /// Article index.
    pub article: usize,
    /// The article's figures, by position.
    pub figs: Vec<usize>,
    /// Which of `figs` is selected.
    pub cur: usize,
    /// First body line shown.
    pub scroll: Pos,
    /// The body lines on screen, as char ranges into the article's text.
    pub shown: Vec<Range<usize>>,
    /// Byte offset in the text of the first character shown.
    pub shown_byte: usize,
    /// The text cut into blocks, those seen so far wrapped.
    wrapped: Wrapped,
}

/// Everything the app shows and remembers.
pub struct App {
    /// The dataset and its lookups.
    pub ix: Index,
    /// UI language.
    pub lang: Lang,
    /// Pane keys act on while browsing.
    pub focus: Focus,
    /// A filter is being typed.
    pub typing: bool,
    /// The filter text.
    pub filter: String,
    /// Visible rows of the regions list.
    pub rows: Vec<Row>,
    /// Collapsed state per region.
    pub collapsed: Vec<bool>,
    /// Selected row.
    pub region_sel: usize,
    /// First row shown.
    pub region_scroll: usize,
    /// Figures of the selected region, in the current sort order.
    pub figs: Vec<usize>,
    /// Selected figure (index into `figs`).
    pub fig_sel: usize,
    /// First figure row shown.
    pub fig_scroll: usize,
    /// Sort order of `figs`.
    pub sort: Sort,
    /// The open article, if any.
    pub reader: Option<Reader>,
    /// The help overlay's scroll offset, when open.
    pub help: Option<usize>,
    /// Screen size of the last frame.
    pub size: Rect,
    /// Clickable areas of the last frame.
    pub hits: Hits,
    /// The user asked to leave.
    pub quit: bool,
    /// Regions marked for comparison, in the order they were marked.
    pub marks: Vec<usize>,
    /// Views open over the browser, the top one last.
    pub views: Vec<View>,
    /// A one-line message for the status bar, cleared by the next action.
    pub notice: Option<String>,
    /// Metrics the selected region has in several years.
    pub trends: Vec<Trend>,
    /// The figures table's value and unit cells, made when `figs` or the language change.
    pub fig_cells: FigCells,
    matcher: SkimMatcherV2,
    /// Recent filters, each a prefix of the next, with the regions they matched (in tree
    /// order): a pattern one letter longer only matches regions the shorter one did, and one
    /// letter shorter is one of these again.
    filter_steps: Vec<(String, Vec<usize>)>,
    /// Near misses of recent filters.
    misses: Vec<(String, Vec<usize>)>,
}

/// The figures table's value and unit cells, one per entry of [`App::figs`], the values
/// aligned on their decimal point, with the widest of each. Made when the figures, their
/// order or the language change, so that a frame does not format every figure of a large
/// region (the nation of a large dataset has tens of thousands) again.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct FigCells {
    /// The language they are in.
    pub lang: Option<Lang>,
    /// Value and unit of each figure.
    pub cells: Vec<(String, String)>,
    /// Display width of the widest value.
    pub value_width: u16,
    /// Display width of the widest unit.
    pub unit_width: u16,
}

impl FigCells {
    /// The cells of `figs` in `lang`.
    pub fn new(ix: &Index, figs: &[usize], lang: Lang) -> FigCells {
        let parts: Vec<(String, String)> = figs
            .iter()
            .map(|&f| {
                ix.figure(f)
                    .map_or_else(Default::default, |x| super::format::figure_parts(x, lang))
            })
            .collect();
        let numbers: Vec<String> = parts.iter().map(|p| p.0.clone()).collect();
        let numbers = super::format::align_decimals(&numbers);
        let widest = |it: &mut dyn Iterator<Item = &String>| {
            it.map(|s| u16::try_from(crate::text::width(s)).unwrap_or(u16::MAX))
                .max()
                .unwrap_or(0)
        };
        let value_width = widest(&mut numbers.iter());
        let unit_width = widest(&mut parts.iter().map(|p| &p.1));
        let cells = numbers
            .into_iter()
            .zip(parts)
            .map(|(n, (_, u))| (n, u))
            .collect();
        FigCells {
            lang: Some(lang),
            cells,
            value_width,
            unit_width,
        }
    }
}

impl App {
    /// A new app on `data`, in the language `LANG` asks for.
    pub fn new(data: Dataset) -> App {
        App::with_lang(data, Lang::from_env())
    }

    /// A new app on `data` in `lang`.
    pub fn with_lang(data: Dataset, lang: Lang) -> App {
        let ix = Index::new(data);
        let n = ix.data.regions.len();
        let mut app = App {
            ix,
            lang,
            focus: Focus::Regions,
            typing: false,
            filter: String::new(),
            rows: Vec::new(),
            collapsed: vec![false; n],
            region_sel: 0,
            region_scroll: 0,
            figs: Vec::new(),
            fig_sel: 0,
            fig_scroll: 0,
            sort: Sort::Source,
            reader: None,
            help: None,
            size: Rect::new(0, 0, 80, 24),
            hits: Hits::default(),
            quit: false,
            marks: Vec::new(),
            views: Vec::new(),
            notice: None,
            trends: Vec::new(),
            fig_cells: FigCells::default(),
            matcher: SkimMatcherV2::default(),
            filter_steps: Vec::new(),
            misses: Vec::new(),
        };
        app.rebuild_rows(None);
        app
    }

    /// Where the user is, for the keymap.
    pub fn mode(&self) -> Mode {
        if self.help.is_some() {
            Mode::Help
        } else {
            self.screen_mode()
        }
    }

    /// The screen under the help overlay, if it is open.
    pub fn screen_mode(&self) -> Mode {
        if self.typing || (self.reader.is_none() && self.views.last().is_some_and(View::typing)) {
            Mode::Filter
        } else if self.reader.is_some() {
            Mode::Reader
        } else if let Some(v) = self.views.last() {
            match v {
                View::Compare(_) => Mode::Compare,
                View::Picker(_) => Mode::Picker,
                View::Rank(_) => Mode::Rank,
                View::Map(_) => Mode::Map,
                View::Table(_) => Mode::Table,
            }
        } else if self.focus == Focus::Figures {
            Mode::Figures
        } else {
            Mode::Regions
        }
    }

    /// The help overlay's lines for the screen under it.
    pub fn help_lines(&self) -> Vec<super::keymap::HelpLine> {
        super::keymap::help(self.lang, self.screen_mode())
    }

    /// The selected region's index, if any.
    pub fn region(&self) -> Option<usize> {
        self.rows.get(self.region_sel).map(|r| r.region)
    }

    /// The selected figure's index, if any.
    pub fn figure(&self) -> Option<usize> {
        self.figs.get(self.fig_sel).copied()
    }

    /// Adapts scrolling and wrapping to a new screen size.
    pub fn resize(&mut self, area: Rect) {
        if area != self.size {
            self.size = area;
            self.rewrap(true);
            self.fix_scroll();
        }
    }

    /// Text pasted at once (bracketed paste): typed into the field being edited, line breaks
    /// and other control characters as spaces. The regions filter runs once for the whole text,
    /// not once per character. Outside a text field a paste does nothing.
    pub fn paste(&mut self, text: &str) {
        let text: String = text
            .chars()
            .map(|c| if c.is_control() { ' ' } else { c })
            .collect();
        match self.mode() {
            Mode::Filter if self.typing => {
                self.notice = None;
                self.filter.push_str(&text);
                self.refilter();
            }
            Mode::Filter => {
                for c in text.chars() {
                    self.step(Action::FilterChar(c));
                }
            }
            _ => {}
        }
    }

    /// Applies one action.
    pub fn step(&mut self, action: Action) {
        self.notice = None;
        if action == Action::Quit {
            self.quit = true;
            return;
        }
        if action == Action::Lang {
            self.lang = self.lang.toggled();
            if self.sort == Sort::Metric {
                self.sort_figs();
            } else {
                self.fig_cells = FigCells::new(&self.ix, &self.figs, self.lang);
            }
            return;
        }
        match self.mode() {
            Mode::Help => self.step_help(action),
            Mode::Filter if !self.typing => self.step_view(action),
            Mode::Filter => self.step_filter(action),
            Mode::Reader => self.step_reader(action),
            Mode::Compare | Mode::Picker | Mode::Rank | Mode::Map | Mode::Table => {
                self.step_view(action)
            }
            Mode::Regions | Mode::Figures => self.step_browse(action),
        }
        self.fix_scroll();
    }

    fn step_help(&mut self, action: Action) {
        let max = self.help_lines().len();
        let Some(scroll) = self.help.as_mut() else {
            return;
        };
        match action {
            Action::Back | Action::Help => self.help = None,
            Action::Up | Action::PageUp => *scroll = scroll.saturating_sub(1),
            Action::Down | Action::PageDown => *scroll = (*scroll + 1).min(max),
            Action::Top => *scroll = 0,
            Action::Scroll(_, d) => *scroll = add(*scroll, d, max),
            _ => {}
        }
    }

    fn step_filter(&mut self, action: Action) {
        match action {
            Action::FilterChar(c) => {
                self.filter.push(c);
                self.refilter();
            }
            Action::FilterDelete => {
                self.filter.pop();
                self.refilter();
            }
            Action::FilterClear => {
                self.filter.clear();
                self.refilter();
            }
            Action::FilterDeleteWord => {
                delete_word(&mut self.filter);
                self.refilter();
            }
            Action::Open => {
                self.typing = false;
                if !self.figs.is_empty() {
                    self.focus = Focus::Figures;
                }
            }
            Action::Back => self.clear_filter(),
            _ => self.move_regions(action),
        }
    }

    fn step_reader(&mut self, action: Action) {
        let page = (self.reader_body().height as usize).max(1);
        let Some(r) = self.reader.as_mut() else {
            return;
        };
        let text = reader::text(&self.ix, r.article);
        let w = &mut r.wrapped;
        let max = w.last_top(text, page);
        r.scroll = match action {
            Action::Back => {
                self.reader = None;
                return;
            }
            Action::Help => {
                self.help = Some(0);
                return;
            }
            Action::Up => w.back(text, r.scroll, 1),
            Action::Down => w.forward(text, r.scroll, 1).min(max),
            Action::PageUp => w.back(text, r.scroll, page),
            Action::PageDown => w.forward(text, r.scroll, page).min(max),
            Action::Top => w.start(),
            Action::Bottom => max,
            Action::Scroll(_, d) if d < 0 => w.back(text, r.scroll, d.unsigned_abs() as usize),
            Action::Scroll(_, d) => w
                .forward(text, r.scroll, d.unsigned_abs() as usize)
                .min(max),
            Action::NextFigure if r.cur + 1 < r.figs.len() => {
                r.cur += 1;
                return self.reveal();
            }
            Action::PrevFigure if r.cur > 0 => {
                r.cur -= 1;
                return self.reveal();
            }
            _ => return,
        };
        self.show_lines();
    }

    fn step_browse(&mut self, action: Action) {
        match action {
            Action::Help => self.help = Some(0),
            Action::Mark => self.toggle_mark(),
            Action::Compare => self.open_compare(),
            Action::Rank => self.views.push(View::Picker(Picker::new(&self.ix))),
            Action::Map => self.views.push(View::Map(MapView::new(&self.ix, None))),
            Action::AllFigures => self.views.push(View::Table(TableView::new(&self.ix))),
            Action::Export => self.export_to(std::path::Path::new(".")),
            Action::Filter => {
                // A new search, not more of the last one.
                if !self.filter.is_empty() {
                    self.clear_filter();
                }
                self.typing = true;
            }
            Action::ClearMarks => {
                self.marks.clear();
                self.notice = Some(self.lang.pick("已清除全部标记", "marks cleared").into());
            }
            Action::Sort => {
                self.sort = self.sort.next();
                self.sort_figs();
            }
            Action::NextPane => {
                self.focus = match self.focus {
                    Focus::Regions => Focus::Figures,
                    Focus::Figures => Focus::Regions,
                }
            }
            Action::ClickRegion(i) if i < self.rows.len() => {
                self.focus = Focus::Regions;
                self.select_row(i);
            }
            Action::ClickFigure(i) if i < self.figs.len() => {
                self.focus = Focus::Figures;
                self.fig_sel = i;
            }
            Action::Scroll(Pane::Regions, d) => {
                self.select_row(add(self.region_sel, d, self.rows.len().saturating_sub(1)));
            }
            Action::Scroll(Pane::Figures, d) => {
                self.fig_sel = add(self.fig_sel, d, self.figs.len().saturating_sub(1));
            }
            Action::Back if !self.filter.is_empty() => self.clear_filter(),
            Action::Back => self.focus = Focus::Regions,
            _ if self.focus == Focus::Regions => self.step_regions(action),
            _ => self.step_figures(action),
        }
    }

    fn step_regions(&mut self, action: Action) {
        let row = self.rows.get(self.region_sel).cloned();
        match action {
            Action::Open => self.focus = Focus::Figures,
            Action::Collapse => {
                let Some(row) = row else { return };
                let r = row.region;
                let foldable = self.filter.is_empty()
                    && !self.ix.children[r].is_empty()
                    && self
                        .ix
                        .region(r)
                        .is_some_and(|x| x.kind != RegionKind::Nation);
                if foldable && !self.collapsed[r] {
                    self.collapsed[r] = true;
                    self.rebuild_rows(Some(r));
                } else if let Some(p) = self.ix.parent[r]
                    && let Some(i) = self.rows.iter().position(|x| x.region == p)
                {
                    self.select_row(i);
                }
            }
            Action::Expand => {
                let Some(row) = row else { return };
                if self.collapsed[row.region] {
                    self.collapsed[row.region] = false;
                    self.rebuild_rows(Some(row.region));
                } else {
                    self.focus = Focus::Figures;
                }
            }
            _ => self.move_regions(action),
        }
    }

    fn step_figures(&mut self, action: Action) {
        let page = self.figure_rows().height.max(1) as usize;
        let last = self.figs.len().saturating_sub(1);
        match action {
            Action::Up => self.fig_sel = self.fig_sel.saturating_sub(1),
            Action::Down => self.fig_sel = (self.fig_sel + 1).min(last),
            Action::PageUp => self.fig_sel = self.fig_sel.saturating_sub(page),
            Action::PageDown => self.fig_sel = (self.fig_sel + page).min(last),
            Action::Top => self.fig_sel = 0,
            Action::Bottom => self.fig_sel = last,
            Action::Collapse => self.focus = Focus::Regions,
            Action::Open => self.open_reader(),
            _ => {}
        }
    }

    fn move_regions(&mut self, action: Action) {
        let page = self.region_list().height.max(1) as usize;
        self.select_row(move_in(self.region_sel, self.rows.len(), action, page));
    }

    fn select_row(&mut self, i: usize) {
        let before = self.region();
        self.region_sel = i.min(self.rows.len().saturating_sub(1));
        if self.region() != before {
            self.load_figs();
        }
    }

    fn load_figs(&mut self) {
        self.figs = self
            .region()
            .and_then(|r| self.ix.region_figs.get(r))
            .cloned()
            .unwrap_or_default();
        self.trends = self
            .region()
            .map(|r| query::trends(&self.ix, r))
            .unwrap_or_default();
        self.sort_figs();
        self.fig_sel = 0;
        self.fig_scroll = 0;
    }

    fn sort_figs(&mut self) {
        let selected = self.figure();
        let ix = &self.ix;
        let figs = &ix.data.figures;
        match self.sort {
            Sort::Source => self.figs.sort_unstable(),
            Sort::Metric => self.figs.sort_by_cached_key(|&f| {
                let name = figs.get(f).map(|x| ix.figure_name(x, self.lang));
                (name, f)
            }),
            Sort::Value => self.figs.sort_by(|&a, &b| {
                let (va, vb) = (figs[a].value, figs[b].value);
                vb.total_cmp(&va).then(a.cmp(&b))
            }),
            Sort::Year => self
                .figs
                .sort_by_key(|&f| (std::cmp::Reverse(figs[f].year), f)),
        }
        if let Some(s) = selected {
            self.fig_sel = self.figs.iter().position(|&f| f == s).unwrap_or(0);
        }
        self.fig_cells = FigCells::new(&self.ix, &self.figs, self.lang);
    }

    /// Rebuilds the visible rows, keeping `keep` (or the current region) selected.
    fn rebuild_rows(&mut self, keep: Option<usize>) {
        let keep = keep.or(self.region());
        self.rows = if self.filter.trim().is_empty() {
            self.ix
                .tree(&self.collapsed)
                .into_iter()
                .map(|(region, depth)| Row {
                    region,
                    depth,
                    hit: None,
                })
                .collect()
        } else {
            let pattern = super::search::pattern_key(&self.filter);
            // A match has the pattern's letters in order in one of the region's keys, so
            // the regions a prefix of the pattern matched are the only ones to try.
            self.filter_steps
                .retain(|(p, _)| pattern.starts_with(p.as_str()));
            let candidates: Vec<usize> = match self.filter_steps.last() {
                Some((_, regions)) => regions.clone(),
                None => self
                    .ix
                    .tree(&vec![false; self.collapsed.len()])
                    .into_iter()
                    .map(|(region, _)| region)
                    .collect(),
            };
            let mut rows: Vec<Row> = candidates
                .into_iter()
                .filter_map(|region| {
                    let keys = self.ix.region_names.keys(region)?;
                    let hit = keys.best_of(&self.matcher, &pattern)?;
                    Some(Row {
                        region,
                        depth: 0,
                        hit: Some(hit),
                    })
                })
                .collect();
            if self.filter_steps.last().is_none_or(|(p, _)| *p != pattern) {
                let matched = rows.iter().map(|r| r.region).collect();
                self.filter_steps.push((pattern, matched));
            }
            // Stable sort: equal scores keep tree order.
            rows.sort_by_key(|r| std::cmp::Reverse(r.hit.as_ref().map_or(0, |h| h.score)));
            // Typos the fuzzy match cannot see (`chegndu`, `杭洲`) follow its matches.
            let mut listed = vec![false; self.collapsed.len()];
            for r in &rows {
                if let Some(l) = listed.get_mut(r.region) {
                    *l = true;
                }
            }
            let misses = match self.misses.iter().find(|(f, _)| *f == self.filter) {
                Some((_, m)) => m.clone(),
                None => {
                    let m = self.ix.region_names.near_misses(&self.filter);
                    if self.misses.len() >= 8 {
                        self.misses.remove(0);
                    }
                    self.misses.push((self.filter.clone(), m.clone()));
                    m
                }
            };
            for region in misses {
                if !listed.get(region).copied().unwrap_or(false) {
                    if let Some(l) = listed.get_mut(region) {
                        *l = true;
                    }
                    rows.push(Row {
                        region,
                        depth: 0,
                        hit: Some(Hit {
                            score: 0,
                            name_chars: Vec::new(),
                            alias: None,
                        }),
                    });
                }
            }
            rows
        };
        let sel = keep
            .and_then(|k| self.rows.iter().position(|r| r.region == k))
            .unwrap_or(0);
        self.region_sel = usize::MAX;
        self.select_row(sel);
    }

    fn refilter(&mut self) {
        self.rebuild_rows(None);
        // While typing, the best match is what the user wants to see.
        self.select_row(0);
        self.region_scroll = 0;
    }

    fn clear_filter(&mut self) {
        let keep = self.region();
        self.typing = false;
        self.filter.clear();
        // Show the chosen region in the tree even if an ancestor was collapsed.
        let mut cur = keep.and_then(|k| self.ix.parent[k]);
        while let Some(p) = cur {
            self.collapsed[p] = false;
            cur = self.ix.parent[p];
        }
        self.rebuild_rows(keep);
    }

    fn open_reader(&mut self) {
        if let Some(f) = self.figure() {
            self.open_figure(f);
        }
    }

    fn fix_scroll(&mut self) {
        let h = self.region_list().height.max(1) as usize;
        self.region_scroll = keep_visible(self.region_scroll, self.region_sel, h);
        let h = self.figure_rows().height.max(1) as usize;
        self.fig_scroll = keep_visible(self.fig_scroll, self.fig_sel, h);
        let lines = self.help_lines().len();
        if let Some(help) = self.help.as_mut() {
            *help = (*help).min(lines);
        }
    }

    /// The regions list area of the current layout.
    pub fn region_list(&self) -> Rect {
        let s = layout::screen(self.size);
        layout::regions_parts(s.regions, self.typing || !self.filter.is_empty()).1
    }

    /// The figure rows of the current layout.
    pub fn figure_rows(&self) -> Rect {
        layout::table_rows(&self.region_parts())
    }

    /// The region pane's parts, with room for the selected region's trends.
    pub fn region_parts(&self) -> layout::RegionParts {
        layout::region_parts_with(layout::screen(self.size).region, self.trends.len())
    }

    /// The reader's body area in the current layout.
    pub fn reader_body(&self) -> Rect {
        layout::reader_parts(layout::screen(self.size).reader).1
    }
}

impl std::fmt::Debug for App {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("App")
            .field("mode", &self.mode())
            .field("filter", &self.filter)
            .field("region", &self.region())
            .field("figure", &self.figure())
            .finish_non_exhaustive()
    }
}

/// Deletes the last word of `s`, and the spaces after it, as Ctrl-W does in a shell.
pub fn delete_word(s: &mut String) {
    while s.ends_with(char::is_whitespace) {
        s.pop();
    }
    while s.chars().next_back().is_some_and(|c| !c.is_whitespace()) {
        s.pop();
    }
}

fn add(v: usize, d: i32, max: usize) -> usize {
    let d = isize::try_from(d).unwrap_or(0);
    v.saturating_add_signed(d).min(max)
}
