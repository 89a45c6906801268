//! Where everything goes, as pure functions of the screen size. State (for paging and
//! scrolling), drawing and the tests all compute positions here.

use std::ops::Range;

use ratatui::layout::Rect;

use super::keymap::Pane;
use crate::text;

/// Where things were drawn, so mouse events can find their target.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Hits {
    /// The regions pane (with border).
    pub regions_pane: Rect,
    /// Rows of the regions list.
    pub regions: Rect,
    /// First list row shown.
    pub region_scroll: usize,
    /// The region pane (with border).
    pub region_pane: Rect,
    /// Rows of the figures table.
    pub figures: Rect,
    /// First figure row shown.
    pub fig_scroll: usize,
    /// The reader, when open.
    pub reader: Rect,
    /// The help overlay, when open.
    pub help: Rect,
    /// A view over the browser (comparison, ranking, map, picker), when open.
    pub view: Rect,
    /// Every bordered pane drawn, bottom to top.
    pub panes: Vec<Rect>,
}

fn within(r: Rect, x: u16, y: u16) -> bool {
    r.width > 0 && x >= r.x && x < r.right() && y >= r.y && y < r.bottom()
}

impl Hits {
    /// The pane under a point, topmost first.
    pub fn pane_at(&self, x: u16, y: u16) -> Option<Pane> {
        if within(self.help, x, y) {
            Some(Pane::Help)
        } else if self.help.width > 0 || self.view.width > 0 {
            // Views take keys only; the wheel and clicks do nothing there.
            None
        } else if within(self.reader, x, y) {
            Some(Pane::Reader)
        } else if within(self.regions_pane, x, y) {
            Some(Pane::Regions)
        } else if within(self.region_pane, x, y) {
            Some(Pane::Figures)
        } else {
            None
        }
    }

    /// The regions list row under a point.
    pub fn region_row(&self, x: u16, y: u16) -> Option<usize> {
        within(self.regions, x, y).then(|| self.region_scroll + usize::from(y - self.regions.y))
    }

    /// The figures table row under a point.
    pub fn figure_row(&self, x: u16, y: u16) -> Option<usize> {
        within(self.figures, x, y).then(|| self.fig_scroll + usize::from(y - self.figures.y))
    }
}

/// Below this width the app says the window is too small instead of drawing.
pub const MIN_WIDTH: u16 = 40;
/// Below this height the app says the window is too small instead of drawing.
pub const MIN_HEIGHT: u16 = 10;

/// The screen split into panes. Pane rects include their borders.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Screen {
    /// The whole screen.
    pub area: Rect,
    /// The screen is below [`MIN_WIDTH`]×[`MIN_HEIGHT`]: nothing but a notice is drawn.
    pub too_small: bool,
    /// The regions list (left).
    pub regions: Rect,
    /// The selected region: header, figures table and source sentence (right).
    pub region: Rect,
    /// The article reader, over both panes.
    pub reader: Rect,
    /// The status line (bottom row).
    pub status: Rect,
}

/// Splits the screen.
pub fn screen(area: Rect) -> Screen {
    if area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
        return Screen {
            area,
            too_small: true,
            ..Screen::default()
        };
    }
    let main_h = area.height - 1;
    let left = (area.width * 3 / 10).clamp(16, 32);
    let main = Rect::new(area.x, area.y, area.width, main_h);
    Screen {
        area,
        too_small: false,
        regions: Rect::new(area.x, area.y, left, main_h),
        region: Rect::new(area.x + left, area.y, area.width - left, main_h),
        reader: main,
        status: Rect::new(area.x, area.y + main_h, area.width, 1),
    }
}

/// The inside of a bordered pane.
pub fn inner(r: Rect) -> Rect {
    Rect::new(
        r.x.saturating_add(1),
        r.y.saturating_add(1),
        r.width.saturating_sub(2),
        r.height.saturating_sub(2),
    )
}

/// The regions pane's inside: an optional filter line, then the list.
pub fn regions_parts(pane: Rect, show_filter: bool) -> (Option<Rect>, Rect) {
    let i = inner(pane);
    if show_filter && i.height > 1 {
        let line = Rect::new(i.x, i.y, i.width, 1);
        (Some(line), Rect::new(i.x, i.y + 1, i.width, i.height - 1))
    } else {
        (None, i)
    }
}

/// Column where a region's name starts in the list, for a row at `depth` (0 when filtering).
pub fn region_name_column(list: Rect, depth: usize) -> u16 {
    let indent = u16::try_from(depth.min(6) * 2).unwrap_or(0);
    list.x + indent.min(list.width) + 2
}

