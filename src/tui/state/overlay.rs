//! The app's side of the views over the browser: marking regions, opening views, and
//! carrying out what a view asks for.

use ratatui::layout::Rect;

use super::{App, Focus};
use crate::query::compare;
use crate::tui::keymap::Action;
use crate::tui::layout;
use crate::tui::screens::{CompareView, MapView, Outcome, Picker, RankView, View};

impl App {
    pub(super) fn step_view(&mut self, action: Action) {
        if action == Action::Help {
            self.help = Some(0);
            return;
        }
        if action == Action::Export {
            self.export_to(std::path::Path::new("."));
            return;
        }
        let page = usize::from(self.view_rows().height);
        let Some(view) = self.views.last_mut() else {
            return;
        };
        let out = match view {
            View::Compare(v) => v.step(action, page),
            View::Picker(p) => p.step(&self.ix, action, page),
            View::Rank(v) => v.step(&self.ix, action, page),
            View::Map(m) => m.step(&self.ix, action),
            View::Table(t) => t.step(&self.ix, action, page),
        };
        match out {
            Outcome::Stay => {}
            Outcome::Close => {
                self.views.pop();
            }
            Outcome::OpenFigure(f) => self.open_figure(f),
            Outcome::OpenRegion(r) => {
                self.views.clear();
                self.show_region(r);
            }
            Outcome::Picked(m) => {
                self.views.pop();
                if let Some(View::Map(map)) = self.views.last_mut() {
                    *map = MapView::new(&self.ix, Some(m));
                } else {
                    self.views.push(View::Rank(RankView::new(&self.ix, &m)));
                }
            }
            Outcome::Map(m) => self.views.push(View::Map(MapView::new(&self.ix, m))),
            Outcome::Pick => self.views.push(View::Picker(Picker::new(&self.ix))),
        }
    }

    /// Marks or unmarks the selected region for comparison.
    pub(super) fn toggle_mark(&mut self) {
        let Some(r) = self.region() else { return };
        if let Some(i) = self.marks.iter().position(|&m| m == r) {
            self.marks.remove(i);
        } else if self.marks.len() < compare::MAX_REGIONS {
            self.marks.push(r);
        } else {
            let msg = self
                .lang
                .pick("最多比较 6 个地区", "at most 6 regions compare");
            self.notice = Some(msg.into());
        }
    }

    pub(super) fn open_compare(&mut self) {
        match CompareView::new(&self.ix, &self.marks) {
            Some(v) => self.views.push(View::Compare(v)),
            None => {
                let msg = self.lang.pick(
                    "先用空格标记 2–6 个地区",
                    "mark 2–6 regions with Space first",
                );
                self.notice = Some(msg.into());
            }
        }
    }

    /// Closes the filter and selects region `r` in the tree, with its figures focused.
    pub fn show_region(&mut self, r: usize) {
        self.typing = false;
        self.filter.clear();
        let mut cur = self.ix.parent.get(r).copied().flatten();
        while let Some(p) = cur {
            self.collapsed[p] = false;
            cur = self.ix.parent[p];
        }
        self.rebuild_rows(Some(r));
        self.focus = if self.figs.is_empty() {
            Focus::Regions
        } else {
            Focus::Figures
        };
    }

    /// The rows of the top view's list or table: what a page is there.
    pub fn view_rows(&self) -> Rect {
        let pane = layout::screen(self.size).reader;
        match self.views.last() {
            Some(View::Compare(v)) => {
                let (table, _) = layout::compare_parts(pane, v.cmp.regions.len());
                layout::table_rows_of(table)
            }
            Some(View::Picker(_)) => layout::picker_parts(layout::picker_popup(pane)).1,
            Some(View::Rank(_)) => layout::table_rows_of(layout::rank_parts(pane).1),
            Some(View::Table(_)) => layout::table_view_parts(pane).2,
            Some(View::Map(_)) | None => layout::inner(pane),
        }
    }
}
