//! The app in a real terminal: tmux runs the built binary, we type and read the screen back.
//!
//! tmux is required: install it (`apt-get install tmux`); CI does.
#![allow(clippy::unwrap_used, clippy::expect_used)] // tests and benches fail loudly

mod support {
    pub mod columns;
}
use support::columns::end_columns;

use std::process::{Command, Output};
use std::time::{Duration, Instant};

use gaoxin::dataset;
use gaoxin::query::{self, Index, KindFilter, Lang, format};
use gaoxin::text;
use gaoxin::tui::layout;
use ratatui::layout::Rect;

/// A private tmux server, killed when dropped (also when an assertion fails).
struct Tmux {
    socket: String,
}

impl Tmux {
    fn start() -> Tmux {
        Tmux::start_named("a")
    }

    fn start_named(tag: &str) -> Tmux {
        let ok = Command::new("tmux")
            .arg("-V")
            .output()
            .is_ok_and(|o| o.status.success());
        assert!(
            ok,
            "tmux is not installed; the real-terminal tests need it: install tmux \
             (e.g. `apt-get install tmux`) and run the tests again"
        );
        Tmux {
            socket: format!("gaoxin-test-{}-{tag}", std::process::id()),
        }
    }

    fn run(&self, args: &[&str]) -> Output {
        let out = Command::new("tmux")
            .args(["-u", "-f", "/dev/null", "-L", &self.socket])
            .args(args)
            .env("LC_ALL", "C.UTF-8")
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "tmux {args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        out
    }

    fn capture(&self) -> Vec<String> {
        let out = self.run(&["capture-pane", "-p", "-t", "t"]);
        String::from_utf8_lossy(&out.stdout)
            .lines()
            .map(str::to_string)
            .collect()
    }

    fn format(&self, f: &str) -> String {
        let out = self.run(&["display-message", "-p", "-t", "t", f]);
        String::from_utf8_lossy(&out.stdout).trim().to_string()
    }

    /// Captures until `ok` holds or 5 s pass; returns the last capture.
    fn wait_for(&self, what: &str, ok: impl Fn(&[String]) -> bool) -> Vec<String> {
        let deadline = Instant::now() + Duration::from_secs(5);
        loop {
            let screen = self.capture();
            if ok(&screen) {
                return screen;
            }
            if Instant::now() > deadline {
                panic!(
                    "timed out waiting for {what}; screen:\n{}",
                    screen.join("\n")
                );
            }
            std::thread::sleep(Duration::from_millis(50));
        }
    }
}

impl Drop for Tmux {
    fn drop(&mut self) {
        // tmux leaves its socket file behind; remove it too so runs do not pile them up.
        let socket = Command::new("tmux")
            .args([
                "-L",
                &self.socket,
                "display-message",
                "-p",
                "-t",
                "t",
                "#{socket_path}",
            ])
            .output()
            .ok()
            .map(|o| String::from_utf8_lossy(&o.stdout).trim().to_string())
            .filter(|p| p.ends_with(&self.socket));
        let _ = Command::new("tmux")
            .args(["-L", &self.socket, "kill-server"])
            .output();
        if let Some(path) = socket {
            let _ = std::fs::remove_file(path);
        }
    }
}

/// Display column where `needle` starts on a captured line.
fn column_of(line: &str, needle: &str) -> Option<usize> {
    line.find(needle).map(|b| text::width(&line[..b]))
}

fn at(screen: &[String], row: u16, col: u16, needle: &str) -> bool {
    screen
        .get(usize::from(row))
        .and_then(|l| column_of(l, needle))
        .is_some_and(|c| c == usize::from(col))
}

