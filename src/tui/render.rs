//! Drawing (read-only over the state in `state` and `screens`): one small widget per pane, each rendering from the app's state. Text reaches the
//! buffer only through [`put`], which measures with `crate::text` and never lets a wide
//! character straddle the edge of the area it was given.

pub mod attribution;
pub mod compare;
pub mod help;
pub mod map;
pub mod rank;
pub mod reader;
pub mod region;
pub mod regions;
pub mod status;
pub mod table;
pub mod trends;

use ratatui::Frame;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Color, Modifier, Style};
use ratatui::widgets::{Block, BorderType, Clear, Widget};

use super::layout;
use super::screens::View;
use super::state::App;
use crate::text;

pub use super::layout::Hits;

/// Draws the whole screen for `app` and records the hit areas in it.
pub fn draw(frame: &mut Frame, app: &mut App) {
    let area = frame.area();
    app.resize(area);
    let hits = render(app, area, frame.buffer_mut());
    app.hits = hits;
}

/// Renders the app into `buf` over `area`; returns where things went.
pub fn render(app: &App, area: Rect, buf: &mut Buffer) -> Hits {
    let screen = layout::screen(area);
    let mut hits = Hits::default();
    if screen.too_small {
        too_small(app, area, buf);
        return hits;
    }
    // The picker pops up over whatever is under it.
    let picker = match app.views.last() {
        Some(View::Picker(p)) => Some(p),
        _ => None,
    };
    let under = app
        .views
        .iter()
        .rev()
        .find(|v| !matches!(v, View::Picker(_)));
    if app.reader.is_some() {
        reader::ReaderPane { app }.render(screen.reader, buf);
        hits.reader = screen.reader;
        hits.panes.push(screen.reader);
    } else if let Some(view) = under {
        let area = screen.reader;
        match view {
            View::Compare(view) => compare::ComparePane { app, view }.render(area, buf),
            View::Rank(view) => rank::RankPane { app, view }.render(area, buf),
            View::Map(view) => map::MapPane { app, view }.render(area, buf),
            View::Table(view) => table::TablePane { app, view }.render(area, buf),
            View::Picker(_) => {}
        }
        hits.view = area;
        hits.panes.push(area);
    } else {
        regions::RegionsPane { app }.render(screen.regions, buf);
        region::RegionPane { app }.render(screen.region, buf);
        hits.regions_pane = screen.regions;
        hits.regions = app.region_list();
        hits.region_scroll = app.region_scroll;
        hits.region_pane = screen.region;
        hits.figures = app.figure_rows();
        hits.fig_scroll = app.fig_scroll;
        hits.panes.extend([screen.regions, screen.region]);
    }
    if let Some(picker) = picker.filter(|_| app.reader.is_none()) {
        let popup = layout::picker_popup(screen.reader);
        rank::PickerPopup { app, picker }.render(popup, buf);
        hits.view = popup;
        hits.panes.push(popup);
    }
    status::StatusLine { app }.render(screen.status, buf);
    if let Some(scroll) = app.help {
        let lines = app.help_lines();
        let popup = layout::help_popup(screen.reader, lines.len());
        help::HelpPopup { app, scroll }.render(popup, buf);
        hits.help = popup;
        hits.panes.push(popup);
    }
    hits
}

fn too_small(app: &App, area: Rect, buf: &mut Buffer) {
    let msg = format!(
        "{} {}×{}",
        app.lang
            .pick("窗口太小，至少需要", "Window too small; need at least"),
        layout::MIN_WIDTH,
        layout::MIN_HEIGHT
    );
    let lines = layout::wrap_chars(&msg, area.width as usize);
    let chars: Vec<char> = msg.chars().collect();
    for (i, l) in lines.iter().enumerate().take(area.height as usize) {
        let s: String = chars.get(l.clone()).unwrap_or(&[]).iter().collect();
        let y = area.y + u16::try_from(i).unwrap_or(0);
        put(
            buf,
            area.x,
            y,
            area.width,
            &s,
            Style::new().fg(Color::Yellow),
        );
    }
}

/// Writes `s` at (x, y) in at most `width` columns; returns the columns used. A wide character
/// that would not fit whole is left out.
pub fn put(buf: &mut Buffer, x: u16, y: u16, width: u16, s: &str, style: Style) -> u16 {
    put_chars(buf, x, y, width, s.chars().map(|c| (c, style)))
}

