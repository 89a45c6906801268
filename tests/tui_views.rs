//! The comparison, ranking and map views on the bundled dataset: what they show, how keys move
//! in them, and that every frame is well-formed at 120×40 and 80×24 (snapshots at 80×24).
#![allow(clippy::unwrap_used, clippy::expect_used)] // tests and benches fail loudly

mod tui {
    pub mod common;
}
use tui::common::*;

use gaoxin::dataset;
use gaoxin::text;
use gaoxin::tui::i18n::Lang;
use gaoxin::tui::keymap::{Action, Mode};

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

/// Display column where `needle` ends on a screen line.
fn end_col(line: &str, needle: &str) -> Option<usize> {
    line.find(needle)
        .map(|b| text::width(&line[..b + needle.len()]))
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
        // Values are right-aligned under their region's name.
        let row = line_with(&screen, "│高新技术企业");
        assert_eq!(
            end_col(row, "0.368"),
            end_col(head, "常州市"),
            "{ctx}\n{screen}"
        );
        assert_eq!(
            end_col(row, "0.2443 (2021)"),
            end_col(head, "天津滨海高新区"),
            "{ctx}\n{screen}"
        );
        // The bar chart of the selected row labels each region.
        assert!(screen.contains("─ 高新技术企业 (万家)"), "{ctx}\n{screen}");
        let bar_line = screen.lines().rev().find(|l| l.contains("常州市")).unwrap();
        assert!(bar_line.contains('█'), "{ctx}: no bar in {bar_line:?}");
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
    for (w, hgt) in VIEW_SIZES {
        let mut h = harness(w, hgt, Lang::Zh);
        rank(&mut h, "gxjsqy");
        let buf = h.draw();
        let ctx = format!("rank {w}x{hgt}");
        check_buffer(&buf, &h.app.hits.panes, &ctx);
        let screen = screen_text(&buf);
        assert!(screen.contains("排名 · 高新技术企业"), "{ctx}\n{screen}");
        let first = line_with(&screen, "  1 ");
        assert!(
            first.contains("常州市") && first.contains("3,680"),
            "{ctx}: {first:?}"
        );
        let second = line_with(&screen, "  2 ");
        assert_eq!(
            end_col(first, "3,680"),
            end_col(second, "2,443"),
            "{ctx}\n{screen}"
        );
        h.step(Action::CycleKind);
        let screen = screen_text(&h.draw());
        assert!(
            line_with(&screen, "  1 ").contains("天津滨海高新区"),
            "{ctx}\n{screen}"
        );
        assert!(screen.contains("园区 · 全部年份"), "{ctx}\n{screen}");
        h.step(Action::CycleYear);
        let screen = screen_text(&h.draw());
        assert!(screen.contains("园区 · 2021"), "{ctx}\n{screen}");
    }
}

#[test]
fn ranking_opens_the_region() {
    let mut h = harness(80, 24, Lang::En);
    rank(&mut h, "high_tech_enterprises");
    h.step(Action::Down).step(Action::Open);
    assert_eq!(h.app.mode(), Mode::Figures);
    let r = h.app.region().unwrap();
    assert_eq!(h.app.ix.region(r).unwrap().name, "天津滨海高新区");
    assert!(h.app.views.is_empty());
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
        assert!(
            screen.contains(" 常州市 "),
            "{ctx}: the largest is selected\n{screen}"
        );
        assert!(screen.contains("3,680 家"), "{ctx}\n{screen}");
        assert!(
            screen
                .chars()
                .any(|c| ('\u{2801}'..='\u{28FF}').contains(&c)),
            "{ctx}: no map"
        );
        h.step(Action::Left);
        let moved = match h.app.views.last() {
            Some(gaoxin::tui::views::View::Map(m)) => m.region().unwrap(),
            _ => panic!("not the map"),
        };
        assert_ne!(
            h.app.ix.region(moved).unwrap().name,
            "常州市",
            "{ctx}: Left moved nowhere"
        );
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
    let cn = h.app.ix.region_names.resolve("全国").unwrap();
    h.app.show_region(cn);
    let buf = h.draw();
    check_buffer(&buf, &h.app.hits.panes, "nation");
    let screen = screen_text(&buf);
    assert!(screen.contains("↗ 排名  2021"), "{screen}");
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