/// 成都市 in the list and the header, and its source sentence, where the layout puts them.
fn chengdu_in_place(screen: &[String], w: u16, h: u16) -> bool {
    let s = layout::screen(Rect::new(0, 0, w, h));
    let (_, list) = layout::regions_parts(s.regions, true);
    let parts = layout::region_parts(s.region);
    at(
        screen,
        list.y,
        layout::region_name_column(list, 0),
        "成都市",
    ) && at(screen, parts.header.y, parts.header.x, "成都市")
        && at(
            screen,
            parts.source.y + 1,
            parts.source.x,
            "例如，2023年上半年",
        )
}

fn keys(tmux: &Tmux, keys: &[&str]) {
    let mut args = vec!["send-keys", "-t", "t"];
    args.extend_from_slice(keys);
    tmux.run(&args);
}

/// Escape on its own: followed at once by another key, the app would read Alt+key.
fn escape(tmux: &Tmux) {
    keys(tmux, &["Escape"]);
    std::thread::sleep(Duration::from_millis(150));
}

fn typed(tmux: &Tmux, text: &str) {
    tmux.run(&["send-keys", "-t", "t", "-l", text]);
}

/// Filters the regions to `name`, takes the best match, and marks it with Space.
fn mark(tmux: &Tmux, name: &str) {
    escape(tmux);
    typed(tmux, &format!("/{name}"));
    keys(tmux, &["Enter"]);
    tmux.wait_for(name, |s| s.iter().any(|l| l.contains(name)));
    // Enter took the figures pane; back to the list to mark.
    keys(tmux, &["Tab", "Space"]);
    tmux.wait_for("the mark", |s| {
        s.iter().any(|l| l.contains("[1]") || l.contains("[2]"))
    });
}

