//! The region pane: who the region is, its figures in a sortable table, and the selected
//! figure's source sentence with the figure lit.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Color, Modifier, Style};
use ratatui::widgets::Widget;

use super::{fill, frame, note, put, put_chars, rule, selected};
use crate::text;
use crate::tui::format;
use crate::tui::i18n::{self, Lang};
use crate::tui::layout;
use crate::tui::state::{App, FigCells, Focus, Sort};

/// The region pane.
pub struct RegionPane<'a> {
    /// The app to draw.
    pub app: &'a App,
}

impl Widget for RegionPane<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let app = self.app;
        let lang = app.lang;
        frame(
            buf,
            area,
            lang.pick("数据", "Figures"),
            app.focus == Focus::Figures,
        );
        let parts = app.region_parts();
        let Some(r) = app.region() else {
            let msg = if app.filter.trim().is_empty() {
                lang.pick("数据集为空", "The dataset is empty").to_string()
            } else {
                match lang {
                    Lang::Zh => format!("没有地区匹配“{}”", app.filter.trim()),
                    Lang::En => format!("No region matches \"{}\"", app.filter.trim()),
                }
            };
            let h = parts.header;
            note(buf, h, &msg);
            return;
        };
        header(app, r, parts.header, buf);
        table(app, parts.table, buf);
        super::trends::render(app, parts.trends, buf);
        source(app, parts.source, buf);
    }
}

fn header(app: &App, r: usize, area: Rect, buf: &mut Buffer) {
    let lang = app.lang;
    let Some(region) = app.ix.region(r) else {
        return;
    };
    let bold = Style::new().add_modifier(Modifier::BOLD);
    let dim = Style::new().fg(Color::DarkGray);
    let mut x = area.x;
    x += put(buf, x, area.y, area.width, &region.name, bold);
    let figures = app.ix.region_figs[r].len();
    let articles = app.ix.region_articles[r];
    let counts = match lang {
        Lang::Zh => format!(
            "  {}  {figures} 项数据 · {articles} 篇文章",
            i18n::kind(region.kind, lang)
        ),
        Lang::En => format!(
            "  {}  {} · {}",
            i18n::kind(region.kind, lang),
            i18n::count_en(figures, "figure"),
            i18n::count_en(articles, "article")
        ),
    };
    put(buf, x, area.y, area.right() - x, &counts, dim);
    if area.height > 1 {
        let chain = app.ix.chain(r).join(" › ");
        put(buf, area.x, area.y + 1, area.width, &chain, dim);
    }
}

/// Column widths: metric, number, unit, modality, year, for numbers and units this wide.
fn columns(width: u16, lang: Lang, number: u16, unit: u16) -> [u16; 5] {
    let year = 4;
    // One more column for the conflict mark `≠`.
    let modality = match lang {
        Lang::Zh => 5,
        Lang::En => 7,
    };
    let number = number.clamp(4, (width / 4).max(4));
    let unit = unit.min(width / 6);
    let metric = width.saturating_sub(year + modality + number + unit + 4);
    [metric, number, unit, modality, year]
}

fn table(app: &App, area: Rect, buf: &mut Buffer) {
    if area.height == 0 {
        return;
    }
    let lang = app.lang;
    // Made by the state when the figures change; made here only if it is not up to date.
    let fresh;
    let cells = if app.fig_cells.lang == Some(lang) && app.fig_cells.cells.len() == app.figs.len() {
        &app.fig_cells
    } else {
        fresh = FigCells::new(&app.ix, &app.figs, lang);
        &fresh
    };
    let value_title = lang.pick("数值", "Value");
    let nw0 = cells.value_width.max(super::cols(value_title) + 1);
    let uw0 = cells.unit_width;
    let [mw, nw, uw, dw, yw] = columns(area.width, lang, nw0, uw0);
    let head = Style::new().fg(Color::Cyan).add_modifier(Modifier::BOLD);
    let arrow = |s: Sort| if app.sort == s { "↓" } else { "" };
    let titles = [
        (
            format!("{}{}", lang.pick("指标", "Metric"), arrow(Sort::Metric)),
            mw,
            false,
        ),
        (format!("{}{value_title}", arrow(Sort::Value)), nw, true),
        (String::new(), uw, false),
        (String::new(), dw, false),
        (
            format!("{}{}", lang.pick("年份", "Year"), arrow(Sort::Year)),
            yw,
            false,
        ),
    ];
    row(buf, area, area.y, &titles, head);
    let rows = Rect::new(area.x, area.y + 1, area.width, area.height - 1);
    if app.figs.is_empty() {
        let msg = lang.pick("（该地区没有数据）", "(no figures for this region)");
        note(buf, rows, msg);
        return;
    }
    let focused = app.focus == Focus::Figures;
    let visible = app.figs.iter().enumerate().skip(app.fig_scroll);
    for (n, (i, &f)) in visible.take(rows.height as usize).enumerate() {
        let Some(fig) = app.ix.figure(f) else {
            continue;
        };
        let y = rows.y + u16::try_from(n).unwrap_or(0);
        let base = if i == app.fig_sel {
            selected(focused)
        } else {
            Style::new()
        };
        fill(buf, rows.x, y, rows.width, base);
        let conflict = if app.ix.in_conflict(f) { "≠" } else { "" };
        let flags = format!("{conflict}{}", format::modality(fig.modality, lang));
        let cells = [
            (figure_what(app, fig), mw, false),
            (cells.cells[i].0.clone(), nw, true),
            (cells.cells[i].1.clone(), uw, false),
            (flags.clone(), dw, false),
            (format::year(fig.year), yw, false),
        ];
        row(buf, rows, y, &cells, base);
        if !flags.is_empty() {
            let x = rows.x + mw + nw + uw + 3;
            let color = if conflict.is_empty() {
                Color::Magenta
            } else {
                Color::Red
            };
            let room = rows.right().saturating_sub(x).min(dw);
            put(buf, x, y, room, &flags, base.fg(color));
        }
    }
}

