//! The one keymap: a table of keys, the modes they work in, the action they trigger and their
//! help text. The key handler, the help overlay and the status line all read it.

use super::i18n::Lang;
use crate::dataset::{Modality, Qualifier};
use crate::query::format;

/// A key press, modifiers already folded in (see `input`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Key {
    /// A printable character, shifted as typed (`G`, `?`).
    Char(char),
    /// Arrow up.
    Up,
    /// Arrow down.
    Down,
    /// Arrow left.
    Left,
    /// Arrow right.
    Right,
    /// Page up.
    PageUp,
    /// Page down.
    PageDown,
    /// Home.
    Home,
    /// End.
    End,
    /// Enter.
    Enter,
    /// Escape.
    Esc,
    /// Tab.
    Tab,
    /// Shift-Tab.
    BackTab,
    /// Backspace.
    Backspace,
    /// Ctrl-C.
    CtrlC,
    /// Ctrl-U: clear what is typed.
    CtrlU,
    /// Ctrl-W: delete the word before the cursor.
    CtrlW,
}

impl Key {
    /// How the key is written in help and the status line.
    pub fn label(self) -> String {
        match self {
            Key::Char(' ') => "Space".into(),
            Key::Char(c) => c.to_string(),
            Key::Up => "↑".into(),
            Key::Down => "↓".into(),
            Key::Left => "←".into(),
            Key::Right => "→".into(),
            Key::PageUp => "PgUp".into(),
            Key::PageDown => "PgDn".into(),
            Key::Home => "Home".into(),
            Key::End => "End".into(),
            Key::Enter => "Enter".into(),
            Key::Esc => "Esc".into(),
            Key::Tab => "Tab".into(),
            Key::BackTab => "S-Tab".into(),
            Key::Backspace => "Bksp".into(),
            Key::CtrlC => "Ctrl-C".into(),
            Key::CtrlU => "Ctrl-U".into(),
            Key::CtrlW => "Ctrl-W".into(),
        }
    }
}

/// Where the user is; bindings name the modes they work in as a bit set.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    /// Moving in the regions list.
    Regions,
    /// Moving in the figures table.
    Figures,
    /// Typing a filter.
    Filter,
    /// Reading an article.
    Reader,
    /// The help overlay.
    Help,
    /// The comparison of marked regions.
    Compare,
    /// Typing in the metric picker.
    Picker,
    /// A ranking on one metric.
    Rank,
    /// The map.
    Map,
    /// Every figure as a table.
    Table,
}

impl Mode {
    /// Every mode.
    pub const ALL: [Mode; 10] = [
        Mode::Regions,
        Mode::Figures,
        Mode::Filter,
        Mode::Reader,
        Mode::Help,
        Mode::Compare,
        Mode::Picker,
        Mode::Rank,
        Mode::Map,
        Mode::Table,
    ];

    /// This mode's bit.
    pub const fn bit(self) -> u16 {
        match self {
            Mode::Regions => 1,
            Mode::Figures => 2,
            Mode::Filter => 4,
            Mode::Reader => 8,
            Mode::Help => 16,
            Mode::Compare => 32,
            Mode::Picker => 64,
            Mode::Rank => 128,
            Mode::Map => 256,
            Mode::Table => 512,
        }
    }

    /// The mode's name for the status line.
    pub fn name(self, lang: Lang) -> &'static str {
        match self {
            Mode::Regions => lang.pick("地区", "REGIONS"),
            Mode::Figures => lang.pick("数据", "FIGURES"),
            Mode::Filter => lang.pick("筛选", "FILTER"),
            Mode::Reader => lang.pick("原文", "READER"),
            Mode::Help => lang.pick("帮助", "HELP"),
            Mode::Compare => lang.pick("比较", "COMPARE"),
            Mode::Picker => lang.pick("选指标", "METRIC"),
            Mode::Rank => lang.pick("排名", "RANK"),
            Mode::Map => lang.pick("地图", "MAP"),
            Mode::Table => lang.pick("全部数据", "ALL FIGURES"),
        }
    }
}

