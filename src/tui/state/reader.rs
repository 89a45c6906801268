//! Opening an article in the reader and keeping the selected figure in view.

use super::{App, Reader, Wrapped};
use crate::tui::index::Index;

/// The text of article `a` (empty when there is none).
pub(super) fn text(ix: &Index, a: usize) -> &str {
    ix.article(a).map(|a| a.text.as_str()).unwrap_or("")
}

impl App {
    /// Opens figure `f`'s article in the reader, scrolled to the figure.
    pub(super) fn open_figure(&mut self, f: usize) {
        let Some(article) = self.ix.figure_article.get(f).copied().flatten() else {
            return;
        };
        let figs = self.ix.article_figs[article].clone();
        let cur = figs.iter().position(|&x| x == f).unwrap_or(0);
        let width = usize::from(self.reader_body().width);
        self.reader = Some(Reader {
            article,
            figs,
            cur,
            scroll: Default::default(),
            shown: Vec::new(),
            shown_byte: 0,
            wrapped: Wrapped::new(text(&self.ix, article), width),
        });
        self.reveal();
    }

    /// Re-wraps the article for the current width; `reveal` scrolls to the selected figure.
    pub(super) fn rewrap(&mut self, reveal: bool) {
        let width = usize::from(self.reader_body().width).max(1);
        let Some(r) = self.reader.as_mut() else {
            return;
        };
        if r.wrapped.width() != width {
            r.wrapped = Wrapped::new(text(&self.ix, r.article), width);
            r.scroll = Default::default();
        }
        if reveal {
            self.reveal();
        } else {
            self.show_lines();
        }
    }

    /// Scrolls the reader so the selected figure sits a third of the way down.
    pub(super) fn reveal(&mut self) {
        let h = (self.reader_body().height as usize).max(1);
        let Some(r) = self.reader.as_mut() else {
            return;
        };
        let Some(f) = r.figs.get(r.cur).and_then(|&f| self.ix.figure(f)) else {
            return self.show_lines();
        };
        let text = text(&self.ix, r.article);
        let line = r.wrapped.pos_of(text, f.span[0]);
        let max = r.wrapped.last_top(text, h);
        r.scroll = r.wrapped.back(text, line, h / 3).min(max);
        self.show_lines();
    }

    /// Takes the lines on screen from the wrapped text, wrapping only the blocks they are in.
    pub(super) fn show_lines(&mut self) {
        let h = self.reader_body().height as usize;
        let Some(r) = self.reader.as_mut() else {
            return;
        };
        let text = text(&self.ix, r.article);
        r.shown = r.wrapped.take(text, r.scroll, h);
        r.shown_byte = r
            .shown
            .first()
            .map_or(0, |l| r.wrapped.byte_of(text, l.start));
    }
}
