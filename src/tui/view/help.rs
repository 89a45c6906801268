//! The help overlay, written from the keymap table plus a legend of the figure markers.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Color, Modifier, Style};
use ratatui::widgets::Widget;

use super::{clear_popup, frame, put};
use crate::dataset::{Modality, Qualifier};
use crate::text;
use crate::tui::format;
use crate::tui::i18n::Lang;
use crate::tui::keymap::{self, Action, KEYMAP};
use crate::tui::state::App;

/// Width of the keys column.
const KEYS_W: usize = 14;

/// The overlay's lines: (keys, what they do).
pub fn lines(lang: Lang) -> Vec<(String, String)> {
    let mut out: Vec<(String, String)> = Vec::new();
    for b in KEYMAP {
        let mut what = lang.pick(b.zh, b.en).to_string();
        if b.action == Action::Sort {
            what.push_str(lang.pick(
                "：原序 → 指标 → 数值 → 年份",
                ": source → metric → value → year",
            ));
        }
        if b.action == Action::Mark {
            what.push_str(lang.pick(
                " / 取消标记，比较 2–6 个地区",
                " / unmark; compare 2–6 regions",
            ));
        }
        let entry = (keymap::keys_label(b), what);
        if !out.contains(&entry) {
            out.push(entry);
        }
    }
    out.push((String::new(), String::new()));
    let qualifiers = [
        Qualifier::Over,
        Qualifier::About,
        Qualifier::Nearly,
        Qualifier::Under,
        Qualifier::UpTo,
    ];
    for q in qualifiers {
        let name = format::qualifier_name(q, lang).to_string();
        out.push((format::qualifier(q).to_string(), name));
    }
    for (m, zh, en) in [
        (Modality::Target, "目标值", "a target"),
        (Modality::Forecast, "预测值", "a forecast"),
    ] {
        out.push((
            format::modality(m, lang).to_string(),
            lang.pick(zh, en).to_string(),
        ));
    }
    out
}

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
        let rows = lines(lang);
        let shown = rows
            .iter()
            .skip(self.scroll)
            .take(usize::from(inner.height));
        for (n, (keys, what)) in shown.enumerate() {
            let y = inner.y + u16::try_from(n).unwrap_or(0);
            let kw = KEYS_W.min(usize::from(inner.width));
            let used = put(
                buf,
                inner.x,
                y,
                inner.width,
                &text::pad(keys, kw),
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