const R: u16 = Mode::Regions.bit();
const F: u16 = Mode::Figures.bit();
const T: u16 = Mode::Filter.bit();
const D: u16 = Mode::Reader.bit();
const H: u16 = Mode::Help.bit();
const C: u16 = Mode::Compare.bit();
const P: u16 = Mode::Picker.bit();
const K: u16 = Mode::Rank.bit();
const M: u16 = Mode::Map.bit();
const A: u16 = Mode::Table.bit();
const BROWSE: u16 = R | F;
const TYPING: u16 = T | P;
const VIEWS: u16 = C | K | M | A;
const NOT_TYPING: u16 = R | F | D | H | VIEWS;
const ALL: u16 = NOT_TYPING | TYPING;

/// A scrollable area mouse wheels act on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pane {
    /// The regions list.
    Regions,
    /// The figures table.
    Figures,
    /// The article reader.
    Reader,
    /// The help overlay.
    Help,
}

/// Everything the user can ask for. Tests drive the app with these, not with key codes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    /// Leave the app.
    Quit,
    /// Move the selection or view up one line.
    Up,
    /// Move down one line.
    Down,
    /// Up one page.
    PageUp,
    /// Down one page.
    PageDown,
    /// To the first line.
    Top,
    /// To the last line.
    Bottom,
    /// Collapse a region, or go to its parent, or back to the regions pane.
    Collapse,
    /// Expand a region, or go to the figures pane.
    Expand,
    /// Open: the selected region's figures, the selected figure's article, the filter result.
    Open,
    /// Go back, close, or clear the filter.
    Back,
    /// Switch between the regions and figures panes.
    NextPane,
    /// Start typing a filter.
    Filter,
    /// Show or hide the help overlay.
    Help,
    /// Cycle the figures' sort order.
    Sort,
    /// Switch the UI language.
    Lang,
    /// In the reader, jump to the next figure.
    NextFigure,
    /// In the reader, jump to the previous figure.
    PrevFigure,
    /// Type a character into the filter.
    FilterChar(char),
    /// Delete the filter's last character.
    FilterDelete,
    /// A click on the n-th visible row of the regions list.
    ClickRegion(usize),
    /// A click on the n-th row of the figures table.
    ClickFigure(usize),
    /// Mouse wheel over a pane, in lines (negative is up).
    Scroll(Pane, i32),
    /// Mark or unmark the selected region for comparison.
    Mark,
    /// Compare the marked regions.
    Compare,
    /// Pick a metric to rank regions on.
    Rank,
    /// Open the map.
    Map,
    /// Move left (comparison columns, map).
    Left,
    /// Move right.
    Right,
    /// Cycle a ranking's region kinds: all, parks, cities, provinces, districts and counties.
    CycleKind,
    /// Clear what is typed.
    FilterClear,
    /// Delete the last word typed.
    FilterDeleteWord,
    /// Unmark every region.
    ClearMarks,
    /// Open the table of every figure.
    AllFigures,
    /// Write what is on screen to a file.
    Export,
    /// Cycle a ranking's year.
    CycleYear,
}

/// One line of the keymap.
#[derive(Debug)]
pub struct Binding {
    /// Keys that trigger it.
    pub keys: &'static [Key],
    /// Bit set of the modes it works in.
    pub modes: u16,
    /// What it does.
    pub action: Action,
    /// Help text in Chinese.
    pub zh: &'static str,
    /// Help text in English.
    pub en: &'static str,
    /// Shown on the status line.
    pub status: bool,
}

const fn b(
    keys: &'static [Key],
    modes: u16,
    action: Action,
    zh: &'static str,
    en: &'static str,
    status: bool,
) -> Binding {
    Binding {
        keys,
        modes,
        action,
        zh,
        en,
        status,
    }
}

use Key::*;

