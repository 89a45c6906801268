//! A broken dataset stops the app and every query command before anything is printed or the
//! terminal is touched: exit code 1, and one line on stderr naming the file, where the problem
//! is (a JSON path, an id, or a line and column) and what it is. The app run without a
//! terminal says so the same way.
#![allow(clippy::unwrap_used, clippy::expect_used)] // tests and benches fail loudly

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

use serde_json::{Value, json};

const BIN: &str = env!("CARGO_BIN_EXE_gaoxin");

/// The app and every command that reads the dataset, with arguments that work on the fixture.
const COMMANDS: [&[&str]; 7] = [
    &[],
    &["regions"],
    &["show", "成都"],
    &["compare", "成都", "绵阳"],
    &["rank", "revenue"],
    &["metrics"],
    &["export"],
];

fn fixture() -> Value {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/mini_dataset.json");
    serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

fn run(data: &Path, args: &[&str]) -> Output {
    // No terminal anywhere: stdin closed, stdout and stderr captured. The app must fail on the
    // dataset before it would notice there is no terminal.
    Command::new(BIN)
        .args(args)
        .arg("--data")
        .arg(data)
        .env("LANG", "en_US.UTF-8")
        .env_remove("LC_ALL")
        .env_remove("RUST_BACKTRACE")
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .output()
        .unwrap()
}

/// One broken dataset: how it is made, where the error must point and words its reason has.
struct Case {
    name: &'static str,
    file: PathBuf,
    location: &'static str,
    reason: &'static [&'static str],
}

fn write_json(dir: &Path, name: &str, v: &Value) -> PathBuf {
    let p = dir.join(format!("{name}.json"));
    std::fs::write(&p, serde_json::to_string_pretty(v).unwrap()).unwrap();
    p
}

fn changed(dir: &Path, name: &str, change: impl FnOnce(&mut Value)) -> PathBuf {
    let mut v = fixture();
    change(&mut v);
    write_json(dir, name, &v)
}

fn cases(dir: &Path) -> Vec<Case> {
    let good = serde_json::to_string_pretty(&fixture()).unwrap();
    // Cut in the middle of the file, on a character boundary.
    let mut cut = good.len() / 2;
    while !good.is_char_boundary(cut) {
        cut -= 1;
    }
    let truncated = dir.join("truncated.json");
    std::fs::write(&truncated, &good[..cut]).unwrap();
    let latin1 = dir.join("latin1.json");
    std::fs::write(&latin1, b"{\"schema_version\": 1, \"articles\": [\xe9]}").unwrap();
    let empty = dir.join("empty.json");
    std::fs::write(&empty, "").unwrap();
    vec![
        Case {
            name: "truncated",
            file: truncated,
            location: "line ",
            reason: &["EOF while parsing", "cut short"],
        },
        Case {
            name: "empty file",
            file: empty,
            location: "line 1, column 0",
            reason: &["EOF while parsing"],
        },
        Case {
            name: "not UTF-8",
            file: latin1,
            location: "",
            reason: &["UTF-8"],
        },
        Case {
            name: "schema version 3",
            file: changed(dir, "version", |v| v["schema_version"] = json!(3)),
            location: "schema_version",
            reason: &["schema version 3 found", "reads versions 1 to 2"],
        },
        Case {
            name: "missing title",
            file: changed(dir, "missing", |v| {
                v["articles"][1].as_object_mut().unwrap().remove("title");
            }),
            location: "articles[1].title",
            reason: &["article p02#0", "missing field `title`"],
        },
        Case {
            name: "missing figures",
            file: changed(dir, "no_figures", |v| {
                v.as_object_mut().unwrap().remove("figures");
            }),
            location: "figures",
            reason: &["missing field `figures`"],
        },
        Case {
            name: "figure in a missing region",
            file: changed(dir, "region", |v| {
                v["figures"][2]["region"] = json!("510199")
            }),
            location: "figures[2].region",
            reason: &["figure p01#0@98", "no region has id \"510199\""],
        },
        Case {
            name: "figure from a missing article",
            file: changed(dir, "article", |v| {
                v["figures"][2]["article"] = json!("p09#0")
            }),
            location: "figures[2].article",
            reason: &["figure p01#0@98", "no article has id \"p09#0\""],
        },
        Case {
            name: "span out of range",
            file: changed(dir, "span", |v| v["figures"][2]["span"] = json!([5, 99999])),
            location: "figures[2].span",
            reason: &["figure p01#0@98", "[5, 99999]", "article p01#0"],
        },
        Case {
            // serde quotes an unknown kind as written: the escape must not reach stderr raw.
            name: "unknown kind holding escapes",
            file: changed(dir, "kind", |v| {
                v["regions"][0]["kind"] = json!("\u{1b}[2J\u{1b}]0;owned\u{7}planet");
            }),
            location: "regions[0]",
            reason: &["region 120000", "unknown variant", "␛[2J␛]0;owned␇planet"],
        },
    ]
}

#[test]
fn the_fixture_works_with_every_command() {
    let dir = tempfile::tempdir().unwrap();
    let good = write_json(dir.path(), "good", &fixture());
    // The app itself needs a terminal; the commands must succeed as given.
    for args in &COMMANDS[1..] {
        let out = run(&good, args);
        assert!(
            out.status.success(),
            "{args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        assert!(!out.stdout.is_empty(), "{args:?}");
    }
}

#[test]
fn every_command_names_the_file_the_place_and_the_problem() {
    let dir = tempfile::tempdir().unwrap();
    for case in cases(dir.path()) {
        for args in COMMANDS {
            let ctx = format!("{} with {args:?}", case.name);
            let out = run(&case.file, args);
            assert_eq!(out.status.code(), Some(1), "{ctx}");
            assert!(out.stdout.is_empty(), "{ctx}: printed {:?}", out.stdout);
            // The terminal was never touched: no escape sequence, not even the alternate
            // screen's, and no control character but the final newline.
            assert!(
                !out.stderr
                    .iter()
                    .any(|&b| (b < 0x20 && b != b'\n') || b == 0x7f),
                "{ctx}: control bytes in {:?}",
                String::from_utf8_lossy(&out.stderr)
            );
            let err = String::from_utf8(out.stderr).unwrap();
            assert_eq!(err.matches('\n').count(), 1, "{ctx}: one line: {err:?}");
            let head = format!("gaoxin: {}: {}", case.file.display(), case.location);
            assert!(
                err.starts_with(&head),
                "{ctx}: {err:?} should start {head:?}"
            );
            for word in case.reason {
                assert!(err.contains(word), "{ctx}: {err:?} lacks {word:?}");
            }
        }
    }
}

#[test]
fn a_missing_file_is_named() {
    let dir = tempfile::tempdir().unwrap();
    let missing = dir.path().join("nowhere.json");
    for args in COMMANDS {
        let out = run(&missing, args);
        assert_eq!(out.status.code(), Some(1), "{args:?}");
        assert!(out.stdout.is_empty());
        let err = String::from_utf8(out.stderr).unwrap();
        assert!(
            err.starts_with(&format!("gaoxin: {}: ", missing.display()))
                && err.contains("No such file"),
            "{args:?}: {err:?}"
        );
    }
}

#[test]
fn the_app_without_a_terminal_says_so_and_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let good = write_json(dir.path(), "good", &fixture());
    let out = run(&good, &[]);
    assert_eq!(out.status.code(), Some(1));
    assert!(out.stdout.is_empty(), "{:?}", out.stdout);
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(
        err.starts_with("gaoxin: <terminal>: the app needs a terminal") && err.contains("export"),
        "{err:?}"
    );
}
