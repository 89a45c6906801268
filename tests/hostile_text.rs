//! Hostile text in every field a person reads: control characters, escape sequences, C1
//! controls, DEL, bidi overrides and zero-width characters in region names, aliases, titles,
//! bylines, labels, units, metric names, article text and source paths. Tables and the app show
//! them inert; CSV and JSON carry them through unchanged.
#![allow(clippy::unwrap_used, clippy::expect_used)] // tests and benches fail loudly

mod support {
    pub mod csv;
}
use support::csv::parse_csv;

mod tui {
    pub mod common;
}
use tui::common::*;

use std::path::Path;
use std::process::{Command, Stdio};

use gaoxin::dataset::{self, Dataset};
use gaoxin::tui::i18n::Lang;
use gaoxin::tui::keymap::{Action, Mode};
use ratatui::layout::Rect;
use serde_json::Value;

/// Every kind of character that must not reach a terminal raw, and some that are merely odd.
const HOSTILE: &str = "\u{1b}[2J\u{1b}[31m\u{1b}]0;pwned\u{7}\r\t\u{8}\u{0}\u{7f}\u{9b}6n\u{85}\
                       \u{202e}evil\u{202c}\u{2066}\u{200b}\u{200d}\u{feff}\u{2028}x\u{1b}P1$r\u{1b}\\";

/// Characters added after each `。` of an article, shifting the figures' offsets.
fn shift(o: usize, stops: &[usize], n: usize, inclusive: bool) -> usize {
    o + n * stops
        .iter()
        .filter(|&&q| if inclusive { q <= o } else { q < o })
        .count()
}

/// The fixture with [`HOSTILE`] in every free-text field, still a valid dataset.
fn hostile() -> Dataset {
    let mut ds = fixture();
    let n = HOSTILE.chars().count();
    for a in &mut ds.articles {
        a.title = format!("{}{HOSTILE}{}", a.title, a.title);
        a.byline = format!("{HOSTILE}{}", a.byline);
        a.source = format!("pages/{HOSTILE}/{}", a.source);
        // After every full stop: inside sentences the reader and the figures pane quote.
        let mut text = String::new();
        let mut stops = Vec::new();
        for (i, c) in a.text.chars().enumerate() {
            text.push(c);
            if c == '。' {
                // In the original's offsets: insertions are counted by `shift`.
                stops.push(i + 1);
                text.push_str(HOSTILE);
            }
        }
        for f in ds.figures.iter_mut().filter(|f| f.article == a.id) {
            let [s, e] = f.span;
            f.span = [shift(s, &stops, n, true), shift(e, &stops, n, false)];
            let [s, e] = f.sentence;
            f.sentence = [shift(s, &stops, n, true), shift(e, &stops, n, false)];
        }
        a.text = text;
    }
    for r in &mut ds.regions {
        r.name = format!("{}{HOSTILE}", r.name);
        r.aliases.push(format!("{HOSTILE}{}", r.id));
    }
    for m in &mut ds.metrics {
        m.zh = format!("{}{HOSTILE}", m.zh);
        m.en = format!("{HOSTILE}{}", m.en);
    }
    for f in &mut ds.figures {
        f.label = format!("{}{HOSTILE}", f.label);
        f.unit = format!("{}{HOSTILE}", f.unit);
    }
    dataset::validate(&ds, Path::new("hostile")).unwrap();
    ds
}

/// What no table line may hold: controls but `\n` (C0, DEL, C1) and bidi formatting.
fn leaked(s: &str) -> Option<char> {
    s.chars()
        .find(|&c| (c.is_control() && c != '\n') || forbidden_char(c))
}

fn gaoxin(data: &Path, args: &[&str]) -> String {
    let out = Command::new(env!("CARGO_BIN_EXE_gaoxin"))
        .args(args)
        .arg("--data")
        .arg(data)
        .env("LANG", "en_US.UTF-8")
        .env_remove("LC_ALL")
        .stdin(Stdio::null())
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

/// The queries, each naming regions and metrics by id (the names are hostile).
const QUERIES: [&[&str]; 6] = [
    &["regions"],
    &["show", "510100"],
    &[
        "compare",
        "510100",
        "park:510100:成都高新技术产业开发区",
        "510700",
    ],
    &["rank", "revenue"],
    &["metrics"],
    &["export"],
];

fn as_cell(v: &Value) -> String {
    match v {
        Value::Null => String::new(),
        Value::String(s) => s.clone(),
        other => other.to_string(),
    }
}

#[test]
fn tables_show_hostile_text_inert() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("hostile.json");
    std::fs::write(&data, serde_json::to_string(&hostile()).unwrap()).unwrap();
    for args in QUERIES {
        let out = gaoxin(&data, &[args, &["--format", "table"]].concat());
        if let Some(c) = leaked(&out) {
            panic!("{args:?}: {c:?} reached the terminal in\n{out}");
        }
        // The text is there, shown: ESC as its picture, the rest of the sequence as text.
        if args[0] != "metrics" {
            assert!(out.contains("␛[2J"), "{args:?}:\n{out}");
        }
    }
}

