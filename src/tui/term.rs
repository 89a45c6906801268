//! The terminal the app runs in: entering and leaving app mode, the signals that end, suspend or
//! resume the app, and noticing that the terminal itself has gone away.

use std::io::{self, Write};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use crossterm::event::{
    DisableBracketedPaste, DisableMouseCapture, EnableBracketedPaste, EnableMouseCapture,
};
use crossterm::terminal::{
    EnterAlternateScreen, LeaveAlternateScreen, disable_raw_mode, enable_raw_mode,
};
use crossterm::{cursor, execute};
#[cfg(unix)]
use signal_hook::consts::{SIGALRM, SIGCONT, SIGHUP, SIGQUIT, SIGTSTP, SIGUSR1};
use signal_hook::consts::{SIGINT, SIGTERM};

/// Set while the terminal is in raw mode and the alternate screen.
static ACTIVE: AtomicBool = AtomicBool::new(false);
/// Set once the terminal has hung up: from then on nothing may be written to it.
static GONE: AtomicBool = AtomicBool::new(false);

/// How long a caught stop signal may wait for the app to end by itself before the process is
/// ended by the signal's default action regardless.
const STOP_GRACE: Duration = Duration::from_millis(800);

/// Puts the terminal into app mode; dropping it puts the terminal back.
pub struct Session;

impl Session {
    /// Raw mode, alternate screen, mouse reporting, hidden cursor.
    pub fn start() -> io::Result<Session> {
        enter()?;
        Ok(Session)
    }
}

impl Drop for Session {
    fn drop(&mut self) {
        restore();
    }
}

/// Enters app mode; also used to come back after a suspension.
pub fn enter() -> io::Result<()> {
    enable_raw_mode()?;
    ACTIVE.store(true, Ordering::SeqCst);
    execute!(
        io::stdout(),
        EnterAlternateScreen,
        EnableMouseCapture,
        EnableBracketedPaste,
        cursor::Hide
    )
}

/// Leaves raw mode and the alternate screen, once, whoever calls first. A terminal that has
/// hung up is left alone: writing to it could only fail, or reach whatever reuses the device.
pub fn restore() {
    if ACTIVE.swap(false, Ordering::SeqCst) && !GONE.load(Ordering::SeqCst) && !hung_up_now() {
        let mut out = io::stdout();
        let _ = execute!(
            out,
            DisableBracketedPaste,
            DisableMouseCapture,
            LeaveAlternateScreen,
            cursor::Show
        );
        let _ = disable_raw_mode();
        let _ = out.flush();
    }
}

/// Whether the terminal has been seen to hang up.
pub fn gone() -> bool {
    GONE.load(Ordering::SeqCst)
}

/// Ends the process as `signal`'s default action would, without touching the terminal again.
pub fn end_by(signal: i32) -> ! {
    // Only returns where the default action cannot be taken; exit as the shell reports a
    // signal death, so callers still see the cause.
    let _ = signal_hook::low_level::emulate_default_handler(signal);
    std::process::exit(128 + signal)
}

/// The signals that end the app, caught while it runs so the terminal can be restored first.
///
/// A second stop signal, or any after the app has returned, takes the default action at once:
/// an app stuck somewhere can still be killed, and the caller is left with the usual behaviour.
pub struct Stop {
    received: Arc<AtomicUsize>,
    /// Set by the first stop signal, and when the app returns.
    default_now: Arc<AtomicBool>,
    /// Set by SIGTSTP: the loop restores the terminal, then stops the process.
    suspend: Arc<AtomicBool>,
    /// Set by SIGCONT: the loop re-enters app mode and redraws everything.
    resumed: Arc<AtomicBool>,
}

/// Signals whose default action ends the process. SIGQUIT, SIGUSR1 and SIGALRM are among them:
/// nobody sends them to the app on purpose, but if someone does it must not die in raw mode.
#[cfg(unix)]
const STOP_SIGNALS: &[i32] = &[SIGTERM, SIGHUP, SIGINT, SIGQUIT, SIGUSR1, SIGALRM];
#[cfg(not(unix))]
const STOP_SIGNALS: &[i32] = &[SIGTERM, SIGINT];

impl Stop {
    /// Catches the stop, suspend and resume signals.
    pub fn register() -> io::Result<Stop> {
        let stop = Stop {
            received: Arc::new(AtomicUsize::new(0)),
            default_now: Arc::new(AtomicBool::new(false)),
            suspend: Arc::new(AtomicBool::new(false)),
            resumed: Arc::new(AtomicBool::new(false)),
        };
        for &signal in STOP_SIGNALS {
            // Actions run in the order registered: the default check sees the flag as it was
            // before this signal.
            signal_hook::flag::register_conditional_default(signal, Arc::clone(&stop.default_now))?;
            signal_hook::flag::register(signal, Arc::clone(&stop.default_now))?;
            let value = usize::try_from(signal).unwrap_or(usize::MAX);
            signal_hook::flag::register_usize(signal, Arc::clone(&stop.received), value)?;
        }
        #[cfg(unix)]
        {
            signal_hook::flag::register(SIGTSTP, Arc::clone(&stop.suspend))?;
            signal_hook::flag::register(SIGCONT, Arc::clone(&stop.resumed))?;
        }
        Ok(stop)
    }

    /// The stop signal caught, if any.
    pub fn received(&self) -> Option<i32> {
        match self.received.load(Ordering::SeqCst) {
            0 => None,
            n => i32::try_from(n).ok(),
        }
    }

