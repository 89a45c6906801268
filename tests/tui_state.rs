//! Behaviour driven through actions: search, sorting, panes, mouse.
#![allow(clippy::unwrap_used, clippy::expect_used)] // tests and benches fail loudly

mod tui {
    pub mod common;
}
use tui::common::*;

use crossterm::event::{KeyModifiers, MouseButton, MouseEvent, MouseEventKind};
use gaoxin::tui::i18n::Lang;
use gaoxin::tui::input;
use gaoxin::tui::keymap::{self, Action, Key, Mode};
use gaoxin::tui::state::Sort;

fn first_match(h: &mut Harness, pattern: &str) -> Option<String> {
    h.step(Action::Back).step(Action::Back).step(Action::Filter);
    h.typed(pattern);
    let r = h.app.rows.first()?.region;
    Some(h.app.ix.region(r)?.name.clone())
}

#[test]
fn filter_finds_by_pinyin_initials_name_and_nickname() {
    for (dname, data) in datasets() {
        let has = |n: &str| data.regions.iter().any(|r| r.name == n);
        let (chengdu, binhai) = (has("成都市"), has("天津滨海高新区"));
        let mut h = Harness::new(data.clone(), 100, 30, Lang::Zh);
        if chengdu {
            for p in ["chengdu", "cd", "成都", "蓉"] {
                assert_eq!(
                    first_match(&mut h, p).as_deref(),
                    Some("成都市"),
                    "{dname} {p}"
                );
            }
        }
        if binhai {
            assert_eq!(
                first_match(&mut h, "tjbh").as_deref(),
                Some("天津滨海高新区"),
                "{dname}"
            );
        }
        // The list narrows as the user types.
        let all = {
            h.step(Action::Back);
            h.app.rows.len()
        };
        h.step(Action::Filter);
        let mut last = all;
        for c in "chengdu".chars() {
            h.step(Action::FilterChar(c));
            assert!(h.app.rows.len() <= last, "{dname}: list grew at {c}");
            last = h.app.rows.len();
        }
        // Esc clears the filter and keeps the chosen region selected in the full tree.
        let chosen = h.app.region();
        h.step(Action::Back);
        assert_eq!(h.app.rows.len(), all);
        assert_eq!(h.app.region(), chosen);
    }
}

#[test]
fn matched_characters_are_highlighted() {
    let mut h = Harness::new(fixture(), 80, 24, Lang::Zh);
    h.step(Action::Filter);
    h.typed("tjbh");
    let hit = h.app.rows[0].hit.clone().unwrap();
    assert_eq!(hit.name_chars, vec![0, 1, 2, 3]);
    let buf = h.draw();
    let list = h.app.hits.regions;
    let x = gaoxin::tui::layout::region_name_column(list, 0);
    assert_eq!(buf[(x, list.y)].symbol(), "天");
    assert!(
        buf[(x, list.y)]
            .modifier
            .contains(ratatui::style::Modifier::BOLD)
    );
    assert!(
        !buf[(x + 8, list.y)]
            .modifier
            .contains(ratatui::style::Modifier::BOLD)
    );
}

#[test]
fn sort_cycles_metric_value_year() {
    let mut h = Harness::new(fixture(), 80, 24, Lang::Zh);
    h.step(Action::Filter);
    h.typed("成都市");
    h.step(Action::Open);
    let source = h.app.figs.clone();
    assert!(source.windows(2).all(|w| w[0] < w[1]));
    h.step(Action::Sort);
    assert_eq!(h.app.sort, Sort::Metric);
    h.step(Action::Sort);
    assert_eq!(h.app.sort, Sort::Value);
    let values: Vec<f64> = h
        .app
        .figs
        .iter()
        .map(|&f| h.app.ix.figure(f).unwrap().value)
        .collect();
    assert!(values.windows(2).all(|w| w[0] >= w[1]), "{values:?}");
    h.step(Action::Sort);
    assert_eq!(h.app.sort, Sort::Year);
    h.step(Action::Sort);
    assert_eq!(h.app.figs, source);
}

