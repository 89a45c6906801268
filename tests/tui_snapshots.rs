//! Snapshots of the main screens at 80×24 on the fixture.
#![allow(clippy::unwrap_used, clippy::expect_used)] // tests and benches fail loudly

mod tui {
    pub mod common;
}
use tui::common::*;

use gaoxin::tui::i18n::Lang;
use gaoxin::tui::keymap::Action;

fn shot(lang: Lang, actions: &[Action], typed: &str) -> String {
    let mut h = Harness::new(fixture(), 80, 24, lang);
    for a in actions {
        h.step(*a);
        if *a == Action::Filter {
            h.typed(typed);
        }
    }
    screen_text(&h.draw())
}

#[test]
fn browser() {
    insta::assert_snapshot!("browser_zh", shot(Lang::Zh, &[], ""));
    insta::assert_snapshot!("browser_en", shot(Lang::En, &[], ""));
}

#[test]
fn filter() {
    insta::assert_snapshot!("filter_cd", shot(Lang::Zh, &[Action::Filter], "cd"));
}

#[test]
fn region() {
    let a = [Action::Filter, Action::Open, Action::Down, Action::Down];
    insta::assert_snapshot!("region_chengdu", shot(Lang::Zh, &a, "成都市"));
}

#[test]
fn reader() {
    let a = [
        Action::Filter,
        Action::Open,
        Action::Open,
        Action::NextFigure,
    ];
    insta::assert_snapshot!("reader_jinniu", shot(Lang::Zh, &a, "金牛"));
}

#[test]
fn help() {
    insta::assert_snapshot!("help_en", shot(Lang::En, &[Action::Help], ""));
}