/// The keymap. First match wins.
pub static KEYMAP: &[Binding] = &[
    b(
        &[Char('t')],
        K,
        Action::CycleKind,
        "切换地区类型",
        "switch region kinds",
        true,
    ),
    b(
        &[Char('y')],
        K,
        Action::CycleYear,
        "切换年份",
        "cycle year",
        true,
    ),
    b(
        &[Up, Char('k')],
        NOT_TYPING,
        Action::Up,
        "上移",
        "up",
        false,
    ),
    b(
        &[Up],
        TYPING,
        Action::Up,
        "上一个结果",
        "previous match",
        false,
    ),
    b(
        &[Down, Char('j')],
        NOT_TYPING,
        Action::Down,
        "下移",
        "down",
        false,
    ),
    b(
        &[Down],
        TYPING,
        Action::Down,
        "下一个结果",
        "next match",
        false,
    ),
    b(
        &[Left, Char('h')],
        C | M,
        Action::Left,
        "左移",
        "left",
        false,
    ),
    b(
        &[Right, Char('l')],
        C | M,
        Action::Right,
        "右移",
        "right",
        false,
    ),
    b(
        &[Left, Char('h')],
        A,
        Action::Left,
        "上一列",
        "previous column",
        false,
    ),
    b(
        &[Right, Char('l')],
        A,
        Action::Right,
        "下一列",
        "next column",
        false,
    ),
    b(&[PageUp], ALL, Action::PageUp, "上翻一页", "page up", false),
    b(
        &[PageDown],
        ALL,
        Action::PageDown,
        "下翻一页",
        "page down",
        false,
    ),
    b(
        &[Char('g'), Home],
        NOT_TYPING,
        Action::Top,
        "到顶部",
        "to top",
        false,
    ),
    b(
        &[Char('G'), End],
        NOT_TYPING,
        Action::Bottom,
        "到底部",
        "to bottom",
        false,
    ),
    b(
        &[Left, Char('h')],
        BROWSE,
        Action::Collapse,
        "折叠 / 上级",
        "collapse / parent",
        false,
    ),
    b(
        &[Right, Char('l')],
        BROWSE,
        Action::Expand,
        "展开 / 数据",
        "expand / figures",
        false,
    ),
    b(
        &[Tab, BackTab],
        BROWSE,
        Action::NextPane,
        "切换窗格",
        "switch pane",
        true,
    ),
    b(&[Enter], R | F | K | M, Action::Open, "打开", "open", true),
    b(
        &[Enter],
        C | A,
        Action::Open,
        "查看原文",
        "open source",
        true,
    ),
    b(&[Enter], TYPING, Action::Open, "确定", "accept", true),
    b(
        &[Char('/')],
        BROWSE | M,
        Action::Filter,
        "查找地区",
        "find a region",
        true,
    ),
    b(
        &[Char('/')],
        A,
        Action::Filter,
        "筛选（地区、拼音、指标）",
        "filter (region, pinyin, metric)",
        true,
    ),
    b(
        &[Char('n')],
        D,
        Action::NextFigure,
        "下一个数据",
        "next figure",
        true,
    ),
    b(
        &[Char('N')],
        D,
        Action::PrevFigure,
        "上一个数据",
        "previous figure",
        true,
    ),
    b(&[Char('s')], BROWSE, Action::Sort, "排序", "sort", true),
    b(
        &[Char('s')],
        A,
        Action::Sort,
        "按本列排序（再按反向）",
        "sort by this column (again: reverse)",
        true,
    ),
    b(&[Char(' ')], BROWSE, Action::Mark, "标记", "mark", true),
    b(
        &[Char('x')],
        BROWSE,
        Action::ClearMarks,
        "清除全部标记",
        "clear all marks",
        false,
    ),
    b(
        &[Char('c')],
        BROWSE,
        Action::Compare,
        "比较",
        "compare",
        true,
    ),
    b(&[Char('r')], BROWSE | M, Action::Rank, "排名", "rank", true),
    b(&[Char('m')], BROWSE | K, Action::Map, "地图", "map", true),
    b(
        &[Char('a')],
        BROWSE,
        Action::AllFigures,
        "全部数据表",
        "all figures table",
        true,
    ),
    b(
        &[Char('e')],
        BROWSE | C | K | A,
        Action::Export,
        "导出当前内容",
        "export what is shown",
        true,
    ),
    b(
        &[Backspace],
        TYPING,
        Action::FilterDelete,
        "删除",
        "delete",
        false,
    ),
    b(
        &[CtrlU],
        TYPING,
        Action::FilterClear,
        "清空输入",
        "clear the input",
        false,
    ),
    b(
        &[CtrlW],
        TYPING,
        Action::FilterDeleteWord,
        "删除一个词",
        "delete a word",
        false,
    ),
    b(&[Esc], ALL, Action::Back, "返回", "back", true),
    b(
        &[Char('L')],
        NOT_TYPING,
        Action::Lang,
        "中文 / English",
        "English / 中文",
        false,
    ),
    b(&[Char('?')], NOT_TYPING, Action::Help, "帮助", "help", true),
    b(
        &[Char('q'), CtrlC],
        NOT_TYPING,
        Action::Quit,
        "退出",
        "quit",
        true,
    ),
    b(&[CtrlC], TYPING, Action::Quit, "退出", "quit", false),
];