#[test]
fn tree_collapses_and_expands() {
    let mut h = Harness::new(fixture(), 80, 24, Lang::Zh);
    h.step(Action::Filter);
    h.typed("四川省");
    h.step(Action::Back); // clear the filter, 四川省 stays selected
    let n = h.app.rows.len();
    h.step(Action::Collapse);
    assert!(h.app.rows.len() < n);
    assert_eq!(
        h.app.ix.region(h.app.region().unwrap()).unwrap().name,
        "四川省"
    );
    h.step(Action::Expand);
    assert_eq!(h.app.rows.len(), n);
    // On a leaf, Collapse goes to the parent.
    h.step(Action::Down).step(Action::Down);
    let leaf = h.app.region().unwrap();
    h.step(Action::Collapse);
    assert_eq!(h.app.region(), h.app.ix.parent[leaf]);
}

#[test]
fn keymap_drives_modes_and_help_lists_every_binding() {
    assert_eq!(
        keymap::action(Mode::Regions, Key::Char('/')),
        Some(Action::Filter)
    );
    let mut h = Harness::new(fixture(), 80, 24, Lang::En);
    for (key, mode) in [
        (Key::Char('/'), Mode::Filter),
        (Key::Char('q'), Mode::Filter), // typed, not quit
        (Key::Esc, Mode::Regions),
        (Key::Tab, Mode::Figures),
        (Key::Char('?'), Mode::Help),
        (Key::Esc, Mode::Figures),
    ] {
        let a = keymap::action(h.app.mode(), key).unwrap();
        h.step(a);
        assert_eq!(h.app.mode(), mode, "{key:?}");
    }
    let help = keymap::help(Lang::En, Mode::Regions);
    for b in keymap::KEYMAP {
        assert!(
            help.iter()
                .any(|l| matches!(l, keymap::HelpLine::Key(_, what) if what.starts_with(b.en))),
            "{}",
            b.en
        );
    }
    h.step(keymap::action(h.app.mode(), Key::CtrlC).unwrap());
    assert!(h.app.quit);
}

#[test]
fn mouse_clicks_select_and_wheel_scrolls() {
    let mut h = Harness::new(fixture(), 80, 24, Lang::Zh);
    h.draw();
    let list = h.app.hits.regions;
    let click = |x, y| MouseEvent {
        kind: MouseEventKind::Down(MouseButton::Left),
        column: x,
        row: y,
        modifiers: KeyModifiers::NONE,
    };
    let a = input::mouse(&click(list.x + 3, list.y + 4), &h.app.hits).unwrap();
    assert_eq!(a, Action::ClickRegion(4));
    h.step(a);
    assert_eq!(h.app.region_sel, 4);
    let wheel = MouseEvent {
        kind: MouseEventKind::ScrollDown,
        ..click(list.x, list.y)
    };
    let a = input::mouse(&wheel, &h.app.hits).unwrap();
    h.step(a);
    assert_eq!(h.app.region_sel, 7);
    // A click on a figure row selects it and focuses the table.
    h.step(Action::Top);
    h.draw();
    let rows = h.app.hits.figures;
    let a = input::mouse(&click(rows.x + 2, rows.y + 1), &h.app.hits).unwrap();
    h.step(a);
    assert_eq!((h.app.mode(), h.app.fig_sel), (Mode::Figures, 1));
    // Clicks outside any pane do nothing.
    assert_eq!(input::mouse(&click(0, 23), &h.app.hits), None);
}

#[test]
fn a_paste_is_typed_into_the_filter_at_once() {
    let mut h = Harness::new(fixture(), 80, 24, Lang::Zh);
    h.step(Action::Filter);
    h.app.paste("成都\n");
    assert_eq!(h.app.filter, "成都 ", "line breaks become spaces");
    let mut typed = Harness::new(fixture(), 80, 24, Lang::Zh);
    typed.step(Action::Filter);
    typed.typed("成都 ");
    let rows = |h: &Harness| h.app.rows.iter().map(|r| r.region).collect::<Vec<_>>();
    assert_eq!(rows(&h), rows(&typed), "the same rows as typing it");
    // Outside a text field a paste is not taken as keys.
    let mut browsing = Harness::new(fixture(), 80, 24, Lang::Zh);
    browsing.app.paste("q");
    assert!(!browsing.app.quit);
    assert!(browsing.app.filter.is_empty());
    // A long paste stays one filter run: thousands of characters return at once.
    let mut long = Harness::new(fixture(), 80, 24, Lang::Zh);
    long.step(Action::Filter);
    long.app.paste(&"天津滨海高新区".repeat(2_000));
    assert_eq!(long.app.filter.chars().count(), 14_000);
}
