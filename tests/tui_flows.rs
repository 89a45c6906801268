//! Everyday flows driven through the app's actions on the bundled dataset: marking after a
//! search, fresh searches, shell editing keys, typos, no match, the ranking's keys, counts
//! that roll up.
#![allow(clippy::unwrap_used, clippy::expect_used)] // tests and benches fail loudly

mod tui {
    pub mod common;
}
use tui::common::*;

use gaoxin::dataset::{self, RegionKind};
use gaoxin::query::KindFilter;
use gaoxin::tui::i18n::Lang;
use gaoxin::tui::keymap::{self, Action, Key, Mode};
use gaoxin::tui::screens::View;

fn harness(lang: Lang) -> Harness {
    Harness::new(dataset::bundled().unwrap(), 120, 40, lang)
}

fn shown(h: &Harness) -> String {
    h.app
        .region()
        .map(|r| h.app.ix.region(r).unwrap().name.clone())
        .unwrap_or_default()
}

fn search(h: &mut Harness, q: &str) {
    h.step(Action::Filter).typed(q).step(Action::Open);
}

#[test]
fn search_then_space_marks_from_either_pane_and_c_compares() {
    let mut h = harness(Lang::Zh);
    search(&mut h, "hangzhou");
    assert_eq!(h.app.mode(), Mode::Figures, "Enter moves to the figures");
    let space = keymap::action(h.app.mode(), Key::Char(' ')).unwrap();
    h.step(space);
    search(&mut h, "changzhou");
    assert_eq!(h.app.filter, "changzhou", "the second search starts fresh");
    h.step(Action::NextPane);
    assert_eq!(h.app.mode(), Mode::Regions);
    h.step(Action::Mark);
    let names: Vec<String> = h
        .app
        .marks
        .iter()
        .map(|&r| h.app.ix.region(r).unwrap().name.clone())
        .collect();
    assert_eq!(names, ["杭州市", "常州市"]);
    let screen = screen_text(&h.draw());
    let status = screen.lines().last().unwrap();
    assert!(status.contains("已选 2/6"), "{status}");
    h.step(Action::Back);
    let screen = screen_text(&h.draw());
    assert!(line_with(&screen, "杭州市").contains("[1]"), "{screen}");
    h.step(Action::Compare);
    let Some(View::Compare(v)) = h.app.views.last() else {
        panic!("no comparison: {:?}", h.app.mode());
    };
    assert_eq!(v.cmp.regions, h.app.marks);
    h.step(Action::Back).step(Action::ClearMarks);
    assert!(h.app.marks.is_empty());
    assert!(h.app.notice.is_some(), "clearing says so");
}

#[test]
fn a_second_slash_is_fresh_and_shell_keys_edit_the_query() {
    let mut h = harness(Lang::En);
    search(&mut h, "hangzhou");
    h.step(Action::Filter);
    assert_eq!(h.app.filter, "");
    assert_eq!(shown(&h), "杭州市", "the shown region stays selected");
    h.typed("tianjin binhai");
    h.step(Action::FilterDeleteWord);
    assert_eq!(h.app.filter, "tianjin ");
    h.step(Action::FilterDeleteWord);
    assert_eq!(h.app.filter, "");
    h.typed("cheng").step(Action::FilterClear);
    assert_eq!(h.app.filter, "");
    assert_eq!(h.app.rows.len(), h.app.ix.tree(&h.app.collapsed).len());
}

#[test]
fn typos_find_the_region() {
    for (typo, name) in [
        ("chegndu", "成都市"),
        ("杭洲", "杭州市"),
        ("changzou", "常州市"),
    ] {
        let mut h = harness(Lang::Zh);
        h.step(Action::Filter).typed(typo);
        assert_eq!(shown(&h), name, "{typo}");
    }
}

#[test]
fn no_match_says_so() {
    for (lang, words) in [(Lang::Zh, "没有地区匹配"), (Lang::En, "No region matches")] {
        let mut h = harness(lang);
        h.step(Action::Filter).typed("qqqqxxxx");
        assert!(h.app.rows.is_empty());
        let screen = screen_text(&h.draw());
        assert!(screen.contains(words), "{screen}");
        assert!(
            !screen.contains("empty") && !screen.contains("为空"),
            "{screen}"
        );
    }
}

#[test]
fn k_moves_up_in_the_ranking_and_t_switches_kinds() {
    let mut h = harness(Lang::En);
    h.step(Action::Rank)
        .typed("高新技术企业")
        .step(Action::Open);
    assert_eq!(h.app.mode(), Mode::Rank);
    let key = |h: &Harness, c| keymap::action(h.app.mode(), Key::Char(c)).unwrap();
    for c in ['j', 'j', 'k'] {
        let a = key(&h, c);
        h.step(a);
    }
    let Some(View::Rank(v)) = h.app.views.last() else {
        panic!()
    };
    assert_eq!(v.sel, 1, "k moved up");
    let mut kinds = Vec::new();
    for _ in 0..5 {
        let a = key(&h, 't');
        h.step(a);
        let Some(View::Rank(v)) = h.app.views.last() else {
            panic!()
        };
        kinds.push(v.ranking.kind);
        for e in &v.ranking.entries {
            let kind = h.app.ix.region(e.region).unwrap().kind;
            assert!(v.ranking.kind.admits(kind));
        }
    }
    assert_eq!(
        kinds,
        [
            KindFilter::Parks,
            KindFilter::Cities,
            KindFilter::Provinces,
            KindFilter::Districts,
            KindFilter::All
        ]
    );
}

#[test]
fn counts_roll_up_the_tree() {
    let mut h = harness(Lang::Zh);
    let screen = screen_text(&h.draw());
    let ix = &h.app.ix;
    let province = (0..ix.data.regions.len())
        .find(|&r| {
            ix.region(r).unwrap().kind == RegionKind::Province
                && ix.subtree_figs[r] > ix.region_figs[r].len()
        })
        .unwrap();
    let name = &ix.region(province).unwrap().name;
    let expect = format!(
        "{} · {}",
        ix.region_figs[province].len(),
        ix.subtree_figs[province]
    );
    assert!(line_with(&screen, name).contains(&expect), "{screen}");
    let nation = ix.roots[0];
    let total: usize = ix
        .data
        .figures
        .iter()
        .filter(|f| f.region.is_some())
        .count();
    assert_eq!(ix.subtree_figs[nation], total);
}

fn line_with<'a>(screen: &'a str, needle: &str) -> &'a str {
    screen
        .lines()
        .find(|l| l.contains(needle))
        .unwrap_or_else(|| panic!("{needle} not on screen:\n{screen}"))
}