/// What a figure measures, as the table names it: metric and measure (`营业收入 · 增长`), and
/// the part of the region it covers when it is not the whole (`高新技术企业 [国家级]`).
fn figure_what(app: &App, fig: &crate::dataset::Figure) -> String {
    let name = app.ix.figure_measure_name(fig, app.lang);
    match &fig.scope {
        Some(s) => format!("{name} [{s}]"),
        None => name,
    }
}

/// Draws cells one space apart from `area.x`, cut at the area's right edge.
fn row(buf: &mut Buffer, area: Rect, y: u16, cells: &[(String, u16, bool)], style: Style) {
    let mut x = area.x;
    for (s, w, right) in cells {
        let s = if *right {
            text::pad_left(s, usize::from(*w))
        } else {
            text::pad(s, usize::from(*w))
        };
        let room = area.right().saturating_sub(x).min(*w);
        put(buf, x, y, room, &s, style);
        x = x.saturating_add(w + 1);
    }
}

fn source(app: &App, area: Rect, buf: &mut Buffer) {
    if area.height == 0 {
        return;
    }
    let lang = app.lang;
    let dim = Style::new().fg(Color::DarkGray);
    rule(buf, area, lang.pick("原文", "Source"));
    let Some(fi) = app.figure() else {
        return;
    };
    let article = app
        .ix
        .figure_article
        .get(fi)
        .copied()
        .flatten()
        .and_then(|a| app.ix.article(a));
    let (sentence, lit) = app.ix.sentence(fi);
    let s: String = sentence.iter().collect();
    let lines = layout::wrap_chars(&s, usize::from(area.width));
    let others = conflict_line(app, fi);
    let extra = u16::from(others.is_some() && area.height > 3);
    let room = usize::from(area.height.saturating_sub(2 + extra));
    // Keep the figure's line in view when the sentence is longer than the box.
    let fig_line = layout::line_of(&lines, lit.start);
    let first = fig_line.saturating_sub(room.saturating_sub(1));
    let hl = Style::new()
        .fg(Color::Black)
        .bg(Color::Yellow)
        .add_modifier(Modifier::BOLD);
    for (n, l) in lines.iter().skip(first).take(room).enumerate() {
        let y = area.y + 1 + u16::try_from(n).unwrap_or(0);
        let chars = l.clone().filter_map(|k| {
            let c = *sentence.get(k)?;
            Some((c, if lit.contains(&k) { hl } else { Style::new() }))
        });
        put_chars(buf, area.x, y, area.width, chars);
    }
    if let Some(line) = others.filter(|_| extra > 0) {
        let line = text::truncate(&line, usize::from(area.width));
        let style = Style::new().fg(Color::Red);
        put(buf, area.x, area.bottom() - 2, area.width, &line, style);
    }
    if let Some(a) = article
        && area.height > 1
    {
        let title = if a.title.is_empty() { &a.id } else { &a.title };
        let line = text::truncate(
            &format!("《{title}》 {}", a.source),
            usize::from(area.width),
        );
        put(
            buf,
            area.x,
            area.bottom() - 1,
            area.width,
            &line,
            dim.add_modifier(Modifier::ITALIC),
        );
    }
}

/// For a figure sources disagree on: the other values and where they come from.
fn conflict_line(app: &App, f: usize) -> Option<String> {
    let c = app
        .ix
        .conflicts
        .get(app.ix.figure_conflict.get(f).copied().flatten()?)?;
    let mine = app.ix.figure(f)?;
    let others: Vec<String> = c
        .figures
        .iter()
        .filter(|&&o| o != f)
        .filter_map(|&o| {
            let fig = app.ix.figure(o)?;
            if fig.value == mine.value && fig.unit == mine.unit {
                return None;
            }
            let a = app.ix.figure_article.get(o).copied().flatten();
            let title = a
                .and_then(|a| app.ix.article(a))
                .map_or("", |a| a.title.as_str());
            Some(format!(
                "{}《{title}》",
                format::figure_value_in(fig, app.lang)
            ))
        })
        .collect();
    let lead = app.lang.pick("≠ 其他来源：", "≠ other sources: ");
    Some(format!("{lead}{}", others.join(app.lang.pick("；", "; "))))
}