/// The action `key` triggers in `mode`; while typing a filter, unbound characters type.
pub fn action(mode: Mode, key: Key) -> Option<Action> {
    let bound = KEYMAP
        .iter()
        .find(|b| b.modes & mode.bit() != 0 && b.keys.contains(&key))
        .map(|b| b.action);
    match (bound, mode, key) {
        (Some(a), _, _) => Some(a),
        (None, Mode::Filter | Mode::Picker, Char(c)) => Some(Action::FilterChar(c)),
        _ => None,
    }
}

/// The bindings that work in `mode`, in table order.
pub fn bindings(mode: Mode) -> impl Iterator<Item = &'static Binding> {
    KEYMAP.iter().filter(move |b| b.modes & mode.bit() != 0)
}

/// The keys of a binding as written in help: `↑/k`.
pub fn keys_label(b: &Binding) -> String {
    b.keys
        .iter()
        .map(|k| k.label())
        .collect::<Vec<_>>()
        .join("/")
}

/// One line of the help overlay.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum HelpLine {
    /// A screen's title.
    Heading(String),
    /// Keys and what they do there.
    Key(String, String),
    /// A gap between sections.
    Blank,
}

/// The screens help is grouped by: title and the modes each covers.
const SECTIONS: &[(&str, &str, u16)] = &[
    ("地区与数据", "Regions and figures", BROWSE),
    ("查找", "Finding", T),
    ("原文", "Reader", D),
    ("比较", "Compare", C),
    ("排名", "Ranking", K),
    ("选指标", "Metric picker", P),
    ("地图", "Map", M),
    ("全部数据", "All figures", A),
];

/// Help grouped by screen, each key once per screen, the screen of `current` first, then the
/// keys that work everywhere, then the other screens, then a legend of the figure markers.
pub fn help(lang: Lang, current: Mode) -> Vec<HelpLine> {
    let everywhere = |b: &Binding| b.modes & NOT_TYPING == NOT_TYPING;
    let section = |bits: u16| -> Vec<HelpLine> {
        let mut out: Vec<HelpLine> = Vec::new();
        for b in KEYMAP
            .iter()
            .filter(|b| b.modes & bits != 0 && !everywhere(b))
        {
            let keys = keys_label(b);
            if out
                .iter()
                .any(|l| matches!(l, HelpLine::Key(k, _) if *k == keys))
            {
                continue;
            }
            out.push(HelpLine::Key(keys, help_text(b, lang)));
        }
        out
    };
    let cur = SECTIONS
        .iter()
        .position(|s| s.2 & current.bit() != 0)
        .unwrap_or(0);
    let mut out = Vec::new();
    let push = |title: String, lines: Vec<HelpLine>, out: &mut Vec<HelpLine>| {
        if lines.is_empty() {
            return;
        }
        if !out.is_empty() {
            out.push(HelpLine::Blank);
        }
        out.push(HelpLine::Heading(title));
        out.extend(lines);
    };
    let (zh, en, bits) = SECTIONS[cur];
    push(
        format!("{}{}", lang.pick(zh, en), lang.pick("（当前）", " (here)")),
        section(bits),
        &mut out,
    );
    let global: Vec<HelpLine> = KEYMAP
        .iter()
        .filter(|b| everywhere(b))
        .map(|b| HelpLine::Key(keys_label(b), help_text(b, lang)))
        .collect();
    push(lang.pick("各处", "Everywhere").into(), global, &mut out);
    for (i, (zh, en, bits)) in SECTIONS.iter().enumerate() {
        if i != cur {
            push(lang.pick(zh, en).into(), section(*bits), &mut out);
        }
    }
    out.push(HelpLine::Blank);
    out.push(HelpLine::Heading(lang.pick("标记", "Markers").into()));
    let qualifiers = [
        Qualifier::Over,
        Qualifier::About,
        Qualifier::Nearly,
        Qualifier::Under,
        Qualifier::UpTo,
    ];
    for q in qualifiers {
        let name = format::qualifier_name(q, lang).to_string();
        out.push(HelpLine::Key(format::qualifier(q).to_string(), name));
    }
    for (m, zh, en) in [
        (Modality::Target, "目标值", "a target"),
        (Modality::Forecast, "预测值", "a forecast"),
    ] {
        out.push(HelpLine::Key(
            format::modality(m, lang).to_string(),
            lang.pick(zh, en).to_string(),
        ));
    }
    out.push(HelpLine::Key(
        "≠".into(),
        lang.pick("不同来源数值不一致", "sources disagree").into(),
    ));
    out
}

