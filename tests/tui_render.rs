//! Rendering tests: every view at several sizes, on the fixture and on the bundled dataset.
#![allow(clippy::unwrap_used, clippy::expect_used)] // tests and benches fail loudly

mod tui {
    pub mod common;
}
use tui::common::*;

use gaoxin::dataset::Dataset;
use gaoxin::tui::i18n::Lang;
use gaoxin::tui::keymap::{Action, Mode};
use gaoxin::tui::layout;

/// Drives the app into a named view.
fn scenario(h: &mut Harness, name: &str) {
    match name {
        "browser" => {}
        "browser-deep" => {
            h.step(Action::Bottom).step(Action::Up);
        }
        "region" => {
            h.step(Action::Down)
                .step(Action::Down)
                .step(Action::NextPane);
            h.step(Action::Down);
        }
        "reader" => {
            // The first region with figures, its first figure's article.
            for _ in 0..h.app.rows.len() {
                if !h.app.figs.is_empty() {
                    break;
                }
                h.step(Action::Down);
            }
            h.step(Action::NextPane)
                .step(Action::Open)
                .step(Action::NextFigure);
        }
        "filter" => {
            h.step(Action::Filter);
            h.typed("cd");
        }
        "filter-none" => {
            h.step(Action::Filter);
            h.typed("zzzzqqq");
        }
        "help" => {
            h.step(Action::Help);
        }
        "help-over-reader" => {
            scenario(h, "reader");
            h.step(Action::Help);
        }
        _ => unreachable!(),
    }
}

const SCENARIOS: [&str; 8] = [
    "browser",
    "browser-deep",
    "region",
    "reader",
    "filter",
    "filter-none",
    "help",
    "help-over-reader",
];

#[test]
fn every_view_renders_cleanly_at_every_size() {
    for (dname, data) in datasets() {
        for (w, hgt) in SIZES {
            for lang in [Lang::Zh, Lang::En] {
                for sc in SCENARIOS {
                    let ctx = format!("{dname} {w}x{hgt} {lang:?} {sc}");
                    let mut h = Harness::new(data.clone(), w, hgt, lang);
                    scenario(&mut h, sc);
                    let buf = h.draw();
                    check_buffer(&buf, &h.app.hits.panes, &ctx);
                    let text = screen_text(&buf);
                    if w < layout::MIN_WIDTH || hgt < layout::MIN_HEIGHT {
                        let want = lang.pick("窗口太小", "Window too");
                        assert!(text.contains(want), "{ctx}: {text}");
                    } else {
                        let mode = h.app.mode().name(lang);
                        assert!(row_text(&buf, hgt - 1).contains(mode), "{ctx}: {text}");
                    }
                }
            }
        }
    }
}

#[test]
fn help_popup_over_cjk_leaves_no_half_glyph() {
    // Shift the popup's edges across every column parity by varying the width.
    for w in 60..=81 {
        let mut h = Harness::new(fixture(), w, 24, Lang::Zh);
        scenario(&mut h, "help-over-reader");
        let buf = h.draw();
        check_buffer(&buf, &h.app.hits.panes, &format!("help {w}x24"));
        assert!(h.app.hits.help.width > 0);
    }
}

#[test]
fn escape_sequences_in_text_render_inert() {
    let mut h = Harness::new(fixture(), 100, 30, Lang::Zh);
    h.step(Action::Filter);
    h.typed("tjbh");
    assert_eq!(
        h.app.ix.region(h.app.region().unwrap()).unwrap().name,
        "天津滨海高新区"
    );
    h.step(Action::Open);
    let buf = h.draw();
    check_buffer(&buf, &h.app.hits.panes, "escape region");
    h.step(Action::Down).step(Action::Down).step(Action::Open);
    assert_eq!(h.app.mode(), Mode::Reader);
    let buf = h.draw();
    check_buffer(&buf, &h.app.hits.panes, "escape reader");
    let text = screen_text(&buf);
    assert!(!text.contains('\u{1b}') && !text.contains('\u{7}') && !text.contains('\r'));
    // The text around the escapes is still there, and the bracket that followed ESC shows.
    assert!(text.contains("跑出创新加速度"), "{text}");
    assert!(text.contains("[31m"), "{text}");
}

#[test]
fn empty_dataset_renders() {
    let empty: Dataset = gaoxin::dataset::from_json(
        r#"{"schema_version":1,"articles":[],"regions":[],"metrics":[],"figures":[]}"#,
        std::path::Path::new("x"),
    )
    .unwrap();
    for (w, hgt) in SIZES {
        for sc in SCENARIOS {
            let mut h = Harness::new(empty.clone(), w, hgt, Lang::En);
            scenario(&mut h, sc);
            h.step(Action::Open)
                .step(Action::Sort)
                .step(Action::Collapse);
            let buf = h.draw();
            check_buffer(&buf, &h.app.hits.panes, &format!("empty {w}x{hgt} {sc}"));
        }
    }
}

