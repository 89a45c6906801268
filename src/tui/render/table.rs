//! The all-figures table: a filter line, column titles with the sort column marked, one
//! figure per row with its number lined up on the digits.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Color, Modifier, Style};
use ratatui::widgets::Widget;

use super::{cols, frame, list_row, note, put};
use crate::query::format;
use crate::text;
use crate::tui::i18n::Lang;
use crate::tui::layout;
use crate::tui::screens::TableView;
use crate::tui::screens::table::Column;
use crate::tui::state::App;

/// The table pane.
pub struct TablePane<'a> {
    /// The app to draw.
    pub app: &'a App,
    /// The table's state.
    pub view: &'a TableView,
}

/// A column's title.
fn title(c: Column, lang: Lang) -> &'static str {
    match c {
        Column::Region => lang.pick("地区", "Region"),
        Column::Label => lang.pick("原文标签", "Label"),
        Column::Metric => lang.pick("指标", "Metric"),
        Column::Measure => lang.pick("度量", "Measure"),
        Column::Scope => lang.pick("范围", "Scope"),
        Column::Value => lang.pick("数值", "Value"),
        Column::Year => lang.pick("年份", "Year"),
        Column::Article => lang.pick("文章", "Article"),
    }
}

/// Column widths for `width` columns of room: the value gets a number part and a unit part.
fn widths(width: u16) -> ([u16; 8], u16) {
    let (number, unit, year, measure) = (10u16, 8u16, 4u16, 8u16);
    let gaps = 8;
    let rest = width.saturating_sub(number + unit + year + measure + gaps);
    let region = rest * 20 / 100;
    let label = rest * 26 / 100;
    let metric = rest * 18 / 100;
    let scope = rest * 12 / 100;
    let article = rest.saturating_sub(region + label + metric + scope);
    (
        [
            region,
            label,
            metric,
            measure,
            scope,
            number + 1 + unit,
            year,
            article,
        ],
        number,
    )
}

impl Widget for TablePane<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let (app, t) = (self.app, self.view);
        let lang = app.lang;
        frame(buf, area, lang.pick("全部数据", "All figures"), !app.typing);
        let (line, head, rows) = layout::table_view_parts(area);
        if line.height == 0 {
            return;
        }
        let count = format!(" {}/{}", t.rows.len(), app.ix.data.figures.len());
        let cw = cols(&count).min(line.width);
        let yellow = Style::new().fg(Color::Yellow);
        let dim = Style::new().fg(Color::DarkGray);
        let typed = if t.typing {
            format!("/{}▏", t.query)
        } else if !t.query.is_empty() {
            format!("/{}", t.query)
        } else {
            String::new()
        };
        if typed.is_empty() {
            let hint = lang.pick(
                "/ 筛选（地区、拼音、指标）  ←→ 选列  s 排序  Enter 原文  e 导出",
                "/ filter (region, pinyin, metric)  ←→ column  s sort  Enter source  e export",
            );
            put(buf, line.x, line.y, line.width - cw, hint, dim);
        } else {
            // Keep the end of a long query in view: that is where the user types.
            let room = usize::from(line.width - cw);
            let mut tail = typed;
            while text::width(&tail) > room && !tail.is_empty() {
                tail.remove(0);
            }
            put(buf, line.x, line.y, line.width - cw, &tail, yellow);
        }
        put(buf, line.right() - cw, line.y, cw, &count, dim);
        if head.height == 0 {
            return;
        }
        let (ws, nw) = widths(head.width);
        let head_style = Style::new().fg(Color::Cyan).add_modifier(Modifier::BOLD);
        let mut x = head.x;
        for (i, (c, w)) in Column::ALL.iter().zip(ws).enumerate() {
            let arrow = match t.sort {
                Some((s, desc)) if s == *c => {
                    if desc {
                        "↓"
                    } else {
                        "↑"
                    }
                }
                _ => "",
            };
            let s = format!("{}{arrow}", title(*c, lang));
            let s = if *c == Column::Value {
                text::pad_left(&s, usize::from(nw))
            } else {
                s
            };
            let style = if i == t.col {
                head_style.add_modifier(Modifier::UNDERLINED)
            } else {
                head_style
            };
            let room = head.right().saturating_sub(x).min(w);
            put(buf, x, head.y, room, &s, style);
            x = x.saturating_add(w + 1);
        }
        if t.rows.is_empty() {
            let msg = lang.pick("（没有匹配的数据）", "(no figure matches)");
            note(buf, rows, msg);
            return;
        }
        let shown: Vec<(usize, usize)> = t
            .rows
            .iter()
            .copied()
            .enumerate()
            .skip(t.scroll)
            .take(usize::from(rows.height))
            .collect();
        let parts: Vec<(String, String)> = shown
            .iter()
            .map(|&(_, f)| {
                app.ix
                    .figure(f)
                    .map_or_else(Default::default, |x| format::figure_parts(x, lang))
            })
            .collect();
        let numbers: Vec<String> = parts.iter().map(|p| p.0.clone()).collect();
        let numbers = format::align_decimals(&numbers);
        for (k, &(i, f)) in shown.iter().enumerate() {
            let Some(fig) = app.ix.figure(f) else {
                continue;
            };
            let y = rows.y + u16::try_from(k).unwrap_or(0);
            let base = list_row(buf, rows.x, y, rows.width, i == t.sel);
            let region = app
                .ix
                .figure_region(fig)
                .and_then(|r| app.ix.region(r))
                .map_or("", |r| r.name.as_str());
            let metric = fig
                .metric
                .as_deref()
                .map_or(String::new(), |m| app.ix.metric_name(m, lang));
            let article = app
                .ix
                .figure_article
                .get(f)
                .copied()
                .flatten()
                .and_then(|a| app.ix.article(a))
                .map_or("", |a| a.title.as_str());
            let value = format!(
                "{} {}",
                text::pad_left(&numbers[k], usize::from(nw)),
                parts[k].1
            );
            let cells = [
                region.to_string(),
                fig.label.clone(),
                metric,
                crate::query::i18n::measure(fig.measure, lang).to_string(),
                fig.scope.clone().unwrap_or_default(),
                value,
                format::year(fig.year),
                article.to_string(),
            ];
            let mut x = rows.x;
            for (s, w) in cells.iter().zip(ws) {
                let room = rows.right().saturating_sub(x).min(w);
                let s = text::truncate(s, usize::from(room));
                put(buf, x, y, room, &s, base);
                x = x.saturating_add(w + 1);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_fill_the_width() {
        for w in [38u16, 78, 118] {
            let (ws, nw) = widths(w);
            let total: u16 = ws.iter().sum::<u16>() + 7;
            assert!(total <= w, "{w}: {ws:?}");
            assert!(nw < ws[5]);
        }
    }
}