fn help_text(b: &Binding, lang: Lang) -> String {
    let mut what = lang.pick(b.zh, b.en).to_string();
    if b.action == Action::Sort && b.modes & BROWSE != 0 {
        what.push_str(lang.pick(
            "：原序 → 指标 → 数值 → 年份",
            ": source → metric → value → year",
        ));
    }
    if b.action == Action::Mark {
        what.push_str(lang.pick("（再按取消），比较 2–6 个", " (again: unmark); compare 2–6"));
    }
    what
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_map_to_actions_by_mode() {
        assert_eq!(action(Mode::Regions, Char('j')), Some(Action::Down));
        assert_eq!(
            action(Mode::Filter, Char('j')),
            Some(Action::FilterChar('j'))
        );
        assert_eq!(
            action(Mode::Filter, Char('q')),
            Some(Action::FilterChar('q'))
        );
        assert_eq!(action(Mode::Filter, CtrlC), Some(Action::Quit));
        assert_eq!(action(Mode::Reader, Char('n')), Some(Action::NextFigure));
        assert_eq!(action(Mode::Regions, Char('n')), None);
        assert_eq!(action(Mode::Help, Char('q')), Some(Action::Quit));
    }

    #[test]
    fn views_have_their_keys() {
        assert_eq!(action(Mode::Rank, Char('k')), Some(Action::Up));
        assert_eq!(action(Mode::Rank, Char('t')), Some(Action::CycleKind));
        assert_eq!(action(Mode::Figures, Char(' ')), Some(Action::Mark));
        assert_eq!(action(Mode::Filter, CtrlU), Some(Action::FilterClear));
        assert_eq!(action(Mode::Picker, CtrlW), Some(Action::FilterDeleteWord));
        assert_eq!(action(Mode::Compare, Char('k')), Some(Action::Up));
        assert_eq!(action(Mode::Regions, Char(' ')), Some(Action::Mark));
        assert_eq!(
            action(Mode::Picker, Char('r')),
            Some(Action::FilterChar('r'))
        );
        assert_eq!(action(Mode::Map, Left), Some(Action::Left));
        assert_eq!(action(Mode::Regions, Left), Some(Action::Collapse));
        assert_eq!(action(Mode::Rank, Enter), Some(Action::Open));
    }

    #[test]
    fn help_starts_with_the_current_screen_and_lists_each_key_once_per_screen() {
        for mode in Mode::ALL {
            let lines = help(Lang::En, mode);
            let mut heading = String::new();
            let mut seen: Vec<(String, String)> = Vec::new();
            for l in &lines {
                match l {
                    HelpLine::Heading(h) => heading = h.clone(),
                    HelpLine::Key(k, _) => {
                        let key = (heading.clone(), k.clone());
                        assert!(!seen.contains(&key), "{mode:?}: {key:?} twice");
                        seen.push(key);
                    }
                    HelpLine::Blank => {}
                }
            }
        }
        let rank = help(Lang::En, Mode::Rank);
        assert_eq!(rank[0], HelpLine::Heading("Ranking (here)".into()));
        assert!(matches!(&rank[1], HelpLine::Key(k, _) if k == "t"));
        let browse = help(Lang::Zh, Mode::Figures);
        assert_eq!(browse[0], HelpLine::Heading("地区与数据（当前）".into()));
    }

    #[test]
    fn every_mode_can_quit_and_go_back() {
        for m in Mode::ALL {
            assert_eq!(action(m, CtrlC), Some(Action::Quit), "{m:?}");
            assert_eq!(action(m, Esc), Some(Action::Back), "{m:?}");
        }
    }
}