#[test]
fn reader_marks_and_follows_figures() {
    let mut h = Harness::new(fixture(), 80, 24, Lang::Zh);
    h.step(Action::Filter);
    h.typed("jinniu");
    h.step(Action::Open);
    let before = (h.app.region(), h.app.fig_sel);
    h.step(Action::Down);
    let sel = h.app.figure();
    h.step(Action::Open);
    let r = h.app.reader.as_ref().unwrap();
    assert_eq!(r.figs[r.cur], sel.unwrap());
    let buf = h.draw();
    // The selected figure is on screen, reversed.
    let f = h.app.ix.figure(sel.unwrap()).unwrap().clone();
    let lit: String = (0..buf.area.height)
        .flat_map(|y| (0..buf.area.width).map(move |x| (x, y)))
        .filter(|&p| buf[p].modifier.contains(ratatui::style::Modifier::REVERSED))
        .map(|p| buf[p].symbol().to_string())
        .collect::<String>()
        .replace(' ', "");
    assert_eq!(lit, f.raw);
    let cur = h.app.reader.as_ref().unwrap().cur;
    h.step(Action::NextFigure);
    assert_eq!(h.app.reader.as_ref().unwrap().cur, cur + 1);
    h.step(Action::PrevFigure).step(Action::PrevFigure);
    assert_eq!(h.app.reader.as_ref().unwrap().cur, cur - 1);
    h.step(Action::Back);
    assert_eq!(h.app.mode(), Mode::Figures);
    assert_eq!((h.app.region(), h.app.fig_sel), (before.0, 1));
}

#[test]
fn reader_scrolls_to_a_figure_far_down() {
    // A narrow window makes the article longer than the screen.
    let mut h = Harness::new(fixture(), 40, 12, Lang::Zh);
    h.step(Action::Filter);
    h.typed("四川");
    h.step(Action::Open).step(Action::Open);
    let f = h.app.figure().unwrap();
    let raw = h.app.ix.figure(f).unwrap().raw.clone();
    assert!(h.app.reader.as_ref().unwrap().scroll > gaoxin::tui::state::Pos::default());
    let text = screen_text(&h.draw());
    assert!(text.contains(&raw), "{raw} not in\n{text}");
}

#[test]
fn status_line_and_language_toggle() {
    let mut h = Harness::new(fixture(), 80, 24, Lang::Zh);
    h.step(Action::Filter);
    h.typed("成都市");
    h.step(Action::Open);
    let zh = screen_text(&h.draw());
    assert!(zh.contains("高新技术企业") && zh.contains("数值"), "{zh}");
    h.step(Action::Lang);
    let en = screen_text(&h.draw());
    assert!(
        en.contains("High-tech enterprises") && en.contains("Value"),
        "{en}"
    );
    // Region names and article text stay as written.
    assert!(en.contains("成都市") && en.contains("截至去年底"), "{en}");
    assert!(row_text(&h.draw(), 23).contains("FIGURES"));
}

/// One article of `n` sentences on a single line, a figure in the first and in the last.
fn one_long_line(n: usize) -> Dataset {
    use gaoxin::dataset::{Article, Figure, Measure, Modality, Qualifier};
    const SENTENCE: &str = "园区新增高新技术企业2443家，全区上下持续优化营商环境。";
    let len = SENTENCE.chars().count();
    let figure = |k: usize| Figure {
        id: format!("big#0@{k}"),
        article: "big#0".into(),
        region: Some("cn".into()),
        label: "高新技术企业".into(),
        metric: None,
        measure: Measure::Level,
        scope: None,
        value: 2443.0,
        unit: "家".into(),
        raw: "2443家".into(),
        qualifier: Qualifier::Exact,
        modality: Modality::Actual,
        year: None,
        span: [k * len + 10, k * len + 15],
        sentence: [k * len, (k + 1) * len],
    };
    let mut ds = gaoxin::dataset::bundled().unwrap();
    ds.regions.retain(|r| r.parent.is_none());
    ds.articles = vec![Article {
        id: "big#0".into(),
        source: "big.txt".into(),
        title: "大文章".into(),
        byline: String::new(),
        text: SENTENCE.repeat(n),
        date: None,
    }];
    ds.figures = vec![figure(0), figure(n - 1)];
    ds
}

#[test]
fn reader_pages_through_a_megabytes_long_line() {
    // About 3 MB on one line: the reader wraps only what it shows.
    let mut h = Harness::new(one_long_line(40_000), 60, 20, Lang::Zh);
    h.step(Action::Expand).step(Action::Open);
    assert_eq!(h.app.reader.as_ref().unwrap().cur, 0);
    let start = screen_text(&h.draw());
    assert!(start.contains("2443家"), "{start}");
    h.step(Action::NextFigure);
    let end = screen_text(&h.draw());
    assert!(end.contains("2443家"), "{end}");
    // The last figure sits in the last sentence: the screen ends with the article.
    h.step(Action::Bottom);
    let r = h.app.reader.as_ref().unwrap();
    let body = usize::from(h.app.reader_body().height);
    assert_eq!(r.shown.len(), body);
    let chars = h.app.ix.article(0).unwrap().text.chars().count();
    assert_eq!(r.shown.last().unwrap().end, chars);
    let bottom = r.scroll;
    h.step(Action::Down);
    assert_eq!(
        h.app.reader.as_ref().unwrap().scroll,
        bottom,
        "no scrolling past the end"
    );
    h.step(Action::PageUp).step(Action::PageDown);
    assert_eq!(h.app.reader.as_ref().unwrap().scroll, bottom);
    h.step(Action::Top);
    let r = h.app.reader.as_ref().unwrap();
    assert_eq!(r.shown.first().unwrap().start, 0);
    for w in r.shown.windows(2) {
        assert_eq!(w[0].end, w[1].start, "lines follow each other");
    }
}
