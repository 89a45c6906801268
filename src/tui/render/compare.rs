//! The comparison: one column per marked region, one row per metric in one magnitude, the
//! best achieved value lit, and a bar chart of the selected row underneath.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Color, Modifier, Style};
use ratatui::widgets::Widget;

use super::{cols, fill, frame, note, put, rule};
use crate::dataset::Modality;
use crate::query::{CompareRow, format};
use crate::text;
use crate::tui::i18n::Lang;
use crate::tui::layout;
use crate::tui::screens::CompareView;
use crate::tui::state::App;

/// The comparison pane.
pub struct ComparePane<'a> {
    /// The app to draw.
    pub app: &'a App,
    /// The comparison.
    pub view: &'a CompareView,
}

impl Widget for ComparePane<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let (app, v) = (self.app, self.view);
        let lang = app.lang;
        let n = v.cmp.regions.len();
        let title = match lang {
            Lang::Zh => format!("比较 · {n} 个地区"),
            Lang::En => format!("Compare · {n} regions"),
        };
        frame(buf, area, &title, true);
        let (table, chart) = layout::compare_parts(area, n);
        let (mw, uw, cw) = layout::compare_columns(table.width, n);
        if table.height == 0 {
            return;
        }
        let head = Style::new().fg(Color::Cyan).add_modifier(Modifier::BOLD);
        let mut x = table.x;
        let cells = [
            (lang.pick("指标", "Metric"), mw),
            (lang.pick("单位", "Unit"), uw),
        ];
        for (s, w) in cells {
            put(buf, x, table.y, w, &text::pad(s, usize::from(w)), head);
            x += w + 1;
        }
        for (i, &r) in v.cmp.regions.iter().enumerate() {
            let name = app.ix.region(r).map_or("", |x| x.name.as_str());
            let style = if i == v.col {
                head.add_modifier(Modifier::UNDERLINED)
            } else {
                head
            };
            put(
                buf,
                x,
                table.y,
                cw,
                &text::pad_left(name, usize::from(cw)),
                style,
            );
            x += cw + 1;
        }
        let rows = layout::table_rows_of(table);
        if v.cmp.rows.is_empty() {
            let msg = lang.pick(
                "（这些地区没有指标数据）",
                "(no metric figures for these regions)",
            );
            note(buf, rows, msg);
        }
        // Each region's column lines up on the digits, all rows at once so scrolling keeps it.
        let mut texts: Vec<Vec<String>> = vec![Vec::new(); v.cmp.rows.len()];
        for i in 0..n {
            let column: Vec<String> = v
                .cmp
                .rows
                .iter()
                .map(|row| row.cell_text(i, lang).unwrap_or_else(|| "—".into()))
                .collect();
            for (r, t) in format::align_decimals(&column).into_iter().enumerate() {
                texts[r].push(t);
            }
        }
        let shown = v.cmp.rows.iter().enumerate().skip(v.scroll);
        for (k, (ri, row)) in shown.take(usize::from(rows.height)).enumerate() {
            let y = rows.y + u16::try_from(k).unwrap_or(0);
            let cells = (&texts[ri][..], mw, uw, cw);
            draw_row(app, v, row, ri, (rows.x, y, rows.width), cells, buf);
        }
        if let Some(row) = v.cmp.rows.get(v.row) {
            bars(app, v, row, chart, buf);
        }
    }
}

fn draw_row(
    app: &App,
    v: &CompareView,
    row: &CompareRow,
    ri: usize,
    (x0, y, width): (u16, u16, u16),
    (texts, mw, uw, cw): (&[String], u16, u16, u16),
    buf: &mut Buffer,
) {
    let lang = app.lang;
    let on_row = ri == v.row;
    let base = if on_row {
        Style::new().bg(Color::DarkGray)
    } else {
        Style::new()
    };
    fill(buf, x0, y, width, base);
    let name = app.ix.series_name(&row.metric, row.measure, lang);
    let mut x = x0;
    x += put(buf, x, y, mw, &text::pad(&name, usize::from(mw)), base) + 1;
    let dim = base.fg(Color::DarkGray);
    x += put(
        buf,
        x,
        y,
        uw,
        &text::pad(&row.scale.in_lang(lang).suffix(), usize::from(uw)),
        dim,
    ) + 1;
    for (i, cell) in row.cells.iter().enumerate() {
        let text = texts.get(i).filter(|_| cell.is_some()).cloned();
        let (s, mut style) = match (text, cell) {
            (Some(t), Some(c)) if c.modality != Modality::Actual => (t, base.fg(Color::Magenta)),
            (Some(t), _) if row.best == Some(i) => {
                (t, base.fg(Color::Green).add_modifier(Modifier::BOLD))
            }
            (Some(t), _) => (t, base),
            (None, _) => ("—".to_string(), dim),
        };
        if on_row && i == v.col {
            style = style.add_modifier(Modifier::REVERSED);
        }
        put(buf, x, y, cw, &text::pad_left(&s, usize::from(cw)), style);
        x += cw + 1;
    }
}

