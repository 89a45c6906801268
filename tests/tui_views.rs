//! The comparison, ranking and map views on the bundled dataset: what they show, how keys move
//! in them, and that every frame is well-formed at 120×40 and 80×24 (snapshots at 80×24).
#![allow(clippy::unwrap_used, clippy::expect_used)] // tests and benches fail loudly

mod support {
    pub mod columns;
}
use support::columns::end_columns;

mod tui {
    pub mod common;
}
use tui::common::*;

use gaoxin::dataset;
use gaoxin::query::{self, Index, KindFilter, Ranking, format};
use gaoxin::text;
use gaoxin::tui::i18n::Lang;
use gaoxin::tui::keymap::{Action, Mode};
use gaoxin::tui::screens::View;

const VIEW_SIZES: [(u16, u16); 2] = [(120, 40), (80, 24)];

fn harness(w: u16, h: u16, lang: Lang) -> Harness {
    Harness::new(dataset::bundled().unwrap(), w, h, lang)
}

/// Filters to `name`, takes the best match and marks it.
fn mark(h: &mut Harness, name: &str) {
    if !h.app.filter.is_empty() {
        h.step(Action::Back);
    }
    h.step(Action::Filter).typed(name).step(Action::Open);
    if h.app.mode() == Mode::Figures {
        h.step(Action::NextPane);
    }
    assert_eq!(h.app.mode(), Mode::Regions);
    h.step(Action::Mark);
}

fn compare(h: &mut Harness, names: &[&str]) {
    for n in names {
        mark(h, n);
    }
    h.step(Action::Compare);
    assert_eq!(h.app.mode(), Mode::Compare);
}

fn rank(h: &mut Harness, metric: &str) {
    h.step(Action::Rank);
    assert_eq!(h.app.mode(), Mode::Picker);
    h.typed(metric).step(Action::Open);
    assert_eq!(h.app.mode(), Mode::Rank);
}

fn region_name(ix: &Index, r: usize) -> String {
    ix.region(r).unwrap().name.clone()
}

/// Entry `i` of a ranking as the rank view shows it: the name as its column (at most 16 wide)
/// holds it, and the value with its hedge in the ranking's scale.
fn shown(ix: &Index, r: &Ranking, i: usize) -> [String; 2] {
    let e = &r.entries[i];
    let name = text::truncate(&region_name(ix, e.region), 16);
    let f = ix.figure(e.pick.figure).unwrap();
    let value = format!(
        "{}{}",
        format::qualifier(f.qualifier),
        r.scale.number(e.value)
    );
    [name.trim_end().to_string(), value]
}

/// The screen line of the ranking's `n`th place (from 1).
fn place(screen: &str, n: usize) -> &str {
    line_with(screen, &format!("│{n:>3} "))
}

fn line_with<'a>(screen: &'a str, needle: &str) -> &'a str {
    screen
        .lines()
        .find(|l| l.contains(needle))
        .unwrap_or_else(|| panic!("{needle:?} not on screen:\n{screen}"))
}

