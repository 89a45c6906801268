//! App responsiveness: time to first frame from embedded JSON, and filter + redraw per
//! keystroke, on the bundled dataset, the test fixture and a synthetic dataset 100× larger.
#![allow(clippy::unwrap_used, clippy::expect_used)] // tests and benches fail loudly

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use gaoxin::dataset::{self, Dataset};
use gaoxin::tui::App;
use gaoxin::tui::i18n::Lang;
use gaoxin::tui::keymap::Action;
use gaoxin::tui::render;
use ratatui::Terminal;
use ratatui::backend::TestBackend;

const FIXTURE_JSON: &str = include_str!("../tests/fixtures/mini_dataset.json");

fn parse(json: &str) -> Dataset {
    dataset::from_json(json, std::path::Path::new("bench")).unwrap()
}

/// `n` renamed copies of `base`, so regions, articles and figures are all `n` times as many.
fn scaled(base: &Dataset, n: usize) -> Dataset {
    let mut out = base.clone();
    out.articles.clear();
    out.regions.clear();
    out.figures.clear();
    for k in 0..n {
        // One nation for all copies: a dataset has exactly one.
        let nation = |id: &str| {
            base.regions
                .iter()
                .any(|r| r.id == id && r.parent.is_none())
        };
        let sfx = |id: &str| {
            if k == 0 || nation(id) {
                id.to_string()
            } else {
                format!("{id}~{k}")
            }
        };
        for a in &base.articles {
            let mut a = a.clone();
            a.id = sfx(&a.id);
            out.articles.push(a);
        }
        for r in &base.regions {
            if k > 0 && r.parent.is_none() {
                continue;
            }
            let mut r = r.clone();
            r.id = sfx(&r.id);
            r.parent = r.parent.as_deref().map(sfx);
            if k > 0 {
                r.name = format!("{}{k}", r.name);
            }
            out.regions.push(r);
        }
        for f in &base.figures {
            let mut f = f.clone();
            f.id = sfx(&f.id);
            f.article = sfx(&f.article);
            f.region = f.region.as_deref().map(sfx);
            out.figures.push(f);
        }
    }
    out
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

    let mut g = c.benchmark_group("keystroke");
    for (name, data) in [
        ("bundled", &bundled),
        ("fixture", &fixture),
        ("synthetic_100x", &synthetic),
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