/// Eighths of a cell, for bar ends.
const EIGHTHS: [char; 8] = [' ', '▏', '▎', '▍', '▌', '▋', '▊', '▉'];

/// A bar `frac` (0..=1) of `width` cells long.
pub fn bar(frac: f64, width: u16) -> String {
    let eighths = (frac.clamp(0.0, 1.0) * f64::from(width) * 8.0).round() as usize;
    let mut s = "█".repeat(eighths / 8);
    if !eighths.is_multiple_of(8) {
        s.push(EIGHTHS[eighths % 8]);
    }
    s
}

fn bars(app: &App, v: &CompareView, row: &CompareRow, area: Rect, buf: &mut Buffer) {
    if area.height == 0 {
        return;
    }
    let lang = app.lang;
    let dim = Style::new().fg(Color::DarkGray);
    let name = app.ix.series_name(&row.metric, row.measure, lang);
    rule(
        buf,
        area,
        &format!("{name} ({})", row.scale.in_lang(lang).suffix()),
    );
    let names: Vec<&str> = v
        .cmp
        .regions
        .iter()
        .map(|&r| app.ix.region(r).map_or("", |x| x.name.as_str()))
        .collect();
    let label_w = names
        .iter()
        .map(|n| cols(n))
        .max()
        .unwrap_or(0)
        .min(area.width / 3);
    let values: Vec<Option<f64>> = row
        .cells
        .iter()
        .map(|c| {
            c.as_ref()
                .filter(|c| c.unit == row.scale.unit || row.scale.unit == "%")
                .map(|c| row.scale.scaled(c.value).max(0.0))
        })
        .collect();
    let max = values.iter().flatten().fold(0.0f64, |a, &b| a.max(b));
    let texts: Vec<String> = (0..names.len())
        .map(|i| row.cell_text(i, lang).unwrap_or_else(|| "—".into()))
        .collect();
    let texts = format::align_decimals(&texts);
    let value_w = texts
        .iter()
        .map(|t| cols(t))
        .max()
        .unwrap_or(0)
        .min(area.width / 3);
    let bar_w = area.width.saturating_sub(label_w + value_w + 2);
    for (i, name) in names.iter().enumerate() {
        let y = area.y + 1 + u16::try_from(i).unwrap_or(u16::MAX);
        if y >= area.bottom() {
            break;
        }
        let mut x = area.x;
        let label_style = if i == v.col {
            Style::new().add_modifier(Modifier::BOLD)
        } else {
            Style::new()
        };
        x += put(
            buf,
            x,
            y,
            label_w,
            &text::pad(name, usize::from(label_w)),
            label_style,
        ) + 1;
        let color = match &row.cells[i] {
            Some(c) if c.modality != Modality::Actual => Color::Magenta,
            Some(_) if row.best == Some(i) => Color::Green,
            _ => Color::Cyan,
        };
        let b = match values[i] {
            Some(val) if max > 0.0 => bar(val / max, bar_w),
            _ => String::new(),
        };
        x += put(
            buf,
            x,
            y,
            bar_w,
            &text::pad(&b, usize::from(bar_w)),
            Style::new().fg(color),
        ) + 1;
        put(
            buf,
            x,
            y,
            value_w,
            &text::pad_left(&texts[i], usize::from(value_w)),
            dim,
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bars_have_eighths() {
        assert_eq!(bar(1.0, 3), "███");
        assert_eq!(bar(0.5, 3), "█▌");
        assert_eq!(bar(0.0, 3), "");
        assert_eq!(bar(2.0, 2), "██");
        assert_eq!(text::width(&bar(0.77, 10)), 8);
    }
}
