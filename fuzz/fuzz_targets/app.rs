//! The app as the terminal drives it: random key, mouse and resize sequences go through
//! `tui::input::action` and `App::step`, and every frame is drawn. Nothing panics, selections
//! stay in range, and every drawn row is exactly the screen width with no control character.
#![no_main]

use crossterm::event::{
    Event, KeyCode, KeyEvent, KeyEventKind, KeyEventState, KeyModifiers, MouseButton, MouseEvent,
    MouseEventKind,
};
use gaoxin::dataset::{self, Dataset};
use gaoxin::query::Lang;
use gaoxin::text;
use gaoxin::tui::{App, input, render};
use libfuzzer_sys::fuzz_target;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use std::sync::OnceLock;

const FIXTURE: &str = include_str!("../../tests/fixtures/mini_dataset.json");

fn datasets() -> &'static [Dataset; 2] {
    static D: OnceLock<[Dataset; 2]> = OnceLock::new();
    D.get_or_init(|| {
        [
            dataset::bundled().expect("bundled dataset"),
            dataset::from_json(FIXTURE, std::path::Path::new("fixture")).expect("fixture"),
        ]
    })
}

const KEYS: &[KeyCode] = &[
    KeyCode::Up,
    KeyCode::Down,
    KeyCode::Left,
    KeyCode::Right,
    KeyCode::PageUp,
    KeyCode::PageDown,
    KeyCode::Home,
    KeyCode::End,
    KeyCode::Enter,
    KeyCode::Esc,
    KeyCode::Tab,
    KeyCode::BackTab,
    KeyCode::Backspace,
];

/// Characters worth typing: every key the keymap binds, and filter text (pinyin, CJK, wide,
/// combining, control).
const CHARS: &[char] = &[
    'q', 'j', 'k', 'h', 'l', 'g', 'G', 'n', 'N', 's', ' ', 'c', 'r', 'm', 'L', '?', '/', 'y', 'u',
    'a', 'z', '成', '都', '高', '新', '区', '\u{301}', '😀', '\u{1b}', '\u{202e}', '1',
];

fn key(code: KeyCode, modifiers: KeyModifiers) -> Event {
    Event::Key(KeyEvent {
        code,
        modifiers,
        kind: KeyEventKind::Press,
        state: KeyEventState::NONE,
    })
}

fn check(app: &App, term: &Terminal<TestBackend>, ctx: &str) {
    assert!(app.rows.is_empty() || app.region_sel < app.rows.len(), "{ctx}: region_sel");
    assert!(app.figs.is_empty() || app.fig_sel < app.figs.len(), "{ctx}: fig_sel");
    if let Some(r) = &app.reader {
        assert!(r.figs.is_empty() || r.cur < r.figs.len(), "{ctx}: reader figure");
        let body = usize::from(app.reader_body().height);
        assert!(r.shown.len() <= body, "{ctx}: reader lines past the body");
        assert!(r.shown.windows(2).all(|w| w[0].end <= w[1].start), "{ctx}: reader lines out of order");
    }
    let buf = term.backend().buffer();
    let a = buf.area;
    for y in a.y..a.bottom() {
        let mut x = a.x;
        let mut total = 0usize;
        while x < a.right() {
            let sym = buf[(x, y)].symbol();
            assert!(
                !sym.chars().any(|c| c.is_control()),
                "{ctx}: control character at ({x},{y}): {sym:?}"
            );
            let w = text::width(sym).max(1);
            total += w;
            x += w as u16;
        }
        assert_eq!(total, usize::from(a.width), "{ctx}: row {y} is {total} wide");
    }
}

fuzz_target!(|data: &[u8]| {
    let Some((&first, ops)) = data.split_first() else {
        return;
    };
    let ds = datasets()[usize::from(first & 1)].clone();
    let lang = if first & 2 == 0 { Lang::Zh } else { Lang::En };
    let mut app = App::with_lang(ds, lang);
    let mut term = Terminal::new(TestBackend::new(100, 30)).expect("terminal");
    let mut bytes = ops.iter().copied();
    let mut n = 0;
    while let Some(op) = bytes.next() {
        n += 1;
        let arg = bytes.next().unwrap_or(0);
        let ev = match op % 5 {
            0 => key(KEYS[usize::from(arg) % KEYS.len()], KeyModifiers::NONE),
            1 | 2 => key(KeyCode::Char(CHARS[usize::from(arg) % CHARS.len()]), KeyModifiers::NONE),
            3 => {
                let kind = match arg % 4 {
                    0 => MouseEventKind::Down(MouseButton::Left),
                    1 => MouseEventKind::ScrollUp,
                    2 => MouseEventKind::ScrollDown,
                    _ => MouseEventKind::Moved,
                };
                Event::Mouse(MouseEvent {
                    kind,
                    column: u16::from(bytes.next().unwrap_or(0) % 130),
                    row: u16::from(bytes.next().unwrap_or(0) % 45),
                    modifiers: KeyModifiers::NONE,
                })
            }
            _ => Event::Resize(
                u16::from(arg % 130),
                u16::from(bytes.next().unwrap_or(0) % 45),
            ),
        };
        if let Event::Resize(w, h) = ev {
            term.backend_mut().resize(w, h);
        }
        if let Some(action) = input::action(&ev, app.mode(), &app.hits) {
            app.step(action);
        }
        if app.quit {
            break;
        }
        term.draw(|f| render::draw(f, &mut app)).expect("draw");
        check(&app, &term, &format!("step {n} after {ev:?}"));
    }
});
