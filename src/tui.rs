//! The terminal app: browse regions, read figures and check them against their source.
//!
//! State lives in [`state::App`] and changes only through [`state::App::step`] with an
//! [`keymap::Action`]; [`render::draw`] renders it. This module owns the terminal: it restores
//! it on quit, on error, on panic and on the signals that end a program; it suspends on Ctrl-Z
//! and SIGTSTP, and ends quietly when the terminal itself goes away (see [`term`]).

pub mod input;
pub mod keymap;
pub mod layout;
pub mod outline;
pub mod render;
pub mod screens;
pub mod state;
mod term;

// The app shares its lookups, search and formatting with the query commands.
pub use crate::query::{format, i18n, index, search};

use std::io::{self, IsTerminal, Stdout};
use std::sync::Once;
use std::time::Duration;

use crossterm::event::{self, Event, KeyCode, KeyEventKind, KeyModifiers};
use ratatui::Terminal;
use ratatui::backend::CrosstermBackend;

use crate::dataset::Dataset;
pub use state::App;
use term::{Session, Stop, Watchdog};

static HOOK: Once = Once::new();

/// Runs the app on `dataset` until the user quits; the terminal is restored on every exit path.
///
/// SIGTERM, SIGHUP and SIGINT end the app too: the terminal is restored first, then the process
/// ends as the signal's default action would, so the parent still sees that signal as the cause.
pub fn run(dataset: Dataset) -> crate::Result<()> {
    // Drawing into a pipe or a file would fill it with escape sequences while the keyboard,
    // in raw mode, waits for a `q` the user cannot see the need for.
    if !io::stdout().is_terminal() || !io::stdin().is_terminal() {
        return Err(tty_error(io::Error::other(
            "the app needs a terminal on standard input and output; for scripts use the \
             query commands (gaoxin regions, show, compare, rank, metrics, export)",
        )));
    }
    let mut app = App::new(dataset);
    install_panic_hook();
    let stop = Stop::register().map_err(tty_error)?;
    let watchdog = Watchdog::start(&stop).map_err(tty_error)?;
    let guard = Session::start().map_err(tty_error)?;
    let mut terminal = Terminal::new(CrosstermBackend::new(io::stdout())).map_err(tty_error)?;
    let result = event_loop(&mut terminal, &mut app, &stop);
    if result.is_err() && term::hung_up_now() {
        // The terminal went away under the loop: no one to restore it for or to tell.
        term::end_by(HANGUP);
    }
    drop(guard);
    drop(watchdog);
    if let Some(signal) = stop.received() {
        drop(stop);
        term::end_by(signal);
    }
    result.map_err(tty_error)
}

#[cfg(unix)]
const HANGUP: i32 = signal_hook::consts::SIGHUP;
#[cfg(not(unix))]
const HANGUP: i32 = signal_hook::consts::SIGTERM;

/// How long the loop waits for input before looking for a stop signal again.
const TICK: Duration = Duration::from_millis(100);

/// Ctrl-Z: in raw mode the terminal sends it as a key instead of stopping the app.
fn is_suspend_key(ev: &Event) -> bool {
    matches!(ev, Event::Key(k) if k.kind == KeyEventKind::Press
        && k.modifiers.contains(KeyModifiers::CONTROL)
        && matches!(k.code, KeyCode::Char('z' | 'Z')))
}

fn event_loop(
    terminal: &mut Terminal<CrosstermBackend<Stdout>>,
    app: &mut App,
    stop: &Stop,
) -> io::Result<()> {
    let panic_in_view = panic_in_view_requested();
    let mut stale = true;
    while !app.quit && stop.received().is_none() && !term::gone() {
        let mut suspend = stop.take_suspend();
        if stop.take_resumed() {
            // Continued after a stop the app did not ask for (SIGSTOP): the shell may have
            // reset the terminal meanwhile.
            term::enter()?;
            terminal.clear()?;
            stale = true;
        }
        if !suspend {
            if stale {
                terminal.draw(|f| {
                    if panic_in_view {
                        panic!("GAOXIN_PANIC_IN_VIEW is set: the first draw panics, as asked");
                    }
                    render::draw(f, app);
                })?;
            }
            // Resizes need no action: the next draw lays out for the new size.
            stale = event::poll(TICK)?;
            if stale {
                let ev = event::read()?;
                if is_suspend_key(&ev) {
                    suspend = true;
                } else if let Event::Paste(text) = &ev {
                    app.paste(text);
                } else if let Some(action) = input::action(&ev, app.mode(), &app.hits) {
                    app.step(action);
                }
            }
        }
        if suspend {
            term::suspend()?;
            // Back from the stop: the continue signal that woke us is this resumption.
            stop.take_resumed();
            terminal.clear()?;
            stale = true;
        }
    }
    Ok(())
}

/// Whether a test asked the first draw to panic, to check that a panic restores the terminal.
/// Debug builds only: a release build has no such switch.
#[cfg(debug_assertions)]
fn panic_in_view_requested() -> bool {
    std::env::var_os("GAOXIN_PANIC_IN_VIEW").is_some_and(|v| v == "1")
}

#[cfg(not(debug_assertions))]
fn panic_in_view_requested() -> bool {
    false
}

fn tty_error(e: io::Error) -> crate::Error {
    crate::Error::io("<terminal>", e)
}

/// Restores the terminal before the panic message is printed, so it stays readable.
fn install_panic_hook() {
    HOOK.call_once(|| {
        let previous = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            term::restore();
            previous(info);
        }));
    });
}