    /// Whether SIGTSTP arrived since the last call.
    pub fn take_suspend(&self) -> bool {
        self.suspend.swap(false, Ordering::SeqCst)
    }

    /// Whether SIGCONT arrived since the last call.
    pub fn take_resumed(&self) -> bool {
        self.resumed.swap(false, Ordering::SeqCst)
    }
}

impl Drop for Stop {
    fn drop(&mut self) {
        self.default_now.store(true, Ordering::SeqCst);
    }
}

/// Suspends the app as Ctrl-Z does in any terminal program: terminal restored, process stopped;
/// when the shell continues it, app mode again. The caller redraws everything.
#[cfg(unix)]
pub fn suspend() -> io::Result<()> {
    restore();
    // Stops the process here (SIGSTOP: SIGTSTP itself is caught); execution resumes on SIGCONT.
    let _ = signal_hook::low_level::emulate_default_handler(SIGTSTP);
    enter()
}

#[cfg(not(unix))]
pub fn suspend() -> io::Result<()> {
    Ok(())
}

/// A thread that watches the terminal for a hang-up and for stop signals the loop does not get
/// to, and ends the process when the loop cannot.
///
/// The terminal library's reader retries a read that fails with anything but "would block"
/// forever, so once the terminal is gone the loop spins inside it and never sees a flag again.
pub struct Watchdog {
    done: Arc<AtomicBool>,
    thread: Option<std::thread::JoinHandle<()>>,
}

impl Watchdog {
    /// Starts watching standard input (the terminal the app reads) and `stop`'s signals.
    pub fn start(stop: &Stop) -> io::Result<Watchdog> {
        let done = Arc::new(AtomicBool::new(false));
        let received = Arc::clone(&stop.received);
        let hangup = Hangup::new()?;
        let thread = std::thread::Builder::new()
            .name("terminal-watchdog".into())
            .spawn({
                let done = Arc::clone(&done);
                move || watch(hangup, &received, &done)
            })?;
        Ok(Watchdog {
            done,
            thread: Some(thread),
        })
    }
}

impl Drop for Watchdog {
    fn drop(&mut self) {
        self.done.store(true, Ordering::SeqCst);
        if let Some(t) = self.thread.take() {
            let _ = t.join();
        }
    }
}

/// How often the watchdog looks at the stop flags when nothing happens on the terminal.
const WATCH_TICK: Duration = Duration::from_millis(100);

fn watch(mut hangup: Hangup, received: &AtomicUsize, done: &AtomicBool) {
    let mut signalled: Option<(i32, Instant)> = None;
    while !done.load(Ordering::SeqCst) {
        if hangup.wait(WATCH_TICK) {
            GONE.store(true, Ordering::SeqCst);
            if done.load(Ordering::SeqCst) {
                return;
            }
            // Nothing to restore on a terminal that is gone, and nobody left to tell.
            #[cfg(unix)]
            end_by(SIGHUP);
            #[cfg(not(unix))]
            std::process::exit(1);
        }
        let n = received.load(Ordering::SeqCst);
        if let (None, Ok(signal)) = (signalled, i32::try_from(n))
            && signal != 0
        {
            signalled = Some((signal, Instant::now()));
        }
        if let Some((signal, since)) = signalled
            && since.elapsed() >= STOP_GRACE
            && !done.load(Ordering::SeqCst)
        {
            // The loop did not get to the flag: it is stuck, so end here.
            restore();
            end_by(signal);
        }
    }
}

/// The terminal's input, watched for a hang-up. Registration is edge-triggered, but the first
/// wait after registering reports a hang-up that happened before.
#[cfg(unix)]
struct Hangup {
    poll: mio::Poll,
    events: mio::Events,
}

#[cfg(unix)]
impl Hangup {
    fn new() -> io::Result<Hangup> {
        use std::os::fd::AsRawFd;
        let poll = mio::Poll::new()?;
        let fd = io::stdin().as_raw_fd();
        poll.registry().register(
            &mut mio::unix::SourceFd(&fd),
            mio::Token(0),
            mio::Interest::READABLE,
        )?;
        Ok(Hangup {
            poll,
            events: mio::Events::with_capacity(4),
        })
    }

    /// Waits up to `timeout`; true once the terminal has hung up or its input fails.
    fn wait(&mut self, timeout: Duration) -> bool {
        match self.poll.poll(&mut self.events, Some(timeout)) {
            Ok(()) => self
                .events
                .iter()
                .any(|e| e.is_read_closed() || e.is_error()),
            Err(e) if e.kind() == io::ErrorKind::Interrupted => false,
            // Cannot watch any more: sleep so the stop-signal checks still run.
            Err(_) => {
                std::thread::sleep(timeout);
                false
            }
        }
    }
}

/// Whether the terminal on standard input has hung up, checked now.
#[cfg(unix)]
pub fn hung_up_now() -> bool {
    Hangup::new().is_ok_and(|mut h| h.wait(Duration::ZERO))
}

#[cfg(not(unix))]
struct Hangup;

#[cfg(not(unix))]
impl Hangup {
    fn new() -> io::Result<Hangup> {
        Ok(Hangup)
    }
    fn wait(&mut self, timeout: Duration) -> bool {
        std::thread::sleep(timeout);
        false
    }
}

/// Whether the terminal on standard input has hung up, checked now.
#[cfg(not(unix))]
pub fn hung_up_now() -> bool {
    false
}
