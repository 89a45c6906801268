//! App responsiveness: time to first frame from embedded JSON, filter + redraw per keystroke
//! and opening the metric picker, on the bundled dataset, the test fixture and synthetic
//! datasets 100× and 500× larger (the 500× one loaded from a file, as `gaoxin --data` does).
#![allow(clippy::unwrap_used, clippy::expect_used)] // tests and benches fail loudly

#[path = "support/scaled.rs"]
mod support;
use support::scaled;

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use gaoxin::dataset::{self, Dataset};
use gaoxin::tui::App;
use gaoxin::tui::i18n::Lang;
use gaoxin::tui::keymap::Action;
use gaoxin::tui::render;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use std::time::Duration;

const FIXTURE_JSON: &str = include_str!("../tests/fixtures/mini_dataset.json");

fn parse(json: &str) -> Dataset {
    dataset::from_json(json, std::path::Path::new("bench")).unwrap()
}

fn first_frame(app: App) -> Terminal<TestBackend> {
    let mut app = app;
    let mut term = Terminal::new(TestBackend::new(120, 40)).unwrap();
    term.draw(|f| render::draw(f, &mut app)).unwrap();
    term
}

fn bench(c: &mut Criterion) {
    let fixture = parse(FIXTURE_JSON);
    let bundled = dataset::bundled().unwrap();
    let base = if bundled.regions.is_empty() {
        &fixture
    } else {
        &bundled
    };
    let synthetic = scaled(base, 100);
    let synthetic_json = serde_json::to_string(&synthetic).unwrap();
    // The 500× dataset as `scaled_dataset` writes it, loaded from the file as the app does.
    let large = scaled(base, 500);
    let large_file =
        std::env::temp_dir().join(format!("gaoxin-bench-500x-{}.json", std::process::id()));
    gaoxin::pipeline::write_atomic(&large_file, &large).unwrap();

    let mut g = c.benchmark_group("first_frame");
    g.bench_function("bundled", |b| {
        b.iter(|| first_frame(App::with_lang(dataset::bundled().unwrap(), Lang::Zh)))
    });
    g.bench_function("fixture", |b| {
        b.iter(|| first_frame(App::with_lang(parse(black_box(FIXTURE_JSON)), Lang::Zh)))
    });
    g.bench_function("synthetic_100x", |b| {
        b.iter(|| first_frame(App::with_lang(parse(black_box(&synthetic_json)), Lang::Zh)))
    });
    g.finish();

    let mut g = c.benchmark_group("first_frame_large");
    g.sample_size(10).measurement_time(Duration::from_secs(30));
    g.bench_function("synthetic_500x_file", |b| {
        b.iter(|| {
            first_frame(App::with_lang(
                dataset::load(&large_file).unwrap(),
                Lang::Zh,
            ))
        })
    });
    g.finish();
    std::fs::remove_file(&large_file).unwrap();

    let mut g = c.benchmark_group("keystroke");
    for (name, data) in [
        ("bundled", &bundled),
        ("fixture", &fixture),
        ("synthetic_100x", &synthetic),
        ("synthetic_500x", &large),
    ] {
        let mut app = App::with_lang(data.clone(), Lang::Zh);
        let mut term = Terminal::new(TestBackend::new(120, 40)).unwrap();
        app.step(Action::Filter);
        for ch in "chengd".chars() {
            app.step(Action::FilterChar(ch));
        }
        let mut odd = false;
        g.bench_function(name, |b| {
            b.iter(|| {
                // Alternate typing and deleting the last letter: one keystroke per iteration.
                odd = !odd;
                app.step(if odd {
                    Action::FilterChar('u')
                } else {
                    Action::FilterDelete
                });
                term.draw(|f| render::draw(f, &mut app)).unwrap();
            })
        });
    }
    g.finish();

    // Typing a letter the filter has not just seen: ten letters in turn, each typed after
    // `chengd` and deleted again, so each typed one is matched afresh.
    let mut g = c.benchmark_group("keystroke_fresh");
    for (name, data) in [("bundled", &bundled), ("synthetic_500x", &large)] {
        let mut app = App::with_lang(data.clone(), Lang::Zh);
        let mut term = Terminal::new(TestBackend::new(120, 40)).unwrap();
        app.step(Action::Filter);
        for ch in "chengd".chars() {
            app.step(Action::FilterChar(ch));
        }
        let letters: Vec<char> = "uaeionghzs".chars().collect();
        let mut k = 0;
        g.bench_function(name, |b| {
            b.iter(|| {
                k += 1;
                app.step(Action::FilterChar(letters[k % letters.len()]));
                term.draw(|f| render::draw(f, &mut app)).unwrap();
                app.step(Action::FilterDelete);
            })
        });
    }
    g.finish();

    // `r` from the browser: the metric picker opens over it and is drawn.
    let mut g = c.benchmark_group("open_picker");
    for (name, data) in [("bundled", &bundled), ("synthetic_500x", &large)] {
        let mut app = App::with_lang(data.clone(), Lang::Zh);
        let mut term = Terminal::new(TestBackend::new(120, 40)).unwrap();
        term.draw(|f| render::draw(f, &mut app)).unwrap();
        g.bench_function(name, |b| {
            b.iter(|| {
                app.step(Action::Rank);
                term.draw(|f| render::draw(f, &mut app)).unwrap();
                app.step(Action::Back);
            })
        });
    }
    g.finish();
}

