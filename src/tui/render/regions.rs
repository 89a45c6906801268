//! The regions pane: the nation, then provinces → cities → districts and parks, each with its
//! figure count; or, while filtering, the matches best first with matched characters lit.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Color, Modifier, Style};
use ratatui::widgets::Widget;

use super::{fill, fit, frame, note, put, put_chars, selected};
use crate::text;
use crate::tui::layout;
use crate::tui::state::{App, Focus};

/// The regions pane.
pub struct RegionsPane<'a> {
    /// The app to draw.
    pub app: &'a App,
}

impl Widget for RegionsPane<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let app = self.app;
        let lang = app.lang;
        let focused = app.focus == Focus::Regions || app.typing;
        frame(buf, area, lang.pick("地区", "Regions"), focused);
        let (filter, list) = layout::regions_parts(area, app.typing || !app.filter.is_empty());
        if let Some(line) = filter {
            let style = Style::new().fg(Color::Yellow);
            let count = format!(" {}", app.rows.len());
            let cw = u16::try_from(text::width(&count))
                .unwrap_or(0)
                .min(line.width);
            let cursor = if app.typing { "▏" } else { "" };
            let shown = format!("/{}{cursor}", app.filter);
            // Keep the end of a long filter in view: that is where the user types.
            let room = usize::from(line.width - cw);
            let mut tail: String = shown.clone();
            while text::width(&tail) > room && !tail.is_empty() {
                tail.remove(0);
            }
            put(buf, line.x, line.y, line.width - cw, &tail, style);
            put(
                buf,
                line.right() - cw,
                line.y,
                cw,
                &count,
                Style::new().fg(Color::DarkGray),
            );
        }
        if app.rows.is_empty() {
            let msg = if app.filter.is_empty() {
                lang.pick("（没有地区）", "(no regions)")
            } else {
                lang.pick("（没有匹配的地区）", "(no region matches)")
            };
            note(buf, list, msg);
            return;
        }
        let visible = app.rows.iter().enumerate().skip(app.region_scroll);
        for (n, (i, row)) in visible.take(list.height as usize).enumerate() {
            let y = list.y + u16::try_from(n).unwrap_or(0);
            let Some(region) = app.ix.region(row.region) else {
                continue;
            };
            let base = if i == app.region_sel {
                selected(focused && app.reader.is_none())
            } else {
                Style::new()
            };
            fill(buf, list.x, y, list.width, base);
            let name_x = layout::region_name_column(list, row.depth);
            let has_children = !app.ix.children[row.region].is_empty();
            if has_children && row.hit.is_none() && name_x >= list.x + 2 {
                let mark = if app.collapsed[row.region] {
                    "▸"
                } else {
                    "▾"
                };
                put(buf, name_x - 2, y, 1, mark, base.fg(Color::DarkGray));
            }
            let own = app.ix.region_figs[row.region].len();
            let all = app.ix.subtree_figs.get(row.region).copied().unwrap_or(own);
            // Own figures, then the whole subtree's when that adds any: `0 · 20`.
            let mut count = if all > own {
                format!("{own} · {all}")
            } else {
                own.to_string()
            };
            // Marked for comparison: the mark's number before the count.
            if let Some(m) = app.marks.iter().position(|&m| m == row.region) {
                count = format!("[{}] {count}", m + 1);
            }
            let cw = u16::try_from(text::width(&count)).unwrap_or(0);
            let right = list.right();
            let name_w = right.saturating_sub(name_x).saturating_sub(cw + 1);
            let lit = base.fg(Color::Yellow).add_modifier(Modifier::BOLD);
            let hit = row.hit.as_ref();
            let mut name: Vec<(char, Style)> = region
                .name
                .chars()
                .enumerate()
                .map(|(k, c)| {
                    let on = hit.is_some_and(|h| h.name_chars.contains(&k));
                    (c, if on { lit } else { base })
                })
                .collect();
            if let Some((alias, idx)) = hit.and_then(|h| h.alias.as_ref()) {
                let dim = base.fg(Color::DarkGray);
                name.push((' ', dim));
                name.extend(
                    alias
                        .chars()
                        .enumerate()
                        .map(|(k, c)| (c, if idx.contains(&k) { lit } else { dim })),
                );
            }
            put_chars(buf, name_x, y, name_w, fit(name, name_w));
            if cw < right.saturating_sub(name_x) {
                let marked = count.starts_with('[');
                let color = if marked {
                    Color::Magenta
                } else {
                    Color::DarkGray
                };
                put(buf, right - cw, y, cw, &count, base.fg(color));
            }
        }
    }
}