#[test]
fn comparison_columns_line_up_with_their_regions() {
    for (w, hgt) in VIEW_SIZES {
        let mut h = harness(w, hgt, Lang::Zh);
        compare(&mut h, &["常州", "杭州", "天津滨海"]);
        let buf = h.draw();
        let ctx = format!("compare {w}x{hgt}");
        check_buffer(&buf, &h.app.hits.panes, &ctx);
        let screen = screen_text(&buf);
        let head = line_with(&screen, "常州市");
        for name in ["常州市", "杭州市", "天津滨海"] {
            assert!(head.contains(name), "{ctx}: {name} missing from {head:?}");
        }
        // Values are right-aligned under their region's name, as the comparison words them.
        let regions = match h.app.views.last() {
            Some(View::Compare(v)) => v.cmp.regions.clone(),
            _ => panic!("{ctx}: not the comparison"),
        };
        let names: Vec<String> = regions.iter().map(|&r| region_name(&h.app.ix, r)).collect();
        let c = query::compare(&h.app.ix, &regions, None).unwrap();
        let hte = c
            .rows
            .iter()
            .find(|r| r.metric == "high_tech_enterprises")
            .unwrap();
        let cells: Vec<String> = (0..regions.len())
            .map(|i| {
                hte.cell_text(i, query::Lang::Zh)
                    .unwrap_or_else(|| "—".into())
            })
            .collect();
        let row = line_with(&screen, "│高新技术企业");
        // Under its region's name, lined up on the digits: a value ends at most its decimals
        // and marker short of the name's end.
        let ends = end_columns(row, &cells);
        for ((cell, end), name_end) in cells.iter().zip(&ends).zip(end_columns(head, &names)) {
            let whole = cell.find(['.', ' ']).unwrap_or(cell.len());
            let tail = gaoxin::text::width(&cell[whole..]);
            assert!(
                *end <= name_end && end + 4 - tail.min(4) >= name_end,
                "{ctx}: {cell:?} ends at {end}, its column at {name_end}\n{screen}"
            );
        }
        // The bar chart of the selected row labels each region.
        while let Some(View::Compare(v)) = h.app.views.last()
            && v.cmp.rows[v.row].metric != "high_tech_enterprises"
        {
            h.step(Action::Down);
        }
        let screen = screen_text(&h.draw());
        let title = format!("─ 高新技术企业 ({})", hte.scale.suffix());
        assert!(screen.contains(&title), "{ctx}\n{screen}");
        // Each region with a value on the row has a bar beside its name.
        for (i, name) in names.iter().enumerate() {
            let bar_line = screen
                .lines()
                .rev()
                .find(|l| l.contains(name.as_str()))
                .unwrap();
            let has = hte.cells[i].is_some();
            assert_eq!(bar_line.contains('█'), has, "{ctx}: {bar_line:?}\n{screen}");
        }
    }
}

#[test]
fn comparison_opens_sources_and_needs_two_marks() {
    let mut h = harness(120, 40, Lang::En);
    mark(&mut h, "常州");
    h.step(Action::Compare);
    assert_eq!(h.app.mode(), Mode::Regions, "one mark is not a comparison");
    assert!(h.app.notice.is_some());
    let screen = screen_text(&h.draw());
    assert!(screen.contains("mark 2–6 regions"), "{screen}");
    mark(&mut h, "杭州");
    h.step(Action::Compare);
    h.step(Action::Open);
    assert_eq!(h.app.mode(), Mode::Reader, "Enter opens the cell's article");
    let reader = h.app.reader.as_ref().unwrap();
    let fig = reader.figs[reader.cur];
    let region = h.app.ix.data.figures[fig].region.clone().unwrap();
    assert_eq!(
        h.app
            .ix
            .region(h.app.ix.region_by_id(&region).unwrap())
            .unwrap()
            .name,
        "常州市"
    );
    h.step(Action::Back);
    assert_eq!(
        h.app.mode(),
        Mode::Compare,
        "closing the reader returns to the comparison"
    );
    h.step(Action::Back);
    assert_eq!(h.app.mode(), Mode::Regions);
    // Marks stay, and unmarking works.
    assert_eq!(h.app.marks.len(), 2);
    h.step(Action::Mark);
    assert_eq!(h.app.marks.len(), 1);
}

