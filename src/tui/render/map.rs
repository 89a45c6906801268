//! The map: China's outline on a braille canvas, a point per region with figures, sized and
//! coloured by the chosen metric, the selected region labelled.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Color, Modifier, Style};
use ratatui::symbols::Marker;
use ratatui::widgets::Widget;
use ratatui::widgets::canvas::{Canvas, Context, Line, Points};

use super::{frame, note, put};
use crate::query::{format, pick};
use crate::text;
use crate::tui::i18n;
use crate::tui::layout;
use crate::tui::screens::MapView;
use crate::tui::screens::map::{LAT, LON};
use crate::tui::state::App;

/// The map pane.
pub struct MapPane<'a> {
    /// The app to draw.
    pub app: &'a App,
    /// The map's state.
    pub view: &'a MapView,
}

/// Draws the province outlines, and the maritime boundary dashed when `sea`.
fn outlines(ctx: &mut Context, sea: bool) {
    let o = crate::tui::outline::china();
    for ring in o.provinces.iter().flat_map(|p| &p.rings) {
        for w in ring.windows(2) {
            if let [a, b] = w {
                ctx.draw(&Line::new(a[0], a[1], b[0], b[1], Color::DarkGray));
            }
        }
        if let (Some(a), Some(b)) = (ring.last(), ring.first()) {
            ctx.draw(&Line::new(a[0], a[1], b[0], b[1], Color::DarkGray));
        }
    }
    if sea {
        for line in &o.maritime {
            // Every other segment: the boundary reads as a dashed line.
            for w in line.windows(2).step_by(2) {
                if let [a, b] = w {
                    ctx.draw(&Line::new(a[0], a[1], b[0], b[1], Color::Gray));
                }
            }
        }
    }
}

/// The South China Sea and its islands in an inset at the bottom right, as Chinese maps show
/// them, when the map has room for it.
fn south_china_sea(canvas: Rect, buf: &mut Buffer, lang: crate::tui::i18n::Lang) {
    let (w, h) = (canvas.width / 6, canvas.height * 2 / 5);
    if w < 8 || h < 5 {
        return;
    }
    let area = Rect::new(canvas.right() - w, canvas.bottom() - h, w, h);
    super::clear_popup(buf, area);
    super::frame(buf, area, lang.pick("南海诸岛", "S. China Sea"), false);
    let inner = layout::inner(area);
    Canvas::default()
        .marker(Marker::Braille)
        .x_bounds([106.0, 124.0])
        .y_bounds([2.0, 25.0])
        .paint(|ctx| outlines(ctx, true))
        .render(inner, buf);
}

/// What the point colours mean, in the map's top-right corner.
fn legend(app: &App, v: &MapView, max: f64, canvas: Rect, buf: &mut Buffer) {
    let lang = app.lang;
    let unit = v
        .points
        .iter()
        .find_map(|p| {
            let m = v.metric.as_deref()?;
            let f = app.ix.figure(pick(&app.ix, p.region, m, None)?.figure)?;
            Some(f.unit.clone())
        })
        .unwrap_or_default();
    // Thresholds in whole units once they are large enough to be read that way.
    let at = |frac: f64| {
        let v = max * frac;
        format::value_in(if v >= 10.0 { v.round() } else { v }, &unit, lang)
    };
    let items = [
        (Color::Red, format!("> {}", at(0.66))),
        (Color::Yellow, format!("> {}", at(0.33))),
        (Color::Blue, format!("≤ {}", at(0.33))),
    ];
    for (k, (color, text)) in items.iter().enumerate() {
        let line = format!("● {text}");
        let w = u16::try_from(text::width(&line))
            .unwrap_or(u16::MAX)
            .min(canvas.width);
        let y = canvas.y + u16::try_from(k).unwrap_or(0);
        if y < canvas.bottom() {
            put(
                buf,
                canvas.right() - w,
                y,
                w,
                &line,
                Style::new().fg(*color),
            );
        }
    }
}

/// Colour for a share of the largest value: blue, through yellow, to red.
fn heat(frac: f64) -> Color {
    if frac > 0.66 {
        Color::Red
    } else if frac > 0.33 {
        Color::Yellow
    } else {
        Color::Blue
    }
}

/// Dots of a disk of `radius` degrees around a point, on a grid fine enough for braille.
fn disk(lon: f64, lat: f64, radius: f64) -> Vec<(f64, f64)> {
    let step = 0.25;
    let n = (radius / step).ceil() as i32;
    let mut out = vec![(lon, lat)];
    for i in -n..=n {
        for j in -n..=n {
            let (dx, dy) = (f64::from(i) * step, f64::from(j) * step);
            if (i, j) != (0, 0) && dx * dx + dy * dy <= radius * radius {
                out.push((lon + dx, lat + dy));
            }
        }
    }
    out
}