#[test]
fn app_in_a_real_terminal() {
    let tmux = Tmux::start();
    let root = env!("CARGO_MANIFEST_DIR");
    let bin = env!("CARGO_BIN_EXE_gaoxin");
    // Start a placeholder, size the window, then run the app in it: the app's first frame
    // then sees the final size.
    tmux.run(&[
        "new-session",
        "-d",
        "-s",
        "t",
        "-x",
        "100",
        "-y",
        "30",
        "cat",
    ]);
    tmux.run(&["set-option", "-g", "status", "off"]);
    tmux.run(&["resize-window", "-t", "t", "-x", "100", "-y", "30"]);
    let cmd = format!(
        "cd '{root}' && LANG=en_US.UTF-8 LC_ALL=C.UTF-8 '{bin}'; \
         echo GAOXIN-EXIT $?; exec cat"
    );
    tmux.run(&["respawn-pane", "-k", "-t", "t", &cmd]);
    tmux.wait_for("the regions list", |s| {
        s.iter().any(|l| l.contains("Regions"))
    });
    assert_eq!(tmux.format("#{alternate_on}"), "1");

    typed(&tmux, "/chengdu");
    keys(&tmux, &["Enter"]);
    tmux.wait_for("成都市 at 100x30", |s| chengdu_in_place(s, 100, 30));

    tmux.run(&["resize-window", "-t", "t", "-x", "60", "-y", "20"]);
    tmux.wait_for("成都市 at 60x20", |s| chengdu_in_place(s, 60, 20));

    // Open the selected figure's source: the article, with the figure's line in view.
    keys(&tmux, &["Enter"]);
    let reader = layout::reader_parts(layout::screen(Rect::new(0, 0, 60, 20)).reader);
    tmux.wait_for("the article", |s| {
        at(s, reader.0.y, reader.0.x, "来了就不想走") && s.iter().any(|l| l.contains("排名前十"))
    });
    escape(&tmux);
    keys(&tmux, &["Tab"]);

    // Compare the two regions that lead on high-tech enterprises, whichever the data makes them.
    let ix = Index::new(dataset::bundled().unwrap());
    let name = |r: usize| ix.region(r).unwrap().name.clone();
    let cities = query::rank(&ix, "high_tech_enterprises", KindFilter::All, None);
    assert!(cities.entries.len() >= 2, "two regions to compare");
    let pair = [cities.entries[0].region, cities.entries[1].region];
    let names = pair.map(name);
    tmux.run(&["resize-window", "-t", "t", "-x", "100", "-y", "30"]);
    mark(&tmux, &names[0]);
    mark(&tmux, &names[1]);
    keys(&tmux, &["c"]);
    let screen = tmux.wait_for("the comparison", |s| {
        s.iter().any(|l| l.contains("Compare · 2 regions"))
    });
    let c = query::compare(&ix, &pair, None).unwrap();
    let hte = c
        .rows
        .iter()
        .find(|r| r.metric == "high_tech_enterprises")
        .unwrap();
    let cells = [0, 1].map(|i| hte.cell_text(i, Lang::En).unwrap());
    let head = screen.iter().find(|l| l.contains("Metric")).unwrap();
    // The table row (the metric name is cut to its column), not the chart's title; values
    // end under the end of their region's name, short of it by at most their decimals and
    // markers (numbers line up on their digits).
    let row = screen.iter().find(|l| l.starts_with("│High-tech")).unwrap();
    let ends = end_columns(row, &cells);
    for ((cell, end), name_end) in cells.iter().zip(ends).zip(end_columns(head, &names)) {
        assert!(
            end <= name_end && end + 4 >= name_end,
            "{cell:?} ends at {end}, its column at {name_end}\n{}",
            screen.join("\n")
        );
    }

    // Rank on high-tech enterprises (高新技术企业), picked by its pinyin initials.
    escape(&tmux);
    keys(&tmux, &["r"]);
    tmux.wait_for("the metric picker", |s| {
        s.iter().any(|l| l.contains("Pick a metric"))
    });
    typed(&tmux, "gxjsqy");
    keys(&tmux, &["Enter"]);
    let screen = tmux.wait_for("the ranking", |s| {
        s.iter().any(|l| l.contains("Rank · High-tech enterprises"))
    });
    let ranking = query::rank(&ix, "high_tech_enterprises", KindFilter::All, None);
    let shown = |i: usize| {
        let e = &ranking.entries[i];
        let f = ix.figure(e.pick.figure).unwrap();
        let value = format!(
            "{}{}",
            format::qualifier(f.qualifier),
            ranking.scale.in_lang(Lang::En).number(e.value)
        );
        [
            text::truncate(&name(e.region), 16).trim_end().to_string(),
            value,
        ]
    };
    let place = |n: usize| {
        let at = format!("│{n:>3} ");
        screen
            .iter()
            .find(|l| l.starts_with(&at))
            .unwrap_or_else(|| panic!("no place {n}:\n{}", screen.join("\n")))
    };
    // The largest first, its value ending where the next one's does.
    let first = end_columns(place(1), &shown(0));
    let second = end_columns(place(2), &shown(1));
    assert_eq!(first[1], second[1], "{}", screen.join("\n"));

    tmux.run(&["send-keys", "-t", "t", "q"]);
    tmux.wait_for("the app to exit", |s| {
        s.iter().any(|l| l.contains("GAOXIN-EXIT 0"))
    });
    assert_eq!(
        tmux.format("#{alternate_on}"),
        "0",
        "still in the alternate screen"
    );
    assert_eq!(tmux.format("#{cursor_flag}"), "1", "cursor left hidden");
}

/// Starts the app at `w`×`h` in English with `args`, and waits for its first frame.
fn start_app(tmux: &Tmux, w: u16, h: u16, args: &str) {
    start_app_in(tmux, w, h, env!("CARGO_MANIFEST_DIR"), args);
}

