//! The query commands run as a user runs them: the built binary, every command and format,
//! errors and exit codes, a closed pipe.
#![allow(clippy::unwrap_used, clippy::expect_used)] // tests and benches fail loudly

mod support {
    pub mod cli;
    pub mod columns;
    pub mod csv;
}
use support::cli::{gaoxin, ok};
use support::columns::end_columns;
use support::csv::parse_csv;

use std::io::Read;
use std::process::{Command, Stdio};

use gaoxin::dataset::{self, Modality};
use gaoxin::query::{self, Cell, CompareRow, Index, KindFilter, Lang, format};
use gaoxin::text;

fn fails(args: &[&str], code: i32) -> String {
    let out = gaoxin(args);
    assert_eq!(out.status.code(), Some(code), "{args:?}");
    assert!(out.stdout.is_empty(), "{args:?} printed to stdout");
    String::from_utf8(out.stderr).unwrap()
}

fn figure_count() -> usize {
    gaoxin::dataset::bundled().unwrap().figures.len()
}

/// Tables: no control bytes but newlines, and every line of the body as wide as the rule.
fn check_table(out: &str, ctx: &str) {
    assert!(
        !out.bytes().any(|b| b < 0x20 && b != b'\n'),
        "{ctx}: control byte in table output"
    );
    let lines: Vec<&str> = out.lines().collect();
    let rule = lines
        .iter()
        .position(|l| !l.is_empty() && l.chars().all(|c| c == '-' || c == ' '))
        .unwrap_or_else(|| panic!("{ctx}: no rule line:\n{out}"));
    // Each column starts where its rule segment starts.
    let starts: Vec<usize> = lines[rule]
        .char_indices()
        .filter(|&(i, c)| c == '-' && (i == 0 || lines[rule].as_bytes()[i - 1] == b' '))
        .map(|(i, _)| i)
        .collect();
    for l in &lines[rule + 1..] {
        if l.is_empty() {
            break;
        }
        for &s in &starts[1..] {
            // The column before each start ends with a gap of two spaces (cells are padded).
            let cols: usize = text::width(l);
            if cols > s {
                let prefix: String = display_prefix(l, s);
                assert!(
                    prefix.ends_with("  ") || prefix.ends_with(' '),
                    "{ctx}: column at {s} misaligned in {l:?}"
                );
            }
        }
    }
}

/// The first `cols` display columns of a line.
fn display_prefix(l: &str, cols: usize) -> String {
    let mut out = String::new();
    let mut used = 0;
    for c in l.chars() {
        let w = text::char_width(c);
        if used + w > cols {
            break;
        }
        used += w;
        out.push(c);
    }
    assert_eq!(
        used, cols,
        "a wide character straddles column {cols} in {l:?}"
    );
    out
}

#[test]
fn every_query_command_in_every_format() {
    let commands: &[&[&str]] = &[
        &["regions"],
        &["regions", "--kind", "park"],
        &["regions", "--province", "sichuan"],
        &["show", "chengdu"],
        &["compare", "常州", "杭州"],
        &["compare", "成都", "天津滨海高新区", "--metric", "talent"],
        &["rank", "高新技术企业"],
        &[
            "rank",
            "industrial_output",
            "--kind",
            "park",
            "--year",
            "2021",
        ],
        &["rank", "industrial_output", "--measure", "growth"],
        &["metrics"],
    ];
    for args in commands {
        let table = ok(&[args, &["--format", "table"][..]].concat());
        check_table(&table, &format!("{args:?}"));
        let csv = ok(&[args, &["--format", "csv"][..]].concat());
        let rows = parse_csv(&csv);
        assert!(rows.len() > 1, "{args:?}: empty CSV");
        assert!(rows.iter().all(|r| r.len() == rows[0].len()), "{args:?}");
        let json = ok(&[args, &["--format", "json"][..]].concat());
        let v: serde_json::Value = serde_json::from_str(&json).unwrap();
        let arr = v.as_array().unwrap();
        assert_eq!(arr.len(), rows.len() - 1, "{args:?}: CSV and JSON disagree");
    }
}

#[test]
fn export_round_trips_every_figure() {
    let n = figure_count();
    let rows = parse_csv(&ok(&["export"]));
    assert_eq!(rows[0][0], "id");
    assert_eq!(rows.len() - 1, n, "one CSV row per figure");
    let sentence = rows[0].iter().position(|c| c == "sentence").unwrap();
    assert!(rows[1..].iter().all(|r| !r[sentence].is_empty()));
    let v: serde_json::Value = serde_json::from_str(&ok(&["export", "--format", "json"])).unwrap();
    assert_eq!(v.as_array().unwrap().len(), n);
    assert!(v[0]["value"].is_number());
    let table = ok(&["export", "--format", "table"]);
    check_table(&table, "export table");
}

fn ix() -> Index {
    Index::new(dataset::bundled().unwrap())
}

fn region_name(ix: &Index, r: usize) -> String {
    ix.region(r).unwrap().name.clone()
}

