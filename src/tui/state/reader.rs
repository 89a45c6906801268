//! Opening an article in the reader and keeping the selected figure in view.

use super::{App, Reader};
use crate::tui::layout;

impl App {
    /// Opens figure `f`'s article in the reader, scrolled to the figure.
    pub(super) fn open_figure(&mut self, f: usize) {
        let Some(article) = self.ix.figure_article.get(f).copied().flatten() else {
            return;
        };
        let figs = self.ix.article_figs[article].clone();
        let cur = figs.iter().position(|&x| x == f).unwrap_or(0);
        self.reader = Some(Reader {
            article,
            figs,
            cur,
            scroll: 0,
            lines: Vec::new(),
            width: 0,
        });
        self.rewrap(true);
    }

    /// Re-wraps the article for the current width; `reveal` scrolls to the selected figure.
    pub(super) fn rewrap(&mut self, reveal: bool) {
        let body = self.reader_body();
        let Some(r) = self.reader.as_mut() else {
            return;
        };
        if r.width != body.width || r.lines.is_empty() {
            let text = self
                .ix
                .article(r.article)
                .map(|a| a.text.as_str())
                .unwrap_or("");
            r.lines = layout::wrap_chars(text, body.width.max(1) as usize);
            r.width = body.width;
        }
        if reveal {
            self.reveal();
        }
    }

    /// Scrolls the reader so the selected figure sits a third of the way down.
    pub(super) fn reveal(&mut self) {
        let h = self.reader_body().height as usize;
        let Some(r) = self.reader.as_mut() else {
            return;
        };
        let Some(f) = r.figs.get(r.cur).and_then(|&f| self.ix.figure(f)) else {
            return;
        };
        let line = layout::line_of(&r.lines, f.span[0]);
        let max = r.lines.len().saturating_sub(h.max(1));
        r.scroll = line.saturating_sub(h / 3).min(max);
    }
}
