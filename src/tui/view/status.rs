//! The status line: the mode, then the main keys of that mode from the keymap.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Color, Modifier, Style};
use ratatui::widgets::Widget;

use super::{fill, put};
use crate::tui::keymap;
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
        for b in keymap::bindings(mode).filter(|b| b.status) {
            let first = b.keys.first().map(|k| k.label()).unwrap_or_default();
            let keys = format!(" {first}");
            let what = format!(" {}", app.lang.pick(b.zh, b.en));
            let room = area.right().saturating_sub(x);
            let need = crate::text::width(&keys) + crate::text::width(&what);
            if need > usize::from(room) {
                continue;
            }
            let key_style = bar.fg(Color::Yellow).add_modifier(Modifier::BOLD);
            x += put(buf, x, area.y, room, &keys, key_style);
            x += put(buf, x, area.y, area.right() - x, &what, bar);
        }
    }
}
