//! Trend lines in the region pane: for each metric the region has in several years, a
//! sparkline between the first and last year and the values at both ends.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Color, Style};

use super::put;
use crate::dataset::Modality;
use crate::query::{Scale, Trend};
use crate::text;
use crate::tui::state::App;

const LEVELS: [char; 8] = ['▁', '▂', '▃', '▄', '▅', '▆', '▇', '█'];

/// One block character per point, by height between the smallest and largest value.
pub fn sparkline(values: &[f64]) -> String {
    let lo = values.iter().copied().fold(f64::INFINITY, f64::min);
    let hi = values.iter().copied().fold(f64::NEG_INFINITY, f64::max);
    values
        .iter()
        .map(|&v| {
            let frac = if hi > lo { (v - lo) / (hi - lo) } else { 0.5 };
            let k = (frac.clamp(0.0, 1.0) * 7.0).round() as usize;
            LEVELS[k.min(7)]
        })
        .collect()
}

/// The text of one trend line: `排名  2022 ▁█ 2023  1 → 10 位次`.
pub fn line(app: &App, t: &Trend) -> String {
    let scale = Scale::for_values(t.points.iter().map(|p| p.value), &t.unit).in_lang(app.lang);
    let values: Vec<f64> = t.points.iter().map(|p| p.value).collect();
    let (Some(first), Some(last)) = (t.points.first(), t.points.last()) else {
        return String::new();
    };
    let target = if last.modality == Modality::Actual {
        ""
    } else {
        crate::tui::format::modality(last.modality, app.lang)
    };
    format!(
        "{}  {} {} {}  {} → {}{target} {}",
        app.ix.metric_name(&t.metric, app.lang),
        first.year,
        sparkline(&values),
        last.year,
        scale.number(first.value),
        scale.number(last.value),
        scale.suffix(),
    )
}

/// Draws the selected region's trends, one per row of `area`.
pub fn render(app: &App, area: Rect, buf: &mut Buffer) {
    let style = Style::new().fg(Color::Green);
    for (k, t) in app.trends.iter().take(usize::from(area.height)).enumerate() {
        let y = area.y + u16::try_from(k).unwrap_or(0);
        let s = text::truncate(&format!("↗ {}", line(app, t)), usize::from(area.width));
        put(buf, area.x, y, area.width, &s, style);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sparklines_span_the_range() {
        assert_eq!(sparkline(&[1.0, 10.0]), "▁█");
        assert_eq!(sparkline(&[3.0, 3.0]), "▅▅");
        assert_eq!(sparkline(&[0.0, 5.0, 10.0]).chars().nth(1), Some('▅'));
    }
}
