//! The help overlay, drawn from the keymap's help lines: grouped by screen, the current
//! screen first.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Color, Modifier, Style};
use ratatui::widgets::Widget;

use super::{clear_popup, frame, put};
use crate::text;
use crate::tui::keymap::HelpLine;
use crate::tui::state::App;

/// Width of the keys column.
const KEYS_W: usize = 14;

/// The help overlay.
pub struct HelpPopup<'a> {
    /// The app to draw.
    pub app: &'a App,
    /// First line shown.
    pub scroll: usize,
}

impl Widget for HelpPopup<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let lang = self.app.lang;
        clear_popup(buf, area);
        frame(
            buf,
            area,
            lang.pick("帮助 · Esc 关闭", "Help · Esc closes"),
            true,
        );
        let inner = crate::tui::layout::inner(area);
        let key_style = Style::new().fg(Color::Yellow).add_modifier(Modifier::BOLD);
        let heading = Style::new().fg(Color::Cyan).add_modifier(Modifier::BOLD);
        let rows = self.app.help_lines();
        let shown = rows
            .iter()
            .skip(self.scroll)
            .take(usize::from(inner.height));
        for (n, line) in shown.enumerate() {
            let y = inner.y + u16::try_from(n).unwrap_or(0);
            match line {
                HelpLine::Blank => {}
                HelpLine::Heading(h) => {
                    put(buf, inner.x, y, inner.width, h, heading);
                }
                HelpLine::Key(keys, what) => {
                    let kw = KEYS_W.min(usize::from(inner.width));
                    let used = put(
                        buf,
                        inner.x,
                        y,
                        inner.width,
                        &text::pad(&format!(" {keys}"), kw),
                        key_style,
                    );
                    put(
                        buf,
                        inner.x + used,
                        y,
                        inner.width - used,
                        what,
                        Style::new(),
                    );
                }
            }
        }
    }
}