#[test]
fn ranking_lists_the_largest_first_with_aligned_values() {
    let ix = Index::new(dataset::bundled().unwrap());
    let metric = "high_tech_enterprises";
    let all = query::rank(&ix, metric, KindFilter::All, None);
    let parks = query::rank(&ix, metric, KindFilter::Parks, None);
    assert!(all.entries.len() >= 2 && !parks.entries.is_empty());
    let year = *parks.years.first().expect("parks with a year");
    let parks_in_year = query::rank(&ix, metric, KindFilter::Parks, Some(year));
    for (w, hgt) in VIEW_SIZES {
        let mut h = harness(w, hgt, Lang::Zh);
        rank(&mut h, "gxjsqy");
        let buf = h.draw();
        let ctx = format!("rank {w}x{hgt}");
        check_buffer(&buf, &h.app.hits.panes, &ctx);
        let screen = screen_text(&buf);
        assert!(screen.contains("排名 · 高新技术企业"), "{ctx}\n{screen}");
        let head = line_with(&screen, "  # ");
        assert!(head.contains(&all.scale.suffix()), "{ctx}: {head:?}");
        // The largest first; values right-aligned: the name, then the value ending in the
        // same column on every line.
        let first = end_columns(place(&screen, 1), &shown(&ix, &all, 0));
        let second = end_columns(place(&screen, 2), &shown(&ix, &all, 1));
        assert_eq!(first[1], second[1], "{ctx}\n{screen}");
        h.step(Action::CycleKind);
        let screen = screen_text(&h.draw());
        assert!(screen.contains("园区 · 全部年份"), "{ctx}\n{screen}");
        end_columns(place(&screen, 1), &shown(&ix, &parks, 0));
        h.step(Action::CycleYear);
        let screen = screen_text(&h.draw());
        assert!(
            screen.contains(&format!("园区 · {year}")),
            "{ctx}\n{screen}"
        );
        end_columns(place(&screen, 1), &shown(&ix, &parks_in_year, 0));
        assert!(
            screen.contains(&format!(" {year} ")),
            "{ctx}: the year's figures\n{screen}"
        );
    }
}

#[test]
fn ranking_opens_the_region() {
    let mut h = harness(80, 24, Lang::En);
    rank(&mut h, "high_tech_enterprises");
    let ranking = query::rank(&h.app.ix, "high_tech_enterprises", KindFilter::All, None);
    h.step(Action::Down).step(Action::Open);
    assert_eq!(h.app.mode(), Mode::Figures);
    assert_eq!(
        h.app.region(),
        Some(ranking.entries[1].region),
        "the second place"
    );
    assert!(h.app.views.is_empty());
}

fn map_region(v: &View) -> Option<usize> {
    match v {
        View::Map(m) => m.region(),
        _ => None,
    }
}

#[test]
fn map_shows_points_moves_and_labels_the_selection() {
    for (w, hgt) in VIEW_SIZES {
        let mut h = harness(w, hgt, Lang::Zh);
        h.step(Action::Map);
        assert_eq!(h.app.mode(), Mode::Map);
        // `r` in the map picks the metric that sizes the points.
        h.step(Action::Rank)
            .typed("高新技术企业")
            .step(Action::Open);
        assert_eq!(h.app.mode(), Mode::Map);
        let buf = h.draw();
        let ctx = format!("map {w}x{hgt}");
        check_buffer(&buf, &h.app.hits.panes, &ctx);
        let screen = screen_text(&buf);
        assert!(screen.contains("地图 · 高新技术企业"), "{ctx}\n{screen}");
        // The largest achieved value is selected, labelled and its figure shown.
        let ranking = query::rank(&h.app.ix, "high_tech_enterprises", KindFilter::All, None);
        let top = &ranking.entries[0];
        let name = region_name(&h.app.ix, top.region);
        let value = format::figure_value(h.app.ix.figure(top.pick.figure).unwrap());
        assert_eq!(
            h.app.views.last().and_then(map_region),
            Some(top.region),
            "{ctx}"
        );
        assert!(
            screen.contains(&format!(" {name} ")),
            "{ctx}: the largest is selected\n{screen}"
        );
        let info = line_with(&screen, &format!("│{name} · "));
        assert!(
            info.ends_with(&format!(" {value}│")) || info.contains(&format!(" {value} ")),
            "{ctx}: {info:?}"
        );
        assert!(
            screen
                .chars()
                .any(|c| ('\u{2801}'..='\u{28FF}').contains(&c)),
            "{ctx}: no map"
        );
        h.step(Action::Left);
        let moved = h.app.views.last().and_then(map_region).expect("the map");
        assert_ne!(moved, top.region, "{ctx}: Left moved nowhere");
        h.step(Action::Open);
        assert_eq!(
            h.app.region(),
            Some(moved),
            "{ctx}: Enter opens the selected region"
        );
    }
}

