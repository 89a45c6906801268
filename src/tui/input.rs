//! Terminal events to actions: only key presses pass, modifiers are folded into the key, and
//! mouse events are resolved against the hit areas of the last frame.

use crossterm::event::{
    Event, KeyCode, KeyEvent, KeyEventKind, KeyModifiers, MouseButton, MouseEvent, MouseEventKind,
};

use super::keymap::{self, Action, Key, Mode, Pane};
use super::layout::Hits;

/// Lines one wheel notch scrolls.
const WHEEL_LINES: i32 = 3;

/// Folds a key event into a [`Key`]; releases, repeats of non-presses and chords the app does
/// not use give `None`.
pub fn key(ev: &KeyEvent) -> Option<Key> {
    if ev.kind != KeyEventKind::Press {
        return None;
    }
    let ctrl = ev.modifiers.contains(KeyModifiers::CONTROL);
    let alt = ev.modifiers.contains(KeyModifiers::ALT);
    if alt {
        return None;
    }
    if ctrl {
        return match ev.code {
            KeyCode::Char('c' | 'C') => Some(Key::CtrlC),
            KeyCode::Char('u' | 'U') => Some(Key::CtrlU),
            KeyCode::Char('w' | 'W') => Some(Key::CtrlW),
            _ => None,
        };
    }
    Some(match ev.code {
        KeyCode::Char(c) => Key::Char(c),
        KeyCode::Up => Key::Up,
        KeyCode::Down => Key::Down,
        KeyCode::Left => Key::Left,
        KeyCode::Right => Key::Right,
        KeyCode::PageUp => Key::PageUp,
        KeyCode::PageDown => Key::PageDown,
        KeyCode::Home => Key::Home,
        KeyCode::End => Key::End,
        KeyCode::Enter => Key::Enter,
        KeyCode::Esc => Key::Esc,
        KeyCode::Tab if ev.modifiers.contains(KeyModifiers::SHIFT) => Key::BackTab,
        KeyCode::Tab => Key::Tab,
        KeyCode::BackTab => Key::BackTab,
        KeyCode::Backspace => Key::Backspace,
        _ => return None,
    })
}

/// The action a mouse event asks for, given where things were drawn.
pub fn mouse(ev: &MouseEvent, hits: &Hits) -> Option<Action> {
    let (x, y) = (ev.column, ev.row);
    let pane = hits.pane_at(x, y)?;
    match ev.kind {
        MouseEventKind::Down(MouseButton::Left) => match pane {
            Pane::Regions => hits.region_row(x, y).map(Action::ClickRegion),
            Pane::Figures => hits.figure_row(x, y).map(Action::ClickFigure),
            Pane::Reader | Pane::Help => None,
        },
        MouseEventKind::ScrollUp => Some(Action::Scroll(pane, -WHEEL_LINES)),
        MouseEventKind::ScrollDown => Some(Action::Scroll(pane, WHEEL_LINES)),
        _ => None,
    }
}

/// The action for any terminal event in `mode`; resizes give `None` (the loop redraws anyway).
pub fn action(ev: &Event, mode: Mode, hits: &Hits) -> Option<Action> {
    match ev {
        Event::Key(k) => keymap::action(mode, key(k)?),
        Event::Mouse(m) => mouse(m, hits),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crossterm::event::KeyEventState;

    fn ev(code: KeyCode, mods: KeyModifiers, kind: KeyEventKind) -> KeyEvent {
        KeyEvent {
            code,
            modifiers: mods,
            kind,
            state: KeyEventState::NONE,
        }
    }

    #[test]
    fn only_presses_pass_and_modifiers_fold() {
        let press = KeyEventKind::Press;
        assert_eq!(
            key(&ev(KeyCode::Char('j'), KeyModifiers::NONE, press)),
            Some(Key::Char('j'))
        );
        let release = ev(
            KeyCode::Char('j'),
            KeyModifiers::NONE,
            KeyEventKind::Release,
        );
        assert_eq!(key(&release), None);
        let shift_g = ev(KeyCode::Char('G'), KeyModifiers::SHIFT, press);
        assert_eq!(key(&shift_g), Some(Key::Char('G')));
        let ctrl_c = ev(KeyCode::Char('c'), KeyModifiers::CONTROL, press);
        assert_eq!(key(&ctrl_c), Some(Key::CtrlC));
        assert_eq!(
            key(&ev(KeyCode::Char('x'), KeyModifiers::CONTROL, press)),
            None
        );
        let ctrl_w = ev(KeyCode::Char('w'), KeyModifiers::CONTROL, press);
        assert_eq!(key(&ctrl_w), Some(Key::CtrlW));
        assert_eq!(
            key(&ev(KeyCode::Tab, KeyModifiers::SHIFT, press)),
            Some(Key::BackTab)
        );
    }
}