/// Like [`start_app`], in folder `root`.
fn start_app_in(tmux: &Tmux, w: u16, h: u16, root: &str, args: &str) {
    let bin = env!("CARGO_BIN_EXE_gaoxin");
    let (w, h) = (w.to_string(), h.to_string());
    tmux.run(&["new-session", "-d", "-s", "t", "-x", &w, "-y", &h, "cat"]);
    tmux.run(&["set-option", "-g", "status", "off"]);
    tmux.run(&["resize-window", "-t", "t", "-x", &w, "-y", &h]);
    let cmd = format!(
        "cd '{root}' && LANG=en_US.UTF-8 LC_ALL=C.UTF-8 '{bin}' {args}; \
         echo GAOXIN-EXIT $?; exec cat"
    );
    tmux.run(&["respawn-pane", "-k", "-t", "t", &cmd]);
    tmux.wait_for("the app", |s| s.iter().any(|l| l.contains("Regions")));
}

#[test]
fn search_space_search_space_compares_both_and_searches_start_fresh() {
    let tmux = Tmux::start_named("flows");
    start_app(&tmux, 100, 30, "");
    // Enter leaves the search for the figures pane; Space marks the shown region there.
    for (n, name) in [(1, "hangzhou"), (2, "changzhou")] {
        typed(&tmux, &format!("/{name}"));
        keys(&tmux, &["Enter"]);
        tmux.wait_for("the figures pane", |s| {
            s.last().is_some_and(|l| l.contains("FIGURES"))
        });
        keys(&tmux, &["Space"]);
        let marked = format!("marked {n}/6");
        tmux.wait_for(&marked, |s| s.iter().any(|l| l.contains(&marked)));
    }
    keys(&tmux, &["c"]);
    let screen = tmux.wait_for("the comparison", |s| {
        s.iter().any(|l| l.contains("Compare · 2 regions"))
    });
    let head = screen.iter().find(|l| l.contains("Metric")).unwrap();
    assert!(head.contains("杭州市") && head.contains("常州市"), "{head}");
    escape(&tmux);

    // A second search does not append to the first.
    typed(&tmux, "/");
    let screen = tmux.wait_for("an empty query", |s| s.iter().any(|l| l.starts_with("│/▏")));
    assert!(!screen.iter().any(|l| l.contains("/changzhou")));
    typed(&tmux, "qqqqxxxx");
    tmux.wait_for("the no-match message", |s| {
        s.iter()
            .any(|l| l.contains("No region matches \"qqqqxxxx\""))
            && s.iter().any(|l| l.contains("(no region matches)"))
    });
    // Ctrl-U clears the query; a typo still finds the city.
    keys(&tmux, &["C-u"]);
    typed(&tmux, "chegndu");
    keys(&tmux, &["Enter"]);
    tmux.wait_for("成都市 from a typo", |s| {
        s.iter().any(|l| l.contains("成都市  city"))
    });
    keys(&tmux, &["q"]);
    tmux.wait_for("the app to exit", |s| {
        s.iter().any(|l| l.contains("GAOXIN-EXIT 0"))
    });
}