/// The screen cell of a longitude and latitude inside `area`.
pub fn cell_of(area: Rect, lon: f64, lat: f64) -> (u16, u16) {
    let fx = (lon - LON[0]) / (LON[1] - LON[0]);
    let fy = (LAT[1] - lat) / (LAT[1] - LAT[0]);
    let x = (fx.clamp(0.0, 1.0) * f64::from(area.width.saturating_sub(1))).round() as u16;
    let y = (fy.clamp(0.0, 1.0) * f64::from(area.height.saturating_sub(1))).round() as u16;
    (area.x + x, area.y + y)
}

impl Widget for MapPane<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let (app, v) = (self.app, self.view);
        let lang = app.lang;
        let metric = v.metric.as_deref().map(|m| app.ix.metric_name(m, lang));
        let title = match &metric {
            Some(m) => format!("{} · {m}", lang.pick("地图", "Map")),
            None => lang.pick("地图", "Map").to_string(),
        };
        frame(buf, area, &title, true);
        let (canvas, info) = layout::map_parts(area);
        if canvas.width < 2 || canvas.height < 2 {
            return;
        }
        let max = v.max_value().filter(|m| *m > 0.0);
        Canvas::default()
            .marker(Marker::Braille)
            .x_bounds(LON)
            .y_bounds(LAT)
            .paint(|ctx| {
                outlines(ctx, false);
                for p in &v.points {
                    let (color, radius) = match (p.value, max) {
                        (Some(val), Some(max)) => {
                            let frac = (val / max).clamp(0.0, 1.0);
                            (heat(frac), 0.3 + 1.2 * frac.sqrt())
                        }
                        _ if v.metric.is_some() => (Color::Gray, 0.0),
                        _ => (Color::Cyan, 0.3),
                    };
                    let coords = disk(p.lon, p.lat, radius);
                    ctx.draw(&Points {
                        coords: &coords,
                        color,
                    });
                }
            })
            .render(canvas, buf);
        south_china_sea(canvas, buf, lang);
        let dim = Style::new().fg(Color::DarkGray);
        put(
            buf,
            canvas.x,
            canvas.y,
            canvas.width,
            lang.pick("示意图", "schematic map"),
            dim,
        );
        if let Some(max) = max {
            legend(app, v, max, canvas, buf);
        }
        let Some(sel) = v.points.get(v.sel) else {
            let msg = lang.pick("（没有带坐标的地区）", "(no regions with a location)");
            note(buf, info, msg);
            return;
        };
        let name = app.ix.region(sel.region).map_or("", |r| r.name.as_str());
        let (x, y) = cell_of(canvas, sel.lon, sel.lat);
        let mark = Style::new().fg(Color::White).add_modifier(Modifier::BOLD);
        put(buf, x, y, 1, "◉", mark);
        let label = format!(" {name} ");
        let w = u16::try_from(text::width(&label)).unwrap_or(u16::MAX);
        let lx = if x + 1 + w <= canvas.right() {
            x + 1
        } else {
            x.saturating_sub(w).max(canvas.x)
        };
        let label_style = Style::new().fg(Color::Black).bg(Color::White);
        put(
            buf,
            lx,
            y,
            canvas.right().saturating_sub(lx),
            &label,
            label_style,
        );
        let region = app.ix.region(sel.region);
        let kind = region.map_or("", |r| i18n::kind(r.kind, lang));
        let mut line = format!("{name} · {kind}");
        if let Some(m) = v.metric.as_deref() {
            let value = pick(&app.ix, sel.region, m, None)
                .and_then(|p| app.ix.figure(p.figure))
                .map_or_else(|| "—".to_string(), |f| format::figure_value_in(f, lang));
            line.push_str(&format!(" · {} {value}", metric.unwrap_or_default()));
        } else {
            let n = app.ix.region_figs[sel.region].len();
            line.push_str(&match lang {
                i18n::Lang::Zh => format!(" · {n} 项数据"),
                i18n::Lang::En => format!(" · {}", i18n::count_en(n, "figure")),
            });
        }
        if let Some(q) = &v.query {
            line = format!("/{q}▏  {line}");
        }
        put(
            buf,
            info.x,
            info.y,
            info.width,
            &line,
            Style::new().fg(Color::Yellow),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cells_follow_longitude_and_latitude() {
        let a = Rect::new(1, 1, 63, 37);
        assert_eq!(cell_of(a, LON[0], LAT[1]), (1, 1));
        assert_eq!(cell_of(a, LON[1], LAT[0]), (63, 37));
        assert_eq!(cell_of(a, 200.0, -90.0), (63, 37), "clamped");
        assert!(disk(100.0, 30.0, 1.0).len() > 9);
        assert_eq!(disk(100.0, 30.0, 0.0).len(), 1);
    }
}