/// The part of `line` that ends at display column `col`.
fn up_to_column(line: &str, col: usize) -> &str {
    let mut w = 0;
    for (b, c) in line.char_indices() {
        if w >= col {
            return &line[..b];
        }
        w += text::char_width(c);
    }
    line
}

/// Each cell of a compare table row sits under its region's name, with nothing but spaces
/// around it, and only the row's best cell carries the `*` marker. Returns, per column, the
/// display column where the cell's whole number ends, which lines up down a column.
fn check_row(line: &str, row: &CompareRow, ends: &[usize]) -> Vec<usize> {
    let mut digits = Vec::new();
    // The last column's alignment spaces are trimmed with the line.
    let padded = format!(
        "{line}{}",
        " ".repeat(ends.iter().max().copied().unwrap_or(0))
    );
    for (i, &end) in ends.iter().enumerate() {
        let mut cell = row.cell_text(i, Lang::En).unwrap_or_else(|| "—".into());
        if row.best == Some(i) {
            cell.push_str(" *");
        }
        let head = up_to_column(&padded, end).trim_end();
        let before = head.strip_suffix(cell.as_str());
        assert!(
            before.is_some_and(|b| b.ends_with(' ')),
            "{cell:?} should end by column {end}: {line:?}"
        );
        let whole = cell.find(['.', ' ']).unwrap_or(cell.len());
        digits.push(text::width(head) - text::width(&cell) + text::width(&cell[..whole]));
    }
    let marks = line.matches('*').count();
    assert_eq!(marks, usize::from(row.best.is_some()), "{line:?}");
    digits
}

/// Which of two cells should be marked best: both achieved and in one unit, the larger (the
/// lower for `lower_wins`), the first on a tie; otherwise neither.
fn best_of_two(row: &CompareRow, lower_wins: bool) -> Option<usize> {
    let [Some(a), Some(b)] = &row.cells[..] else {
        return None;
    };
    let achieved = |c: &Cell| c.modality == Modality::Actual;
    if !(achieved(a) && achieved(b) && a.unit == b.unit) {
        return None;
    }
    let second = if lower_wins {
        b.value < a.value
    } else {
        b.value > a.value
    };
    Some(usize::from(second))
}

#[test]
fn compare_lines_up_real_values() {
    let ix = ix();
    // The two leading regions on high-tech enterprises, whichever the data makes them.
    let top = query::rank(&ix, "high_tech_enterprises", KindFilter::All, None);
    assert!(top.entries.len() >= 2, "two regions to compare");
    let pair = [top.entries[0].region, top.entries[1].region];
    let names = pair.map(|r| region_name(&ix, r));
    let out = ok(&[
        "compare",
        &names[0],
        &names[1],
        "--metric",
        "高新技术企业",
        "--metric",
        "overall_standing",
    ]);
    let metrics = [
        "high_tech_enterprises".to_string(),
        "overall_standing".to_string(),
    ];
    let c = query::compare(&ix, &pair, Some(&metrics)).unwrap();
    let lines: Vec<&str> = out.lines().collect();
    let ends = end_columns(lines[0], &names);
    let hte = lines.iter().find(|l| l.starts_with("High-tech")).unwrap();
    let hte_row = &c.rows[0];
    let unit = hte_row.scale.in_lang(Lang::En).suffix();
    assert!(hte.contains(&format!("  {unit}  ")), "{hte}");
    let hte_digits = check_row(hte, hte_row, &ends);
    assert_eq!(hte_row.best, best_of_two(hte_row, false), "{hte}");
    // A metric neither region has still gets its row, in its primary measure, its empty
    // cells lined up on the digits with the values above.
    let standing = lines
        .iter()
        .find(|l| l.starts_with("Overall standing"))
        .unwrap();
    let standing_digits = check_row(standing, &c.rows[1], &ends);
    // Cells with at most a short tail (decimals, `*`) line up on their digits.
    for (i, cell) in c.rows[0].cells.iter().enumerate() {
        let text = c.rows[0].cell_text(i, Lang::En).unwrap_or_default();
        let whole = text.find(['.', ' ']).unwrap_or(text.len());
        let tail = text::width(&text[whole..]) + if c.rows[0].best == Some(i) { 2 } else { 0 };
        if cell.is_some() && tail <= 4 {
            assert_eq!(standing_digits[i], hte_digits[i], "{out}");
        }
    }
}