#[test]
fn the_all_figures_table_sorts_and_filters_and_e_writes_a_file() {
    let tmux = Tmux::start_named("table");
    let dir = tempfile::tempdir().unwrap();
    let root = env!("CARGO_MANIFEST_DIR");
    // The app exports into its working folder: run it in a fresh one.
    let data = format!("--data '{root}/data/dataset.json'");
    start_app_in(&tmux, 120, 40, dir.path().to_str().unwrap(), &data);
    keys(&tmux, &["a"]);
    let total = Index::new(dataset::bundled().unwrap()).data.figures.len();
    let all = format!("{total}/{total}");
    tmux.wait_for("the table", |s| {
        s.iter().any(|l| l.contains("All figures")) && s.iter().any(|l| l.contains(&all))
    });
    // Filter by pinyin: only 天津 rows remain.
    typed(&tmux, "/tianjin");
    keys(&tmux, &["Enter"]);
    let screen = tmux.wait_for("the filtered table", |s| {
        s.iter().any(|l| l.contains("/tianjin")) && !s.iter().any(|l| l.contains(&all))
    });
    let rows: Vec<&String> = screen[3..screen.len() - 2]
        .iter()
        .filter(|l| !l.trim_matches(['│', ' ']).is_empty())
        .collect();
    assert!(rows.len() > 3, "{}", screen.join("\n"));
    assert!(
        rows.iter().all(|l| l.contains("天津")),
        "{}",
        screen.join("\n")
    );
    // Sort by value (the sixth column): largest first, then smallest first.
    let ix = Index::new(dataset::bundled().unwrap());
    let mut values: Vec<&gaoxin::dataset::Figure> = ix
        .data
        .figures
        .iter()
        .filter(|f| {
            ix.figure_region(f)
                .is_some_and(|r| ix.region(r).unwrap().name.contains("天津"))
        })
        .collect();
    values.sort_by(|a, b| a.value.total_cmp(&b.value));
    let shown = |f: &gaoxin::dataset::Figure| format::figure_parts(f, Lang::En).0;
    let (low, high) = (shown(values[0]), shown(values[values.len() - 1]));
    keys(&tmux, &["l", "l", "l", "l", "l", "s"]);
    let screen = tmux.wait_for("the value sort", |s| s.iter().any(|l| l.contains("Value↓")));
    assert!(
        screen[3].contains(&format!(" {high} ")),
        "{high}\n{}",
        screen.join("\n")
    );
    keys(&tmux, &["s"]);
    let screen = tmux.wait_for("the reversed sort", |s| {
        s.iter().any(|l| l.contains("Value↑"))
    });
    assert!(
        screen[3].contains(&format!(" {low} ")),
        "{low}\n{}",
        screen.join("\n")
    );

    // `e` writes what is shown and says where.
    keys(&tmux, &["e"]);
    let screen = tmux.wait_for("the export notice", |s| {
        s.last()
            .is_some_and(|l| l.contains("exported") && l.contains(".xlsx"))
    });
    let path = dir.path().join("gaoxin-figures.xlsx");
    assert!(path.exists(), "{}", screen.join("\n"));
    use calamine::Reader;
    let mut book: calamine::Xlsx<_> = calamine::open_workbook(&path).unwrap();
    let sheet = book.worksheet_range_at(0).unwrap().unwrap();
    let expect = screen
        .last()
        .unwrap()
        .split_whitespace()
        .nth(3)
        .unwrap()
        .to_string();
    assert_eq!(sheet.height() - 1, expect.parse::<usize>().unwrap());
    keys(&tmux, &["q"]);
    tmux.wait_for("the app to exit", |s| {
        s.iter().any(|l| l.contains("GAOXIN-EXIT 0"))
    });
}

#[test]
fn articles_named_on_the_command_line_open_in_the_app() {
    let tmux = Tmux::start_named("paths");
    start_app(&tmux, 100, 30, "seeds/003_0c4cfb2025f63034.txt");
    typed(&tmux, "/天津滨海高新区");
    keys(&tmux, &["Enter"]);
    tmux.wait_for("the park from that article", |s| {
        s.iter().any(|l| l.contains("天津滨海高新区  park"))
    });
    // Only that article's regions: none of another seed's.
    typed(&tmux, "/chengdu");
    tmux.wait_for("no 成都市", |s| {
        s.iter().any(|l| l.contains("No region matches"))
    });
    keys(&tmux, &["C-c"]);
    tmux.wait_for("the app to exit", |s| {
        s.iter().any(|l| l.contains("GAOXIN-EXIT 0"))
    });
}

