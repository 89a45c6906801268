//! The reader: a whole article wrapped to the window, every figure underlined and the
//! selected one reversed.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Color, Modifier, Style};
use ratatui::widgets::Widget;

use super::{frame, put, put_chars};
use crate::tui::layout;
use crate::tui::state::App;

/// The reader pane.
pub struct ReaderPane<'a> {
    /// The app to draw.
    pub app: &'a App,
}

impl Widget for ReaderPane<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let app = self.app;
        let lang = app.lang;
        let Some(r) = app.reader.as_ref() else {
            return;
        };
        let title = format!(
            "{} · {} {}/{}",
            lang.pick("原文", "Article"),
            lang.pick("数据", "figure"),
            r.cur + 1,
            r.figs.len()
        );
        frame(buf, area, &title, true);
        let (head, body) = layout::reader_parts(area);
        let Some(article) = app.ix.article(r.article) else {
            return;
        };
        let dim = Style::new().fg(Color::DarkGray);
        if head.height > 0 {
            let bold = Style::new().add_modifier(Modifier::BOLD);
            let t = if article.title.is_empty() {
                lang.pick("（无标题）", "(untitled)")
            } else {
                article.title.as_str()
            };
            put(buf, head.x, head.y, head.width, t, bold);
        }
        if head.height > 1 {
            // Who wrote it, when it was published, where it came from.
            let date = article
                .date
                .clone()
                .unwrap_or_else(|| lang.pick("日期不明", "date unknown").to_string());
            let meta = [article.byline.as_str(), &date, &article.source]
                .iter()
                .filter(|s| !s.is_empty())
                .copied()
                .collect::<Vec<&str>>()
                .join(" · ");
            put(buf, head.x, head.y + 1, head.width, &meta, dim);
        }
        if head.height > 2 {
            // What gaoxin read into the selected figure, to check against the text below.
            let what = r.figs.get(r.cur).map_or(String::new(), |&f| {
                super::attribution::line(&app.ix, f, lang)
            });
            let style = Style::new().fg(Color::Yellow);
            put(
                buf,
                head.x,
                head.y + 2,
                head.width,
                &format!("▸ {what}"),
                style,
            );
        }
        // The state keeps only the lines on screen: an article may be megabytes long.
        let visible = r.shown.iter().take(usize::from(body.height));
        let lo = r.shown.first().map_or(0, |l| l.start);
        let hi = visible.clone().map(|l| l.end).max().unwrap_or(lo);
        let spans: Vec<[usize; 2]> = r
            .figs
            .iter()
            .filter_map(|&f| app.ix.figure(f).map(|f| f.span))
            .filter(|s| s[0] < hi && s[1] > lo)
            .collect();
        let current = r
            .figs
            .get(r.cur)
            .and_then(|&f| app.ix.figure(f))
            .map(|f| f.span);
        let chars: Vec<char> = article
            .text
            .get(r.shown_byte..)
            .unwrap_or_default()
            .chars()
            .take(hi.saturating_sub(lo))
            .collect();
        let under = Style::new()
            .fg(Color::Cyan)
            .add_modifier(Modifier::UNDERLINED);
        let lit = Style::new()
            .fg(Color::Black)
            .bg(Color::Yellow)
            .add_modifier(Modifier::REVERSED | Modifier::BOLD);
        for (n, line) in visible.enumerate() {
            let y = body.y + u16::try_from(n).unwrap_or(0);
            let styled = line.clone().filter_map(|k| {
                let c = *chars.get(k.checked_sub(lo)?)?;
                let inside = |s: &[usize; 2]| s[0] <= k && k < s[1];
                let style = if current.as_ref().is_some_and(inside) {
                    lit
                } else if spans.iter().any(inside) {
                    under
                } else {
                    Style::new()
                };
                Some((c, style))
            });
            put_chars(buf, body.x, y, body.width, styled);
        }
    }
}