#[test]
fn rank_puts_the_largest_first() {
    let ix = ix();
    let r = query::rank(&ix, "high_tech_enterprises", KindFilter::All, None);
    let csv = parse_csv(&ok(&["rank", "high_tech_enterprises", "--format", "csv"]));
    assert_eq!(csv[0][..4], ["rank", "region", "kind", "value"]);
    assert_eq!(csv.len() - 1, r.entries.len(), "one row per ranked region");
    for (row, e) in csv[1..].iter().zip(&r.entries) {
        assert_eq!(row[1], region_name(&ix, e.region));
        assert_eq!(row[3].parse::<f64>().unwrap(), e.value, "{row:?}");
    }
    let values: Vec<f64> = csv[1..].iter().map(|r| r[3].parse().unwrap()).collect();
    let actual = r.entries.iter().filter(|e| e.actual).count();
    assert!(
        values[..actual].windows(2).all(|w| w[0] >= w[1]),
        "{values:?}"
    );

    let parks = query::rank(&ix, "high_tech_enterprises", KindFilter::Parks, None);
    let top = &parks.entries[0];
    let f = ix.figure(top.pick.figure).unwrap();
    let value = format!(
        "{}{}",
        format::qualifier(f.qualifier),
        parks.scale.number(top.value)
    );
    let out = ok(&["rank", "gxjsqy", "--kind", "park"]);
    let first = out.lines().nth(4).unwrap();
    let name = region_name(&ix, top.region);
    assert!(
        first.starts_with("1  ") && first.contains(&format!("{name}  ")),
        "{out}"
    );
    assert!(first.contains(&format!(" {value}  ")), "{value}: {out}");
    // Every park is a park.
    assert!(
        out.lines()
            .skip(4)
            .take(parks.entries.len())
            .all(|l| l.contains(" park ")),
        "{out}"
    );
}

#[test]
fn show_lists_figures_trends_and_sources() {
    let out = ok(&["show", "成都"]);
    assert!(out.starts_with("成都市"));
    assert!(out.contains("全国 › 四川省 › 成都市"));
    assert!(out.contains("来了就不想走"), "article titles shown");
    let json: serde_json::Value =
        serde_json::from_str(&ok(&["show", "cd", "--format", "json"])).unwrap();
    assert!(
        json.as_array()
            .unwrap()
            .iter()
            .all(|r| r["region"] == "成都市")
    );
}

#[test]
fn names_that_fit_nothing_or_several_fail_with_candidates() {
    let err = fails(&["show", "xyzzy"], 1);
    assert!(
        err.contains("no region matches \"xyzzy\"; closest:"),
        "{err}"
    );
    let err = fails(&["compare", "高新区", "成都"], 1);
    assert!(
        err.contains("could be several regions") && err.contains("大连高新区"),
        "{err}"
    );
    let err = fails(&["rank", "nonsense"], 1);
    assert!(err.contains("no metric matches"), "{err}");
    let err = fails(&["compare", "成都", "成都市"], 1);
    assert!(err.contains("twice"), "{err}");
    let err = fails(&["regions", "--province", "成都"], 1);
    assert!(err.contains("not a province"), "{err}");
    let err = fails(&["show", "成都", "--data", "/nonexistent/data.json"], 1);
    assert!(err.contains("/nonexistent/data.json"), "{err}");
}

#[test]
fn usage_errors_exit_2() {
    fails(&["compare", "成都"], 2);
    fails(&["compare", "a", "b", "c", "d", "e", "f", "g"], 2);
    fails(&["rank"], 2);
    fails(&["rank", "talent", "--kind", "village"], 2);
    fails(&["export", "--format", "xml"], 2);
    fails(&["frobnicate"], 2);
}

#[test]
fn help_has_examples_and_completions_generate() {
    for cmd in [
        "regions",
        "show",
        "compare",
        "rank",
        "metrics",
        "export",
        "completions",
        "build",
    ] {
        let help = ok(&[cmd, "--help"]);
        assert!(help.contains("Example"), "{cmd} --help has no example");
        assert!(help.contains("--data"), "{cmd} --help lacks --data");
    }
    assert!(ok(&["completions", "bash"]).contains("gaoxin"));
    assert!(ok(&["completions", "zsh"]).contains("#compdef gaoxin"));
    assert!(ok(&["completions", "fish"]).contains("complete -c gaoxin"));
    fails(&["completions", "powershell"], 2);
}

#[test]
fn data_flag_reads_another_dataset() {
    let fixture = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/mini_dataset.json"
    );
    let out = ok(&["--data", fixture, "regions", "--format", "json"]);
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    let text = std::fs::read_to_string(fixture).unwrap();
    let ds: serde_json::Value = serde_json::from_str(&text).unwrap();
    assert_eq!(
        v.as_array().unwrap().len(),
        ds["regions"].as_array().unwrap().len()
    );
    // Global: after the subcommand too.
    ok(&["export", "--data", fixture]);
}

#[test]
fn a_closed_pipe_is_not_an_error() {
    let mut child = Command::new(env!("CARGO_BIN_EXE_gaoxin"))
        .args(["export", "--format", "json"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdout = child.stdout.take().unwrap();
    let mut first = [0u8; 16];
    stdout.read_exact(&mut first).unwrap();
    drop(stdout);
    let status = child.wait().unwrap();
    let mut err = String::new();
    child
        .stderr
        .take()
        .unwrap()
        .read_to_string(&mut err)
        .unwrap();
    assert!(status.success(), "exit {status:?}: {err}");
    assert!(err.is_empty(), "{err}");
}
