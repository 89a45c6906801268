//! Shared helpers for the app's tests: datasets, a driven terminal and buffer checks.
#![allow(dead_code)]

use gaoxin::dataset::{self, Dataset};
use gaoxin::text;
use gaoxin::tui::App;
use gaoxin::tui::i18n::Lang;
use gaoxin::tui::keymap::Action;
use gaoxin::tui::render;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

/// The hand-made fixture.
pub fn fixture() -> Dataset {
    let path =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/mini_dataset.json");
    dataset::load(&path).unwrap()
}

/// Both datasets every rendering test runs on.
pub fn datasets() -> Vec<(&'static str, Dataset)> {
    vec![
        ("fixture", fixture()),
        ("bundled", dataset::bundled().unwrap()),
    ]
}

/// The sizes every view is drawn at.
pub const SIZES: [(u16, u16); 4] = [(120, 40), (80, 24), (50, 16), (20, 8)];

/// An app and a test terminal.
pub struct Harness {
    pub app: App,
    pub term: Terminal<TestBackend>,
}

impl Harness {
    pub fn new(data: Dataset, w: u16, h: u16, lang: Lang) -> Harness {
        let mut app = App::with_lang(data, lang);
        app.resize(Rect::new(0, 0, w, h));
        Harness {
            app,
            term: Terminal::new(TestBackend::new(w, h)).unwrap(),
        }
    }

    pub fn step(&mut self, a: Action) -> &mut Self {
        self.app.step(a);
        self
    }

    pub fn typed(&mut self, s: &str) -> &mut Self {
        for c in s.chars() {
            self.app.step(Action::FilterChar(c));
        }
        self
    }

    pub fn draw(&mut self) -> Buffer {
        // The frame as rendered: TestBackend's own buffer keeps stale halves of wide
        // characters that a real terminal would have overwritten.
        let app = &mut self.app;
        self.term
            .draw(|f| render::draw(f, app))
            .unwrap()
            .buffer
            .clone()
    }
}

/// The screen as text, one line per row, wide chars once.
pub fn screen_text(buf: &Buffer) -> String {
    let a = buf.area;
    let mut out = String::new();
    for y in a.y..a.bottom() {
        let mut x = a.x;
        while x < a.right() {
            let sym = buf[(x, y)].symbol();
            out.push_str(sym);
            x += text::width(sym).max(1) as u16;
        }
        out.push('\n');
    }
    out
}

/// The row `y` as text.
pub fn row_text(buf: &Buffer, y: u16) -> String {
    screen_text(buf)
        .lines()
        .nth(y as usize)
        .unwrap_or("")
        .to_string()
}

fn contains(r: Rect, x: u16, y: u16) -> bool {
    x >= r.x && x < r.right() && y >= r.y && y < r.bottom()
}

const BORDER: &str = "─│╭╮╰╯┌┐└┘";

/// Characters that must never reach the terminal besides controls: bidirectional formatting
/// (which reorders what follows) and the Unicode line and paragraph separators.
pub fn forbidden_char(c: char) -> bool {
    matches!(
        c,
        '\u{061C}' | '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}'
            | '\u{2028}' | '\u{2029}'
    )
}

/// Every cell well-formed: no control or bidi characters, every row exactly the screen width, no wide
/// character cut by the screen edge or a pane border, borders intact.
pub fn check_buffer(buf: &Buffer, panes: &[Rect], ctx: &str) {
    let a = buf.area;
    for y in a.y..a.bottom() {
        let mut x = a.x;
        let mut total = 0usize;
        while x < a.right() {
            let sym = buf[(x, y)].symbol();
            assert!(
                !sym.chars().any(|c| c.is_control() || forbidden_char(c)),
                "{ctx}: control char in cell ({x},{y}): {sym:?}"
            );
            let w = text::width(sym).max(1);
            assert!(w <= 2, "{ctx}: cell ({x},{y}) symbol {sym:?} is {w} wide");
            if w == 2 {
                assert!(
                    x + 1 < a.right(),
                    "{ctx}: wide {sym:?} cut by the right edge at row {y}"
                );
                let cont = buf[(x + 1, y)].symbol();
                assert_eq!(
                    cont, " ",
                    "{ctx}: wide {sym:?} at ({x},{y}) followed by {cont:?}"
                );
                // The glyph and its right half belong to the same topmost pane, inside its
                // border.
                let top = |x: u16| panes.iter().rposition(|p| contains(*p, x, y));
                assert_eq!(
                    top(x),
                    top(x + 1),
                    "{ctx}: wide {sym:?} at ({x},{y}) straddles a pane edge"
                );
                if let Some(p) = top(x).map(|i| panes[i]) {
                    let side = x == p.x || x + 1 == p.right() - 1;
                    assert!(
                        !side,
                        "{ctx}: wide {sym:?} at ({x},{y}) sits on the border of {p:?}"
                    );
                }
            }
            total += w;
            x += w as u16;
        }
        assert_eq!(total, a.width as usize, "{ctx}: row {y} adds up to {total}");
    }
    // Borders: corners and side columns of every pane, topmost wins.
    for (i, p) in panes.iter().enumerate() {
        let covered = |x: u16, y: u16| panes[i + 1..].iter().any(|q| contains(*q, x, y));
        for y in p.y..p.bottom() {
            for x in [p.x, p.right() - 1] {
                if covered(x, y) {
                    continue;
                }
                let sym = buf[(x, y)].symbol();
                assert!(
                    BORDER.contains(sym),
                    "{ctx}: border of {p:?} broken at ({x},{y}): {sym:?}"
                );
            }
        }
        for x in p.x..p.right() {
            let y = p.bottom() - 1;
            if !covered(x, y) {
                let sym = buf[(x, y)].symbol();
                assert!(
                    BORDER.contains(sym),
                    "{ctx}: bottom border of {p:?} broken at ({x},{y}): {sym:?}"
                );
            }
        }
    }
}