/// The region pane's parts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RegionParts {
    /// Name, kind, parent chain and counts (two rows).
    pub header: Rect,
    /// Column titles then one figure per row.
    pub table: Rect,
    /// One line per metric the region has in several years (may be empty).
    pub trends: Rect,
    /// A rule, the selected figure's sentence, then its article's title.
    pub source: Rect,
}

/// Splits the region pane's inside.
pub fn region_parts(pane: Rect) -> RegionParts {
    region_parts_with(pane, 0)
}

/// Most trend lines the region pane gives room to.
pub const MAX_TREND_LINES: usize = 3;

/// Splits the region pane's inside with room for `trends` trend lines, taken from the table
/// (which keeps at least three rows), so the source box stays where it is.
pub fn region_parts_with(pane: Rect, trends: usize) -> RegionParts {
    let i = inner(pane);
    let header_h = 2.min(i.height);
    let rest = i.height - header_h;
    let source_h = (rest * 2 / 5).max(3).min(rest);
    let table_h = rest - source_h;
    let want = u16::try_from(trends.min(MAX_TREND_LINES)).unwrap_or(0);
    let trends_h = want.min(table_h.saturating_sub(3));
    let table_h = table_h - trends_h;
    RegionParts {
        header: Rect::new(i.x, i.y, i.width, header_h),
        table: Rect::new(i.x, i.y + header_h, i.width, table_h),
        trends: Rect::new(i.x, i.y + header_h + table_h, i.width, trends_h),
        source: Rect::new(i.x, i.y + header_h + table_h + trends_h, i.width, source_h),
    }
}

/// Rows of the figures table that hold figures (the first row holds column titles).
pub fn table_rows(parts: &RegionParts) -> Rect {
    table_rows_of(parts.table)
}

/// The rows of a table below its title row.
pub fn table_rows_of(t: Rect) -> Rect {
    Rect::new(
        t.x,
        t.y.saturating_add(1),
        t.width,
        t.height.saturating_sub(1),
    )
}

/// The comparison view's inside: the table (a title row, then one row per metric), and under
/// it a bar chart of the selected row (a title line, then one bar per region).
pub fn compare_parts(pane: Rect, regions: usize) -> (Rect, Rect) {
    let i = inner(pane);
    let want = u16::try_from(regions + 1).unwrap_or(u16::MAX);
    let chart_h = want.min(i.height / 2);
    let table_h = i.height - chart_h;
    (
        Rect::new(i.x, i.y, i.width, table_h),
        Rect::new(i.x, i.y + table_h, i.width, chart_h),
    )
}

/// Column widths of the comparison table: metric, unit, and each region; one space between
/// columns.
pub fn compare_columns(width: u16, regions: usize) -> (u16, u16, u16) {
    let n = u16::try_from(regions.max(1)).unwrap_or(1);
    let unit = 5.min(width / 8);
    let metric = (width / 4).clamp(6, 16).min(width);
    let rest = width.saturating_sub(metric + unit + 1 + n);
    (metric, unit, rest / n)
}

/// The ranking view's inside: a title line, then the list (a title row, then entries).
pub fn rank_parts(pane: Rect) -> (Rect, Rect) {
    let i = inner(pane);
    let head = 1.min(i.height);
    (
        Rect::new(i.x, i.y, i.width, head),
        Rect::new(i.x, i.y + head, i.width, i.height - head),
    )
}

/// The map view's inside: the canvas, and an info line under it.
pub fn map_parts(pane: Rect) -> (Rect, Rect) {
    let i = inner(pane);
    let info = 1.min(i.height);
    (
        Rect::new(i.x, i.y, i.width, i.height - info),
        Rect::new(i.x, i.y + i.height - info, i.width, info),
    )
}

/// The all-figures table's inside: the filter line, the column titles, the rows.
pub fn table_view_parts(pane: Rect) -> (Rect, Rect, Rect) {
    let i = inner(pane);
    let line = Rect::new(i.x, i.y, i.width, 1.min(i.height));
    let head = Rect::new(
        i.x,
        i.y + line.height,
        i.width,
        1.min(i.height - line.height),
    );
    let used = line.height + head.height;
    let rows = Rect::new(i.x, i.y + used, i.width, i.height - used);
    (line, head, rows)
}

