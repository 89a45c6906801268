//! The terminal app: browse regions, read figures and check them against their source.
//!
//! State lives in [`state::App`] and changes only through [`state::App::step`] with an
//! [`keymap::Action`]; [`view::draw`] renders it. This module owns the terminal: it restores
//! it on quit, on error, on panic and on SIGTERM, SIGHUP and SIGINT.

pub mod input;
pub mod keymap;
pub mod layout;
pub mod outline;
pub mod state;
pub mod view;
pub mod views;

// The app shares its lookups, search and formatting with the query commands.
pub use crate::query::{format, i18n, index, search};

use std::io::{self, IsTerminal, Stdout, Write};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Arc, Once};
use std::time::Duration;

use crossterm::event::{self, DisableMouseCapture, EnableMouseCapture};
use crossterm::terminal::{
    EnterAlternateScreen, LeaveAlternateScreen, disable_raw_mode, enable_raw_mode,
};
use crossterm::{cursor, execute};
use ratatui::Terminal;
use ratatui::backend::CrosstermBackend;
#[cfg(unix)]
use signal_hook::consts::SIGHUP;
use signal_hook::consts::{SIGINT, SIGTERM};

use crate::dataset::Dataset;
pub use state::App;

/// Set while the terminal is in raw mode and the alternate screen.
static ACTIVE: AtomicBool = AtomicBool::new(false);
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
    let guard = Session::start().map_err(tty_error)?;
    let mut terminal = Terminal::new(CrosstermBackend::new(io::stdout())).map_err(tty_error)?;
    let result = event_loop(&mut terminal, &mut app, &stop);
    drop(guard);
    if let Some(signal) = stop.received() {
        drop(stop);
        // Only returns if the signal's default action cannot be taken; then quitting is enough.
        let _ = signal_hook::low_level::emulate_default_handler(signal);
    }
    result.map_err(tty_error)
}

/// How long the loop waits for input before looking for a stop signal again.
const TICK: Duration = Duration::from_millis(100);

fn event_loop(
    terminal: &mut Terminal<CrosstermBackend<Stdout>>,
    app: &mut App,
    stop: &Stop,
) -> io::Result<()> {
    let panic_in_view = panic_in_view_requested();
    let mut stale = true;
    while !app.quit && stop.received().is_none() {
        if stale {
            terminal.draw(|f| {
                if panic_in_view {
                    panic!("GAOXIN_PANIC_IN_VIEW is set: the first draw panics, as asked");
                }
                view::draw(f, app);
            })?;
        }
        // Resizes need no action: the next draw lays out for the new size.
        stale = event::poll(TICK)?;
        if stale && let Some(action) = input::action(&event::read()?, app.mode(), &app.hits) {
            app.step(action);
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

/// The signals that end the app, caught while it runs so the terminal can be restored first.
///
/// A second stop signal, or any after the app has returned, takes the default action at once:
/// an app stuck somewhere can still be killed, and the caller is left with the usual behaviour.
struct Stop {
    received: Arc<AtomicUsize>,
    /// Set by the first stop signal, and when the app returns.
    default_now: Arc<AtomicBool>,
}

#[cfg(unix)]
const STOP_SIGNALS: &[i32] = &[SIGTERM, SIGHUP, SIGINT];
#[cfg(not(unix))]
const STOP_SIGNALS: &[i32] = &[SIGTERM, SIGINT];

impl Stop {
    fn register() -> io::Result<Stop> {
        let stop = Stop {
            received: Arc::new(AtomicUsize::new(0)),
            default_now: Arc::new(AtomicBool::new(false)),
        };
        for &signal in STOP_SIGNALS {
            // Actions run in the order registered: the default check sees the flag as it was
            // before this signal.
            signal_hook::flag::register_conditional_default(signal, Arc::clone(&stop.default_now))?;
            signal_hook::flag::register(signal, Arc::clone(&stop.default_now))?;
            let value = usize::try_from(signal).unwrap_or(usize::MAX);
            signal_hook::flag::register_usize(signal, Arc::clone(&stop.received), value)?;
        }
        Ok(stop)
    }

    /// The stop signal caught, if any.
    fn received(&self) -> Option<i32> {
        match self.received.load(Ordering::SeqCst) {
            0 => None,
            n => i32::try_from(n).ok(),
        }
    }
}

impl Drop for Stop {
    fn drop(&mut self) {
        self.default_now.store(true, Ordering::SeqCst);
    }
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
