//! The terminal app: browse regions, read figures and check them against their source.
//!
//! State lives in [`state::App`] and changes only through [`state::App::step`] with an
//! [`keymap::Action`]; [`view::draw`] renders it. This module owns the terminal: it restores
//! it on quit, on error and on panic.

pub mod input;
pub mod keymap;
pub mod layout;
pub mod state;
pub mod view;
pub mod views;

// The app shares its lookups, search and formatting with the query commands.
pub use crate::query::{format, i18n, index, search};

use std::io::{self, Stdout, Write};
use std::sync::Once;
use std::sync::atomic::{AtomicBool, Ordering};

use crossterm::event::{self, DisableMouseCapture, EnableMouseCapture};
use crossterm::terminal::{
    EnterAlternateScreen, LeaveAlternateScreen, disable_raw_mode, enable_raw_mode,
};
use crossterm::{cursor, execute};
use ratatui::Terminal;
use ratatui::backend::CrosstermBackend;

use crate::dataset::Dataset;
pub use state::App;

/// Set while the terminal is in raw mode and the alternate screen.
static ACTIVE: AtomicBool = AtomicBool::new(false);
static HOOK: Once = Once::new();

/// Runs the app on `dataset` until the user quits; the terminal is restored on every exit path.
pub fn run(dataset: Dataset) -> crate::Result<()> {
    let mut app = App::new(dataset);
    install_panic_hook();
    let guard = Session::start().map_err(tty_error)?;
    let mut terminal = Terminal::new(CrosstermBackend::new(io::stdout())).map_err(tty_error)?;
    let result = event_loop(&mut terminal, &mut app);
    drop(guard);
    result.map_err(tty_error)
}

fn event_loop(terminal: &mut Terminal<CrosstermBackend<Stdout>>, app: &mut App) -> io::Result<()> {
    while !app.quit {
        terminal.draw(|f| view::draw(f, app))?;
        // Resizes need no action: the next draw lays out for the new size.
        let ev = event::read()?;
        if let Some(action) = input::action(&ev, app.mode(), &app.hits) {
            app.step(action);
        }
    }
    Ok(())
}

fn tty_error(e: io::Error) -> crate::Error {
    crate::Error::io("<terminal>", e)
}

/// Puts the terminal into app mode; dropping it puts the terminal back.
struct Session;

impl Session {
    fn start() -> io::Result<Session> {
        enable_raw_mode()?;
        ACTIVE.store(true, Ordering::SeqCst);
        let session = Session;
        execute!(
            io::stdout(),
            EnterAlternateScreen,
            EnableMouseCapture,
            cursor::Hide
        )?;
        Ok(session)
    }
}

impl Drop for Session {
    fn drop(&mut self) {
        restore();
    }
}

/// Leaves raw mode and the alternate screen, once, whoever calls first.
fn restore() {
    if ACTIVE.swap(false, Ordering::SeqCst) {
        let mut out = io::stdout();
        let _ = execute!(out, DisableMouseCapture, LeaveAlternateScreen, cursor::Show);
        let _ = disable_raw_mode();
        let _ = out.flush();
    }
}

/// Restores the terminal before the panic message is printed, so it stays readable.
fn install_panic_hook() {
    HOOK.call_once(|| {
        let previous = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            restore();
            previous(info);
        }));
    });
}