/// The metric picker's rect, centred over `area`.
pub fn picker_popup(area: Rect) -> Rect {
    let w = area.width.saturating_sub(4).min(56);
    let h = area.height.saturating_sub(2).min(18);
    Rect::new(
        area.x + (area.width - w) / 2,
        area.y + (area.height - h) / 2,
        w,
        h,
    )
}

/// The picker's inside: the typed line, then the list of metrics.
pub fn picker_parts(popup: Rect) -> (Rect, Rect) {
    let i = inner(popup);
    let line = 1.min(i.height);
    (
        Rect::new(i.x, i.y, i.width, line),
        Rect::new(i.x, i.y + line, i.width, i.height - line),
    )
}

/// The reader's inside: a two-row header and a rule, then the body.
pub fn reader_parts(pane: Rect) -> (Rect, Rect) {
    let i = inner(pane);
    let head = 3.min(i.height);
    (
        Rect::new(i.x, i.y, i.width, head),
        Rect::new(i.x, i.y + head, i.width, i.height - head),
    )
}

/// The help overlay's rect, centred.
pub fn help_popup(area: Rect, lines: usize) -> Rect {
    let w = area.width.saturating_sub(4).min(64);
    let want = u16::try_from(lines + 2).unwrap_or(u16::MAX);
    let h = area.height.saturating_sub(2).min(want);
    Rect::new(
        area.x + (area.width - w) / 2,
        area.y + (area.height - h) / 2,
        w,
        h,
    )
}

/// Wraps `text` to `width` columns, paragraph by paragraph (`\n`), with a blank line between
/// paragraphs. Each line is a range of char offsets into `text`.
pub fn wrap_chars(text: &str, width: usize) -> Vec<Range<usize>> {
    let mut lines = Vec::new();
    let mut para_char = 0;
    for (n, para) in text.split('\n').enumerate() {
        if n > 0 {
            lines.push(para_char..para_char);
        }
        let mut byte = 0;
        let mut chars = 0;
        for r in text::wrap_ranges(para, width.max(1)) {
            let (Some(before), Some(inside)) = (para.get(byte..r.start), para.get(r.clone()))
            else {
                continue;
            };
            chars += before.chars().count();
            let len = inside.chars().count();
            lines.push(para_char + chars..para_char + chars + len);
            chars += len;
            byte = r.end;
        }
        para_char += para.chars().count() + 1;
    }
    lines
}

/// The line holding char offset `at`.
pub fn line_of(lines: &[Range<usize>], at: usize) -> usize {
    lines
        .iter()
        .position(|l| l.contains(&at))
        .or_else(|| lines.iter().rposition(|l| l.start <= at))
        .unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn panes_tile_the_screen() {
        for (w, h) in [(120, 40), (80, 24), (50, 16), (40, 10)] {
            let s = screen(Rect::new(0, 0, w, h));
            assert!(!s.too_small);
            assert_eq!(s.regions.width + s.region.width, w);
            assert_eq!(s.region.right(), w);
            assert_eq!(s.status.y, h - 1);
            let p = region_parts(s.region);
            assert_eq!(p.source.bottom(), s.region.bottom() - 1);
            assert!(p.source.height >= 3 && p.table.height >= 2, "{w}x{h}");
            let t = region_parts_with(s.region, 5);
            assert_eq!(t.source, p.source, "trends leave the source box in place");
            assert_eq!(t.table.height + t.trends.height, p.table.height);
            assert!(t.trends.height <= 3 && (t.table.height >= 3 || t.trends.height == 0));
            let (table, chart) = compare_parts(s.reader, 3);
            assert_eq!(table.bottom(), chart.y);
            assert!(chart.height <= 4 && table.height >= chart.height);
            let (m, u, each) = compare_columns(inner(s.reader).width, 6);
            assert!(
                m + u + 1 + 6 * (each + 1) <= inner(s.reader).width,
                "{w}x{h}"
            );
            let (canvas, info) = map_parts(s.reader);
            assert_eq!(canvas.bottom(), info.y);
        }
        assert!(screen(Rect::new(0, 0, 20, 8)).too_small);
    }

    #[test]
    fn wrapping_keeps_char_offsets() {
        let t = "成都高新区\n金牛区";
        let lines = wrap_chars(t, 4);
        assert_eq!(lines, vec![0..2, 2..4, 4..5, 6..6, 6..8, 8..9]);
        assert_eq!(line_of(&lines, 6), 4);
        assert_eq!(line_of(&lines, 7), 4);
        assert_eq!(line_of(&lines, 99), 5);
        assert_eq!(line_of(&lines, 8), 5);
    }
}