/// Like [`put`], one style per character.
pub fn put_chars(
    buf: &mut Buffer,
    x: u16,
    y: u16,
    width: u16,
    chars: impl IntoIterator<Item = (char, Style)>,
) -> u16 {
    let mut used: u16 = 0;
    let mut one = [0u8; 4];
    for (c, style) in chars {
        // Sanitize per character so char offsets (figure spans) stay aligned with the text.
        for d in text::sanitize(c.encode_utf8(&mut one)).chars() {
            let w = u16::try_from(text::char_width(d)).unwrap_or(2);
            if w == 0 {
                continue;
            }
            if used + w > width {
                return used;
            }
            let mut sym = [0u8; 4];
            if let Some(cell) = buf.cell_mut((x + used, y)) {
                cell.set_symbol(d.encode_utf8(&mut sym)).set_style(style);
            }
            for k in 1..w {
                if let Some(cell) = buf.cell_mut((x + used + k, y)) {
                    cell.reset();
                    cell.set_style(style);
                }
            }
            used += w;
        }
    }
    used
}

/// Cuts styled characters to `width` columns, ending with `…` when anything was cut.
pub fn fit(chars: Vec<(char, Style)>, width: u16) -> Vec<(char, Style)> {
    let width = usize::from(width);
    let total: usize = chars.iter().map(|(c, _)| text::char_width(*c)).sum();
    if total <= width {
        return chars;
    }
    let mut out = Vec::new();
    let mut used = 0;
    for (c, st) in chars {
        let w = text::char_width(c);
        if used + w + 1 > width {
            out.push(('…', st));
            break;
        }
        used += w;
        out.push((c, st));
    }
    out
}

/// Writes a dim one-line message (an empty list, a missing value) at the top-left of `area`.
pub fn note(buf: &mut Buffer, area: Rect, msg: &str) {
    if area.height > 0 {
        put(
            buf,
            area.x,
            area.y,
            area.width,
            msg,
            Style::new().fg(Color::DarkGray),
        );
    }
}

/// A dim section rule with a title, `─ 原文 `, across the top row of `area`.
pub fn rule(buf: &mut Buffer, area: Rect, title: &str) {
    let rule = format!("─ {title} ");
    let dim = Style::new().fg(Color::DarkGray);
    let w = usize::from(area.width);
    put(buf, area.x, area.y, area.width, &text::pad(&rule, w), dim);
}

/// Columns a string occupies, as a screen coordinate.
pub fn cols(s: &str) -> u16 {
    u16::try_from(text::width(s)).unwrap_or(u16::MAX)
}

/// Fills a list row and returns its style: [`selected`] when `on`, plain otherwise.
pub fn list_row(buf: &mut Buffer, x: u16, y: u16, width: u16, on: bool) -> Style {
    let style = if on { selected(true) } else { Style::new() };
    fill(buf, x, y, width, style);
    style
}

/// Fills `width` columns at (x, y) with spaces in `style`.
pub fn fill(buf: &mut Buffer, x: u16, y: u16, width: u16, style: Style) {
    for k in 0..width {
        if let Some(cell) = buf.cell_mut((x + k, y)) {
            cell.reset();
            cell.set_style(style);
        }
    }
}

/// Draws a bordered pane with a title; the border is highlighted when `focused`.
pub fn frame(buf: &mut Buffer, area: Rect, title: &str, focused: bool) {
    let color = if focused {
        Color::Cyan
    } else {
        Color::DarkGray
    };
    Block::bordered()
        .border_type(BorderType::Rounded)
        .border_style(Style::new().fg(color))
        .render(area, buf);
    if area.width > 4 {
        let style = Style::new().fg(color).add_modifier(Modifier::BOLD);
        put(buf, area.x + 2, area.y, area.width - 4, title, style);
    }
}

/// Clears `area` for a popup, and blanks any wide character whose right half it would cover.
pub fn clear_popup(buf: &mut Buffer, area: Rect) {
    Clear.render(area, buf);
    if area.x == 0 {
        return;
    }
    for y in area.y..area.bottom() {
        if let Some(cell) = buf.cell_mut((area.x - 1, y))
            && text::width(cell.symbol()) > 1
        {
            cell.set_symbol(" ");
        }
    }
}

/// The style of the selected row: reversed in the focused pane, underlined elsewhere.
pub fn selected(focused: bool) -> Style {
    if focused {
        Style::new().add_modifier(Modifier::REVERSED)
    } else {
        Style::new().bg(Color::DarkGray)
    }
}