#[test]
fn the_map_draws_province_outlines_and_names_the_selected_region() {
    let tmux = Tmux::start_named("map");
    start_app(&tmux, 120, 40, "");
    keys(&tmux, &["m"]);
    let screen = tmux.wait_for("the map", |s| s.iter().any(|l| l.contains("schematic map")));
    let braille = screen
        .iter()
        .flat_map(|l| l.chars())
        .filter(|c| ('\u{2801}'..='\u{28FF}').contains(c))
        .count();
    assert!(
        braille > 400,
        "outline cells: {braille}\n{}",
        screen.join("\n")
    );
    assert!(screen.iter().any(|l| l.contains("S. China Sea")));
    // `/` jumps to a region; its name is drawn beside its point and under the map.
    typed(&tmux, "/chengdu");
    keys(&tmux, &["Enter"]);
    tmux.wait_for("成都市 labelled", |s| {
        s.iter().filter(|l| l.contains("成都市")).count() >= 2
    });
    keys(&tmux, &["q"]);
    tmux.wait_for("the app to exit", |s| {
        s.iter().any(|l| l.contains("GAOXIN-EXIT 0"))
    });
}

#[test]
fn ctrl_c_quits_cleanly_and_tiny_windows_say_so() {
    let tmux = Tmux::start_named("c");
    let root = env!("CARGO_MANIFEST_DIR");
    let bin = env!("CARGO_BIN_EXE_gaoxin");
    tmux.run(&["new-session", "-d", "-s", "t", "-x", "30", "-y", "8", "cat"]);
    tmux.run(&["set-option", "-g", "status", "off"]);
    tmux.run(&["resize-window", "-t", "t", "-x", "30", "-y", "8"]);
    let cmd = format!(
        "cd '{root}' && LANG=en_US.UTF-8 LC_ALL=C.UTF-8 '{bin}'; \
         echo GAOXIN-EXIT $?; exec cat"
    );
    tmux.run(&["respawn-pane", "-k", "-t", "t", &cmd]);
    tmux.wait_for("the too-small notice", |s| {
        s.iter().any(|l| l.contains("too small"))
    });
    tmux.run(&["send-keys", "-t", "t", "C-c"]);
    tmux.wait_for("the app to exit", |s| {
        s.iter().any(|l| l.contains("GAOXIN-EXIT 0"))
    });
    assert_eq!(tmux.format("#{alternate_on}"), "0");
    assert_eq!(tmux.format("#{cursor_flag}"), "1");
}

/// A pane running the app with its pid and exit status written to files, so a test can signal
/// it and read how it ended whatever the window size.
struct AppPane {
    tmux: Tmux,
    dir: tempfile::TempDir,
}

impl AppPane {
    /// Starts the app at `w`×`h` with `env` (`NAME=value` words) before the binary.
    fn start(tag: &str, w: u16, h: u16, env: &str) -> AppPane {
        AppPane::start_with(tag, w, h, env, "")
    }

    /// As [`AppPane::start`], with `args` (shell words) after the binary.
    fn start_with(tag: &str, w: u16, h: u16, env: &str, args: &str) -> AppPane {
        let tmux = Tmux::start_named(tag);
        let dir = tempfile::tempdir().unwrap();
        let root = env!("CARGO_MANIFEST_DIR");
        let bin = env!("CARGO_BIN_EXE_gaoxin");
        let (ws, hs) = (w.to_string(), h.to_string());
        tmux.run(&["new-session", "-d", "-s", "t", "-x", &ws, "-y", &hs, "cat"]);
        tmux.run(&["set-option", "-g", "status", "off"]);
        tmux.run(&["resize-window", "-t", "t", "-x", &ws, "-y", &hs]);
        let d = dir.path().display();
        // The inner sh writes its pid and execs the app, which so keeps that pid; the outer
        // shell reports how it ended, then `cat` echoes what is typed (and so shows whether the
        // terminal is back in cooked mode).
        let cmd = format!(
            "cd '{root}' && LANG=en_US.UTF-8 LC_ALL=C.UTF-8 RUST_BACKTRACE=0 {env} \
             sh -c 'echo $$ > {d}/pid; exec \"$0\" \"$@\"' '{bin}' {args}; s=$?; echo $s > {d}/status; \
             echo GAOXIN-EXIT $s; exec cat"
        );
        tmux.run(&["respawn-pane", "-k", "-t", "t", &cmd]);
        AppPane { tmux, dir }
    }

