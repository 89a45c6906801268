//! The status line: the mode, then the main keys of that mode from the keymap.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Color, Modifier, Style};
use ratatui::widgets::Widget;

use super::{fill, put};
use crate::tui::keymap::{self, Action};
use crate::tui::state::App;

/// The bottom line.
pub struct StatusLine<'a> {
    /// The app to draw.
    pub app: &'a App,
}

impl Widget for StatusLine<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let app = self.app;
        let mode = app.mode();
        let bar = Style::new().bg(Color::Black).fg(Color::Gray);
        fill(buf, area.x, area.y, area.width, bar);
        let tag = format!(" {} ", mode.name(app.lang));
        let badge = Style::new()
            .bg(Color::Cyan)
            .fg(Color::Black)
            .add_modifier(Modifier::BOLD);
        let mut x = area.x + put(buf, area.x, area.y, area.width, &tag, badge);
        if let Some(notice) = &app.notice {
            let style = bar.fg(Color::Yellow).add_modifier(Modifier::BOLD);
            put(
                buf,
                x,
                area.y,
                area.right() - x,
                &format!(" {notice}"),
                style,
            );
            return;
        }
        if !app.marks.is_empty() {
            let marks = format!(
                " {} {}/{}",
                app.lang.pick("已选", "marked"),
                app.marks.len(),
                crate::query::compare::MAX_REGIONS
            );
            x += put(
                buf,
                x,
                area.y,
                area.right() - x,
                &marks,
                bar.fg(Color::Magenta),
            );
        }
        // Help and quit always keep their place at the end; the rest fill what is left.
        let last = |b: &keymap::Binding| matches!(b.action, Action::Help | Action::Quit);
        let item = |b: &keymap::Binding| {
            let first = b.keys.first().map(|k| k.label()).unwrap_or_default();
            (
                format!(" {first}"),
                format!(" {}", app.lang.pick(b.zh, b.en)),
            )
        };
        let width = |(k, w): &(String, String)| crate::text::width(k) + crate::text::width(w);
        let shown: Vec<&keymap::Binding> = keymap::bindings(mode).filter(|b| b.status).collect();
        let reserved: usize = shown
            .iter()
            .filter(|b| last(b))
            .map(|b| width(&item(b)))
            .sum();
        let key_style = bar.fg(Color::Yellow).add_modifier(Modifier::BOLD);
        let order = shown
            .iter()
            .filter(|b| !last(b))
            .chain(shown.iter().filter(|b| last(b)));
        for b in order {
            let (keys, what) = item(b);
            let room = usize::from(area.right().saturating_sub(x));
            let keep = if last(b) { 0 } else { reserved };
            if width(&(keys.clone(), what.clone())) + keep > room {
                continue;
            }
            x += put(buf, x, area.y, area.right() - x, &keys, key_style);
            x += put(buf, x, area.y, area.right() - x, &what, bar);
        }
    }
}
