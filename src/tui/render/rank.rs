//! The ranking: regions best first with a bar each, filtered by kind and year; and the metric
//! picker that opens it.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Color, Modifier, Style};
use ratatui::widgets::Widget;

use super::compare::bar;
use super::{clear_popup, cols, fit, frame, list_row, note, put, put_chars};
use crate::query::{KindFilter, format};
use crate::text;
use crate::tui::i18n::Lang;
use crate::tui::layout;
use crate::tui::screens::{Picker, RankView};
use crate::tui::state::App;

/// The ranking pane.
pub struct RankPane<'a> {
    /// The app to draw.
    pub app: &'a App,
    /// The ranking.
    pub view: &'a RankView,
}

/// How a kind filter reads.
pub fn kind_label(k: KindFilter, lang: Lang) -> &'static str {
    match k {
        KindFilter::All => lang.pick("全部地区", "all regions"),
        KindFilter::Parks => lang.pick("园区", "parks"),
        KindFilter::Cities => lang.pick("城市", "cities"),
        KindFilter::Provinces => lang.pick("省级", "provinces"),
        KindFilter::Districts => lang.pick("区县", "districts and counties"),
    }
}

impl Widget for RankPane<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let (app, v) = (self.app, self.view);
        let lang = app.lang;
        let r = &v.ranking;
        let scale = r.scale.in_lang(lang);
        let name = app.ix.series_name(&r.metric, r.measure, lang);
        frame(
            buf,
            area,
            &format!("{} · {name}", lang.pick("排名", "Rank")),
            true,
        );
        let (head, list) = layout::rank_parts(area);
        let year = r.year.map_or_else(
            || lang.pick("全部年份", "all years").to_string(),
            |y| y.to_string(),
        );
        let line = format!(
            "{} · {year}   t {}  y {}",
            kind_label(r.kind, lang),
            lang.pick("类型", "kinds"),
            lang.pick("年份", "year")
        );
        put(
            buf,
            head.x,
            head.y,
            head.width,
            &line,
            Style::new().fg(Color::Yellow),
        );
        if list.height == 0 {
            return;
        }
        let names: Vec<String> = r
            .entries
            .iter()
            .map(|e| {
                app.ix
                    .region(e.region)
                    .map_or(String::new(), |x| x.name.clone())
            })
            .collect();
        let values: Vec<String> = r
            .entries
            .iter()
            .map(|e| {
                let hedge = app
                    .ix
                    .figure(e.pick.figure)
                    .map_or("", |f| format::qualifier(f.qualifier));
                format!("{hedge}{}", scale.number(e.value))
            })
            .collect();
        let values = format::align_decimals(&values);
        let nw = names
            .iter()
            .map(|n| cols(n))
            .max()
            .unwrap_or(4)
            .clamp(4, 16);
        let vw = values
            .iter()
            .map(|n| cols(n))
            .chain([cols(&scale.suffix())])
            .max()
            .unwrap_or(4)
            .min(12);
        let (numw, yw, notew) = (3, 4, 8);
        let bw = list.width.saturating_sub(numw + nw + vw + yw + notew + 5);
        let head_style = Style::new().fg(Color::Cyan).add_modifier(Modifier::BOLD);
        let cols = [
            (text::pad_left("#", usize::from(numw)), numw),
            (text::pad(lang.pick("地区", "Region"), usize::from(nw)), nw),
            (text::pad_left(&scale.suffix(), usize::from(vw)), vw),
            (String::new(), bw),
            (text::pad(lang.pick("年份", "Year"), usize::from(yw)), yw),
        ];
        row(buf, list.x, list.y, list.width, &cols, head_style);
        let rows = layout::table_rows_of(list);
        if r.entries.is_empty() {
            let msg = lang.pick("（没有地区有该指标的数据）", "(no region has this metric)");
            note(buf, rows, msg);
            return;
        }
        let max = r
            .entries
            .iter()
            .filter(|e| e.actual)
            .map(|e| scale.scaled(e.value))
            .fold(0.0f64, f64::max);
        let shown = r.entries.iter().enumerate().skip(v.scroll);
        for (k, (i, e)) in shown.take(usize::from(rows.height)).enumerate() {
            let y = rows.y + u16::try_from(k).unwrap_or(0);
            let base = list_row(buf, rows.x, y, rows.width, i == v.sel);
            let fig = app.ix.figure(e.pick.figure);
            let frac = if max > 0.0 && e.actual {
                scale.scaled(e.value) / max
            } else {
                0.0
            };
            let mut note = Vec::new();
            if let Some(f) = fig {
                let m = format::modality(f.modality, lang);
                if !m.is_empty() {
                    note.push(m.to_string());
                }
            }
            if e.conflict {
                note.push("≠".into());
            }
            if e.pick.of > 1 {
                note.push(format!("{}/{}", 1, e.pick.of));
            }
            let cols = [
                (
                    text::pad_left(&(i + 1).to_string(), usize::from(numw)),
                    numw,
                ),
                (text::pad(&names[i], usize::from(nw)), nw),
                (text::pad_left(&values[i], usize::from(vw)), vw),
                (text::pad(&bar(frac, bw), usize::from(bw)), bw),
                (
                    text::pad(&format::year(fig.and_then(|f| f.year)), usize::from(yw)),
                    yw,
                ),
                (text::pad(&note.join(" "), usize::from(notew)), notew),
            ];
            row(buf, rows.x, y, rows.width, &cols, base);
            let bx = rows.x + numw + nw + vw + 3;
            let color = if e.actual {
                Color::Cyan
            } else {
                Color::Magenta
            };
            put(buf, bx, y, bw, &cols[3].0, base.fg(color));
        }
    }
}