    fn file(&self, name: &str) -> Option<String> {
        let s = std::fs::read_to_string(self.dir.path().join(name)).ok()?;
        s.ends_with('\n').then(|| s.trim().to_string())
    }

    /// Polls `f` until it gives a value or 5 s pass.
    fn poll<T>(&self, what: &str, mut f: impl FnMut() -> Option<T>) -> T {
        let deadline = Instant::now() + Duration::from_secs(5);
        loop {
            if let Some(v) = f() {
                return v;
            }
            assert!(
                Instant::now() < deadline,
                "timed out waiting for {what}; screen:\n{}",
                self.tmux.capture().join("\n")
            );
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    fn pid(&self) -> String {
        self.poll("the app's pid", || self.file("pid"))
    }

    fn status(&self) -> String {
        self.poll("the app to exit", || self.file("status"))
    }

    fn signal(&self, name: &str) {
        let st = Command::new("kill")
            .args([&format!("-{name}"), &self.pid()])
            .status()
            .unwrap();
        assert!(st.success());
    }

    /// The terminal as the app found it: normal screen, cursor shown, no mouse reporting, and
    /// cooked mode (a typed line is echoed by the terminal and again by `cat`).
    fn assert_restored(&self, ctx: &str) {
        let t = &self.tmux;
        for (flag, want) in [
            ("alternate_on", "0"),
            ("cursor_flag", "1"),
            ("mouse_any_flag", "0"),
            ("mouse_button_flag", "0"),
            ("mouse_standard_flag", "0"),
            ("mouse_sgr_flag", "0"),
        ] {
            assert_eq!(t.format(&format!("#{{{flag}}}")), want, "{ctx}: {flag}");
        }
        typed(t, "typed-back");
        keys(t, &["Enter"]);
        t.wait_for("the typed line twice (echo, then cat)", |s| {
            s.iter().filter(|l| l.as_str() == "typed-back").count() == 2
        });
    }
}

/// Nothing on the normal screen but `allowed` lines and blank ones.
fn assert_clean_screen(screen: &[String], allowed: impl Fn(&str) -> bool, ctx: &str) {
    for l in screen {
        let l = l.trim_end();
        assert!(
            l.is_empty() || allowed(l),
            "{ctx}: unexpected output {l:?} on\n{}",
            screen.join("\n")
        );
    }
}

#[test]
fn sigterm_and_sighup_restore_the_terminal_then_end_the_app() {
    // The shell names the signal that ended its child: that is its report, not garbage.
    for (signal, code, said) in [("TERM", 143, "Terminated"), ("HUP", 129, "Hangup")] {
        let pane = AppPane::start(&format!("sig{signal}"), 80, 24, "");
        pane.tmux.wait_for("the regions list", |s| {
            s.iter().any(|l| l.contains("Regions"))
        });
        assert_eq!(pane.tmux.format("#{alternate_on}"), "1");
        pane.signal(signal);
        // Ended by the signal itself (128 + its number), after restoring the terminal.
        assert_eq!(pane.status(), code.to_string(), "SIG{signal}");
        let exit = format!("GAOXIN-EXIT {code}");
        let screen = pane.tmux.wait_for("the exit line", |s| s.contains(&exit));
        // Before the exit line only the shell's report (`Terminated`, or bash's longer
        // `bash: line 1: PID Hangup  COMMAND`, wrapped), after it nothing.
        let at = screen.iter().position(|l| *l == exit).unwrap();
        let report = screen[..at].concat();
        assert!(
            report.trim() == said || (report.starts_with("bash: ") && report.contains(said)),
            "SIG{signal}: unexpected output before the exit line:\n{}",
            screen.join("\n")
        );
        assert_clean_screen(&screen[at + 1..], |_| false, &format!("SIG{signal}"));
        pane.assert_restored(&format!("SIG{signal}"));
    }
}

#[test]
fn a_panic_in_a_view_restores_the_terminal_then_prints_the_message() {
    let pane = AppPane::start("panic", 80, 24, "GAOXIN_PANIC_IN_VIEW=1");
    assert_eq!(
        pane.status(),
        "101",
        "a panic exits with Rust's panic status"
    );
    let screen = pane.tmux.wait_for("the panic message", |s| {
        s.iter().any(|l| l.contains("GAOXIN-EXIT 101"))
    });
    // On the normal screen: printed after leaving the alternate one, which would have hidden it.
    let text = screen.join("\n");
    assert!(text.contains("panicked at"), "{text}");
    assert!(text.contains("GAOXIN_PANIC_IN_VIEW is set"), "{text}");
    assert_clean_screen(
        &screen,
        |l| l.starts_with("thread '") || l.starts_with("GAOXIN") || l.starts_with("note: "),
        "panic",
    );
    pane.assert_restored("panic");
}

#[test]
fn resize_storms_and_a_one_cell_window_do_not_panic() {
    let pane = AppPane::start("resize", 80, 24, "");
    let t = &pane.tmux;
    t.wait_for("the regions list", |s| {
        s.iter().any(|l| l.contains("Regions"))
    });
    let sizes = [
        (1, 1),
        (2, 1),
        (1, 2),
        (120, 40),
        (40, 10),
        (39, 9),
        (3, 50),
        (200, 2),
        (60, 20),
        (1, 1),
    ];
    for (w, h) in sizes.iter().cycle().take(30) {
        t.run(&[
            "resize-window",
            "-t",
            "t",
            "-x",
            &w.to_string(),
            "-y",
            &h.to_string(),
        ]);
    }
    // Alive and drawing: a last size that shows the notice, then a single cell.
    t.run(&["resize-window", "-t", "t", "-x", "30", "-y", "8"]);
    t.wait_for("the too-small notice", |s| {
        s.iter().any(|l| l.contains("too small"))
    });
    t.run(&["resize-window", "-t", "t", "-x", "1", "-y", "1"]);
    pane.poll("a 1x1 window", || {
        (t.format("#{window_width}x#{window_height}") == "1x1").then_some(())
    });
    std::thread::sleep(Duration::from_millis(200));
    assert_eq!(pane.file("status"), None, "the app ended in the storm");
    assert_eq!(t.format("#{alternate_on}"), "1");
    t.run(&["send-keys", "-t", "t", "q"]);
    assert_eq!(pane.status(), "0", "q quits from a 1x1 window");
    t.run(&["resize-window", "-t", "t", "-x", "40", "-y", "10"]);
    pane.assert_restored("after the storm");
}

#[test]
fn escape_sequences_in_the_data_never_reach_the_terminal() {
    // The fixture's title and text hold a clear-screen, a colour and title-setting sequences.
    let pane = AppPane::start_with(
        "esc",
        100,
        30,
        "",
        "--data tests/fixtures/mini_dataset.json",
    );
    let t = &pane.tmux;
    let title = t.format("#{pane_title}");
    t.wait_for("the regions list", |s| {
        s.iter().any(|l| l.contains("Regions"))
    });
    typed(t, "/tjbh");
    keys(t, &["Enter"]);
    t.wait_for("the region's title", |s| {
        s.iter().any(|l| l.contains("␛[2J"))
    });
    keys(t, &["Down", "Down", "Enter"]);
    let screen = t.wait_for("the article", |s| {
        s.iter().any(|l| l.contains("␛]0;pwned␇"))
    });
    assert!(
        screen.iter().any(|l| l.contains("天津滨海高新区")),
        "the screen was not cleared:\n{}",
        screen.join("\n")
    );
    assert_eq!(
        t.format("#{pane_title}"),
        title,
        "a title sequence got through"
    );
    t.run(&["send-keys", "-t", "t", "q"]);
    assert_eq!(pane.status(), "0");
}
