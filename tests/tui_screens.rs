//! Snapshots of the new and changed screens on the bundled dataset, at 120×40 and 80×24, in
//! Chinese and English; every frame is also checked cell by cell (no wide character cut by
//! an edge or a border).
#![allow(clippy::unwrap_used, clippy::expect_used)] // tests and benches fail loudly

mod tui {
    pub mod common;
}
use tui::common::*;

use gaoxin::dataset;
use gaoxin::tui::i18n::Lang;
use gaoxin::tui::keymap::{Action, Mode};

/// One step of a script: an action, or text typed into whatever takes it.
enum Do {
    A(Action),
    T(&'static str),
}
use Do::{A, T};

/// Runs `script` at each size and language, checks every frame and snapshots it as
/// `<name>_<lang>_<w>x<h>`.
fn screens(name: &str, script: &[Do]) {
    for (w, h) in [(120, 40), (80, 24)] {
        for lang in [Lang::Zh, Lang::En] {
            let mut hs = Harness::new(dataset::bundled().unwrap(), w, h, lang);
            for d in script {
                match d {
                    A(a) => {
                        hs.step(*a);
                    }
                    T(s) => {
                        hs.typed(s);
                    }
                }
                hs.draw();
            }
            let buf = hs.draw();
            let tag = match lang {
                Lang::Zh => "zh",
                Lang::En => "en",
            };
            let snap = format!("{name}_{tag}_{w}x{h}");
            check_buffer(&buf, &hs.app.hits.panes, &snap);
            insta::assert_snapshot!(snap, screen_text(&buf));
        }
    }
}

#[test]
fn browser_with_rolled_up_counts_and_aligned_values() {
    screens(
        "browser",
        &[A(Action::Filter), T("hangzhou"), A(Action::Open)],
    );
}

#[test]
fn all_figures_table() {
    screens("table", &[A(Action::AllFigures)]);
}

#[test]
fn all_figures_table_filtered_and_sorted() {
    screens(
        "table_filtered",
        &[
            A(Action::AllFigures),
            A(Action::Filter),
            T("tianjin"),
            A(Action::Open),
            A(Action::Right),
            A(Action::Right),
            A(Action::Right),
            A(Action::Right),
            A(Action::Right),
            A(Action::Sort),
        ],
    );
}

#[test]
fn reader_names_what_was_read_into_the_figure() {
    screens(
        "reader",
        &[
            A(Action::AllFigures),
            A(Action::Filter),
            T("binhai"),
            A(Action::Open),
            A(Action::Open),
        ],
    );
}

#[test]
fn ranking_in_plain_numbers() {
    screens(
        "rank",
        &[A(Action::Rank), T("高新技术企业"), A(Action::Open)],
    );
}

#[test]
fn help_grouped_by_screen() {
    screens(
        "help_rank",
        &[
            A(Action::Rank),
            T("高新技术企业"),
            A(Action::Open),
            A(Action::Help),
        ],
    );
}

#[test]
fn map_with_outlines_inset_and_legend() {
    screens(
        "map",
        &[
            A(Action::Rank),
            T("高新技术企业"),
            A(Action::Open),
            A(Action::Map),
        ],
    );
    let mut h = Harness::new(dataset::bundled().unwrap(), 120, 40, Lang::Zh);
    h.step(Action::Map);
    let screen = screen_text(&h.draw());
    let braille = screen
        .chars()
        .filter(|c| ('\u{2801}'..='\u{28FF}').contains(c))
        .count();
    assert!(braille > 400, "outlines drawn: {braille} cells\n{screen}");
    assert!(
        screen.contains("示意图") && screen.contains("南海诸岛"),
        "{screen}"
    );
    let sel = h.app.views.last().and_then(|v| match v {
        gaoxin::tui::screens::View::Map(m) => m.region(),
        _ => None,
    });
    let name = &h.app.ix.region(sel.unwrap()).unwrap().name;
    assert!(
        screen.contains(&format!(" {name} ")),
        "the selected region is named"
    );
}

#[test]
fn the_table_opens_the_reader_and_comes_back() {
    let mut h = Harness::new(dataset::bundled().unwrap(), 120, 40, Lang::En);
    h.step(Action::AllFigures);
    assert_eq!(h.app.mode(), Mode::Table);
    h.step(Action::Filter);
    assert_eq!(h.app.mode(), Mode::Filter, "typing into the table's filter");
    h.typed("qq");
    h.step(Action::FilterClear)
        .typed("binhai")
        .step(Action::Open);
    assert_eq!(h.app.mode(), Mode::Table);
    h.step(Action::Open);
    assert_eq!(h.app.mode(), Mode::Reader);
    let screen = screen_text(&h.draw());
    assert!(screen.contains("▸ 天津滨海高新区 › "), "{screen}");
    h.step(Action::Back);
    assert_eq!(h.app.mode(), Mode::Table);
}