#[test]
fn region_pane_shows_trends_and_conflicts() {
    let mut h = harness(120, 40, Lang::Zh);
    // A region with a metric over several years, whichever the data makes it.
    let n = h.app.ix.data.regions.len();
    let (with_trend, trend) = (0..n)
        .find_map(|r| Some((r, query::trends(&h.app.ix, r).into_iter().next()?)))
        .expect("a region with a trend");
    h.app.show_region(with_trend);
    let buf = h.draw();
    check_buffer(&buf, &h.app.hits.panes, "trend");
    let screen = screen_text(&buf);
    let name = h.app.ix.metric_name(&trend.metric, Lang::Zh);
    let first = trend.points[0].year;
    assert!(screen.contains(&format!("↗ {name}  {first}")), "{screen}");
    let with_conflict = (0..n)
        .find(|&r| {
            h.app.ix.region_figs[r]
                .iter()
                .any(|&f| h.app.ix.in_conflict(f))
        })
        .expect("a region with a conflict");
    h.app.show_region(with_conflict);
    // On a conflicting figure: marked in the table, the other sources named under it.
    let k = h
        .app
        .figs
        .iter()
        .position(|&f| h.app.ix.in_conflict(f))
        .unwrap();
    for _ in 0..k {
        h.step(Action::Down);
    }
    let buf = h.draw();
    check_buffer(&buf, &h.app.hits.panes, "nation conflict");
    let screen = screen_text(&buf);
    let fig = h.app.figure().unwrap();
    assert!(h.app.ix.in_conflict(fig));
    let selected_row = screen
        .lines()
        .find(|l| l.contains('≠') && !l.contains("其他来源"));
    assert!(
        selected_row.is_some(),
        "conflicting figures are marked\n{screen}"
    );
    assert!(screen.contains("≠ 其他来源："), "{screen}");
}

#[test]
fn views_at_small_sizes_stay_well_formed() {
    for (w, hgt) in [(50, 16), (40, 10), (20, 8)] {
        let mut h = harness(w, hgt, Lang::Zh);
        compare(
            &mut h,
            &["常州", "杭州", "天津滨海", "成都", "大连", "自贡"],
        );
        check_buffer(&h.draw(), &h.app.hits.panes, &format!("compare {w}x{hgt}"));
        h.step(Action::Back);
        rank(&mut h, "talent");
        check_buffer(&h.draw(), &h.app.hits.panes, &format!("rank {w}x{hgt}"));
        h.step(Action::Map);
        check_buffer(&h.draw(), &h.app.hits.panes, &format!("map {w}x{hgt}"));
        h.step(Action::Rank);
        check_buffer(&h.draw(), &h.app.hits.panes, &format!("picker {w}x{hgt}"));
    }
}

#[test]
fn snapshots_at_80x24() {
    let mut h = harness(80, 24, Lang::Zh);
    compare(&mut h, &["常州", "杭州"]);
    insta::assert_snapshot!("compare_zh", screen_text(&h.draw()));
    let mut h = harness(80, 24, Lang::Zh);
    rank(&mut h, "高新技术企业");
    insta::assert_snapshot!("rank_zh", screen_text(&h.draw()));
    let mut h = harness(80, 24, Lang::En);
    h.step(Action::Rank);
    h.typed("talent");
    insta::assert_snapshot!("picker_en", screen_text(&h.draw()));
    h.step(Action::Open).step(Action::Map);
    insta::assert_snapshot!("map_en", screen_text(&h.draw()));
}