/// One article of about `bytes` bytes, in paragraphs of `para` sentences (0: one line), each
/// sentence holding one figure, all about the nation.
fn huge_article(base: &Dataset, bytes: usize, para: usize) -> Dataset {
    const SENTENCE: &str = "园区新增高新技术企业2443家，同比增长12.5%，全区上下持续优化营商环境。";
    let mut text = String::with_capacity(bytes + 1024);
    let mut figures = Vec::new();
    let mut chars = 0;
    let mut n = 0;
    while text.len() < bytes {
        if para > 0 && n > 0 && n % para == 0 {
            text.push('\n');
            chars += 1;
        }
        let start = chars + 10;
        figures.push(dataset::Figure {
            id: format!("big#0@{start}"),
            article: "big#0".into(),
            region: Some("cn".into()),
            label: "高新技术企业".into(),
            metric: None,
            measure: dataset::Measure::Level,
            scope: None,
            value: 2443.0,
            unit: "家".into(),
            raw: "2443家".into(),
            qualifier: dataset::Qualifier::Exact,
            modality: dataset::Modality::Actual,
            year: None,
            span: [start, start + 5],
            sentence: [chars, chars + SENTENCE.chars().count()],
        });
        text.push_str(SENTENCE);
        chars += SENTENCE.chars().count();
        n += 1;
    }
    let mut ds = base.clone();
    ds.regions.retain(|r| r.parent.is_none());
    ds.articles = vec![dataset::Article {
        id: "big#0".into(),
        source: "big.txt".into(),
        title: "大文章".into(),
        byline: String::new(),
        text,
        date: None,
    }];
    ds.figures = figures;
    ds
}

/// The reader on a 20 MB article: opening it at its first figure, and one `n` (next figure)
/// with its redraw.
fn reader(c: &mut Criterion) {
    let base = dataset::bundled().unwrap();
    let mut g = c.benchmark_group("reader_20mb");
    g.sample_size(10);
    for (name, para) in [("paragraphs", 4), ("one_line", 0)] {
        let data = huge_article(&base, 20 << 20, para);
        let mut term = Terminal::new(TestBackend::new(120, 40)).unwrap();
        let open = |term: &mut Terminal<TestBackend>| {
            let mut app = App::with_lang(data.clone(), Lang::Zh);
            app.step(Action::Expand);
            app.step(Action::Open);
            assert!(app.reader.is_some(), "the reader did not open");
            term.draw(|f| render::draw(f, &mut app)).unwrap();
            app
        };
        let mut app = open(&mut term);
        g.bench_function(format!("open_{name}"), |b| {
            b.iter_batched(
                || App::with_lang(data.clone(), Lang::Zh),
                |mut app| {
                    app.step(Action::Expand);
                    app.step(Action::Open);
                    term.draw(|f| render::draw(f, &mut app)).unwrap();
                    app
                },
                criterion::BatchSize::PerIteration,
            )
        });
        let text = data.articles[0].text.clone();
        g.bench_function(format!("wrap_only_{name}"), |b| {
            b.iter(|| gaoxin::tui::layout::wrap_chars(black_box(&text), 118))
        });
        g.bench_function(format!("next_figure_{name}"), |b| {
            b.iter(|| {
                app.step(Action::NextFigure);
                term.draw(|f| render::draw(f, &mut app)).unwrap();
            })
        });
    }
    g.finish();
}

criterion_group!(benches, bench, reader);
criterion_main!(benches);