#[test]
fn error_messages_quoting_hostile_names_are_inert() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("hostile.json");
    std::fs::write(&data, serde_json::to_string(&hostile()).unwrap()).unwrap();
    // Unknown names list the closest regions and metrics, by their (hostile) names.
    for args in [&["show", "zzzqqq"][..], &["rank", "zzzz"], &["show", "区"]] {
        let out = Command::new(env!("CARGO_BIN_EXE_gaoxin"))
            .args(args)
            .arg("--data")
            .arg(&data)
            .stdin(Stdio::null())
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(1), "{args:?}");
        let err = String::from_utf8(out.stderr).unwrap();
        assert!(err.contains('␛'), "{args:?}: names quoted: {err}");
        assert_eq!(leaked(&err), None, "{args:?}: {err:?}");
    }
}

#[test]
fn csv_and_json_carry_hostile_text_unchanged() {
    let ds = hostile();
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("hostile.json");
    std::fs::write(&data, serde_json::to_string(&ds).unwrap()).unwrap();
    for args in QUERIES {
        let json = gaoxin(&data, &[args, &["--format", "json"]].concat());
        let records: Vec<Value> = serde_json::from_str(&json).unwrap();
        assert!(!records.is_empty(), "{args:?}");
        // CSV holds the same records, field for field.
        let raw_csv = gaoxin(&data, &[args, &["--format", "csv"]].concat());
        assert!(raw_csv.ends_with("\r\n"), "CSV ends mid-record: {args:?}");
        let csv = parse_csv(&raw_csv);
        assert_eq!(csv.len(), records.len() + 1, "{args:?}");
        let head = &csv[0];
        for (row, rec) in csv[1..].iter().zip(&records) {
            let rec = rec.as_object().unwrap();
            assert_eq!(row.len(), head.len(), "{args:?}");
            for (k, cell) in head.iter().zip(row) {
                assert_eq!(*cell, as_cell(&rec[k]), "{args:?} field {k}");
            }
        }
    }
    // The export, against the dataset itself.
    let json = gaoxin(&data, &["export", "--format", "json"]);
    let records: Vec<Value> = serde_json::from_str(&json).unwrap();
    assert_eq!(records.len(), ds.figures.len());
    for (rec, f) in records.iter().zip(&ds.figures) {
        let a = ds.articles.iter().find(|a| a.id == f.article).unwrap();
        let r = ds.regions.iter().find(|r| Some(&r.id) == f.region.as_ref());
        let sentence: String = a
            .text
            .chars()
            .skip(f.sentence[0])
            .take(f.sentence[1] - f.sentence[0])
            .collect();
        assert_eq!(rec["label"], f.label.as_str());
        assert_eq!(rec["unit"], f.unit.as_str());
        assert_eq!(rec["article_title"], a.title.as_str());
        assert_eq!(rec["source_file"], a.source.as_str());
        assert_eq!(rec["region"], r.map_or("", |r| r.name.as_str()));
        assert_eq!(rec["sentence"], sentence.as_str(), "figure {}", f.id);
    }
    assert!(json.contains(r#"\u001b[2J"#), "JSON escapes ESC");
}

/// Filters to `query`, opens the best match and marks it.
fn mark(h: &mut Harness, query: &str) {
    if !h.app.filter.is_empty() {
        h.step(Action::Back);
    }
    h.step(Action::Filter).typed(query).step(Action::Open);
    if h.app.mode() == Mode::Figures {
        h.step(Action::NextPane);
    }
    assert_eq!(h.app.mode(), Mode::Regions);
    h.step(Action::Mark);
}

/// Drives the app into the named view.
fn open(h: &mut Harness, view: &str) {
    match view {
        "regions" => {}
        "figures" => {
            h.step(Action::Filter).typed("chengdu").step(Action::Open);
            assert_eq!(h.app.mode(), Mode::Figures);
        }
        "reader" => {
            open(h, "figures");
            h.step(Action::Open).step(Action::NextFigure);
            assert_eq!(h.app.mode(), Mode::Reader);
        }
        "help" => {
            open(h, "reader");
            h.step(Action::Help);
        }
        "filter" => {
            h.step(Action::Filter).typed(HOSTILE);
        }
        "compare" => {
            mark(h, "chengdu");
            mark(h, "mianyang");
            mark(h, "tianjin");
            h.step(Action::Compare);
            assert_eq!(h.app.mode(), Mode::Compare);
        }
        "rank" => {
            h.step(Action::Rank).typed("revenue").step(Action::Open);
            assert_eq!(h.app.mode(), Mode::Rank);
        }
        "map" => {
            h.step(Action::Map);
            assert_eq!(h.app.mode(), Mode::Map);
            h.step(Action::Rank).typed("revenue").step(Action::Open);
            assert_eq!(h.app.mode(), Mode::Map);
        }
        "picker" => {
            h.step(Action::Rank).typed(HOSTILE);
        }
        _ => unreachable!("{view}"),
    }
}

const VIEWS: [&str; 9] = [
    "regions", "figures", "reader", "help", "filter", "compare", "rank", "map", "picker",
];

#[test]
fn every_view_draws_hostile_text_inert() {
    let ds = hostile();
    for view in VIEWS {
        for (w, hgt) in [(120, 40), (80, 24), (50, 16)] {
            for lang in [Lang::Zh, Lang::En] {
                let ctx = format!("{view} {w}x{hgt} {lang:?}");
                let mut h = Harness::new(ds.clone(), w, hgt, lang);
                open(&mut h, view);
                let buf = h.draw();
                check_buffer(&buf, &h.app.hits.panes, &ctx);
                let screen = screen_text(&buf);
                if let Some(c) = leaked(&screen) {
                    panic!("{ctx}: {c:?} on screen\n{screen}");
                }
                assert!(
                    screen.contains('␛'),
                    "{ctx}: no hostile text shown\n{screen}"
                );
                // Scroll through: every line of the view drawn once.
                for _ in 0..40 {
                    h.step(Action::PageDown);
                    let buf = h.draw();
                    check_buffer(&buf, &h.app.hits.panes, &format!("{ctx} scrolled"));
                }
            }
        }
    }
}

#[test]
fn every_view_survives_tiny_windows() {
    let ds = hostile();
    for view in VIEWS {
        let mut h = Harness::new(ds.clone(), 100, 30, Lang::Zh);
        open(&mut h, view);
        for (w, hgt) in [
            (1, 1),
            (2, 1),
            (1, 2),
            (3, 3),
            (39, 9),
            (40, 10),
            (0, 0),
            (100, 30),
        ] {
            let ctx = format!("{view} resized to {w}x{hgt}");
            h.app.resize(Rect::new(0, 0, w, hgt));
            h.term.backend_mut().resize(w, hgt);
            let buf = h.draw();
            assert_eq!(buf.area, Rect::new(0, 0, w, hgt), "{ctx}");
            check_buffer(&buf, &h.app.hits.panes, &ctx);
            // Keys still work at that size.
            h.step(Action::Down)
                .step(Action::PageDown)
                .step(Action::Help);
            check_buffer(&h.draw(), &h.app.hits.panes, &ctx);
            h.step(Action::Help);
        }
    }
}

#[test]
fn the_reader_shows_escapes_as_pictures() {
    let mut h = Harness::new(hostile(), 120, 40, Lang::En);
    open(&mut h, "reader");
    let screen = screen_text(&h.draw());
    assert!(screen.contains("␛[2J␛[31m␛]0;pwned␇␍"), "{screen}");
}

mod random {
    use super::*;
    use gaoxin::tui::keymap::Pane;
    use proptest::prelude::*;

    fn action() -> impl Strategy<Value = Action> {
        let fixed = [
            Action::Up,
            Action::Down,
            Action::PageUp,
            Action::PageDown,
            Action::Top,
            Action::Bottom,
            Action::Collapse,
            Action::Expand,
            Action::Open,
            Action::Back,
            Action::NextPane,
            Action::Filter,
            Action::Help,
            Action::Sort,
            Action::Lang,
            Action::NextFigure,
            Action::PrevFigure,
            Action::FilterDelete,
            Action::Mark,
            Action::Compare,
            Action::Rank,
            Action::Map,
            Action::Left,
            Action::Right,
            Action::CycleKind,
            Action::CycleYear,
        ];
        let hostile: Vec<char> = HOSTILE.chars().chain("成都cd区".chars()).collect();
        prop_oneof![
            6 => proptest::sample::select(fixed.to_vec()),
            2 => proptest::sample::select(hostile).prop_map(Action::FilterChar),
            1 => (0usize..50).prop_map(Action::ClickRegion),
            1 => (0usize..50).prop_map(Action::ClickFigure),
            1 => (proptest::sample::select(vec![Pane::Regions, Pane::Figures, Pane::Reader, Pane::Help]), -30i32..30)
                .prop_map(|(p, n)| Action::Scroll(p, n)),
        ]
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]

        /// Any keys at any size: no panic, and every frame well-formed and inert.
        #[test]
        fn any_keys_at_any_size_draw_inert_frames(
            steps in proptest::collection::vec((action(), 0u16..130, 0u16..45, any::<bool>()), 1..40)
        ) {
            let mut h = Harness::new(hostile(), 80, 24, Lang::En);
            for (a, w, hgt, resize) in steps {
                if resize {
                    h.app.resize(Rect::new(0, 0, w, hgt));
                    h.term.backend_mut().resize(w, hgt);
                }
                h.step(a);
                let buf = h.draw();
                check_buffer(&buf, &h.app.hits.panes, &format!("after {a:?}"));
                prop_assert_eq!(leaked(&screen_text(&buf)), None);
            }
        }
    }
}
