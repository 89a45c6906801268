//! The map: China's outline on a braille canvas, a point per region with figures, sized and
//! coloured by the chosen metric, the selected region labelled.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Color, Modifier, Style};
use ratatui::symbols::Marker;
use ratatui::widgets::Widget;
use ratatui::widgets::canvas::{Canvas, Map, MapResolution, Points};

use super::{frame, note, put};
use crate::query::{format, pick};
use crate::text;
use crate::tui::i18n;
use crate::tui::layout;
use crate::tui::state::App;
use crate::tui::views::MapView;
use crate::tui::views::map::{LAT, LON};

/// The map pane.
pub struct MapPane<'a> {
    /// The app to draw.
    pub app: &'a App,
    /// The map's state.
    pub view: &'a MapView,
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
                ctx.draw(&Map {
                    resolution: MapResolution::High,
                    color: Color::DarkGray,
                });
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