fn row(buf: &mut Buffer, x: u16, y: u16, width: u16, cols: &[(String, u16)], style: Style) {
    let mut x = x;
    let right = x.saturating_add(width);
    for (s, w) in cols {
        let room = right.saturating_sub(x).min(*w);
        put(buf, x, y, room, s, style);
        x = x.saturating_add(w + 1);
    }
}

/// The metric picker popup.
pub struct PickerPopup<'a> {
    /// The app to draw.
    pub app: &'a App,
    /// The picker.
    pub picker: &'a Picker,
}

impl Widget for PickerPopup<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let (app, p) = (self.app, self.picker);
        let lang = app.lang;
        clear_popup(buf, area);
        let title = lang.pick("选择指标 · Enter 确定", "Pick a metric · Enter");
        frame(buf, area, title, true);
        let (line, list) = layout::picker_parts(area);
        let typed = format!("> {}▏", p.query);
        put(
            buf,
            line.x,
            line.y,
            line.width,
            &typed,
            Style::new().fg(Color::Yellow),
        );
        if p.hits.is_empty() {
            let msg = lang.pick("（无匹配）", "(no match)");
            note(buf, list, msg);
        }
        let shown = p.hits.iter().enumerate().skip(p.scroll);
        for (k, (i, (m, hit))) in shown.take(usize::from(list.height)).enumerate() {
            let y = list.y + u16::try_from(k).unwrap_or(0);
            let Some(metric) = app.ix.data.metrics.get(*m) else {
                continue;
            };
            let base = list_row(buf, list.x, y, list.width, i == p.sel);
            let count = p.count(*m).to_string();
            let cw = cols(&count).min(list.width);
            let lit = base.fg(Color::Yellow).add_modifier(Modifier::BOLD);
            let mut chars: Vec<(char, Style)> = metric
                .zh
                .chars()
                .enumerate()
                .map(|(k, c)| {
                    let on = hit.as_ref().is_some_and(|h| h.name_chars.contains(&k));
                    (c, if on { lit } else { base })
                })
                .collect();
            let dim = base.fg(Color::DarkGray);
            chars.push((' ', dim));
            chars.extend(metric.en.chars().map(|c| (c, dim)));
            let room = list.width.saturating_sub(cw + 1);
            put_chars(buf, list.x, y, room, fit(chars, room));
            put(buf, list.right() - cw, y, cw, &count, dim);
        }
    }
}
