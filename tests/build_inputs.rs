//! `gaoxin build` on bad and unusual input, through the real binary: every row of the input
//! matrix either builds a valid dataset or fails with a message naming the file and the problem,
//! leaving the previous output byte-for-byte intact.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

use gaoxin::dataset::{self, Dataset};
use serde_json::Value;

/// A short news article with a title, a byline and figures of the usual shapes.
const ARTICLE: &str = "成都高新区创新主体加速集聚
本报记者 王晓涛
    本报成都3月5日电  记者从成都高新区获悉，2023年，园区新增高新技术企业2443家，总数突破1.2万家。全区规模以上工业企业营业收入突破5200亿元，同比增长11.3％。
    园区现有各类人才近 10万人，其中硕士以上学历人才占比达到35%。今年，园区计划新引进重大项目100个，力争地区生产总值增长8%左右。
    “我们将持续优化营商环境，让企业安心发展。”园区负责人表示。
";

/// What a previous successful build left; failed builds must not touch it.
const OLD_OUTPUT: &[u8] = b"{\"previous\": \"dataset\"}\n";

struct Run {
    out: Output,
    stderr: String,
}

impl Run {
    fn ok(&self) -> bool {
        self.out.status.success()
    }
}

fn gaoxin(dir: &Path, args: &[&str]) -> Run {
    let out = Command::new(env!("CARGO_BIN_EXE_gaoxin"))
        .args(args)
        .current_dir(dir)
        .stdin(Stdio::null())
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    Run { out, stderr }
}

/// Runs `build INPUTS -o out/dataset.json` in `dir`.
fn build(dir: &Path, inputs: &[&str]) -> Run {
    let mut args = vec!["build"];
    args.extend_from_slice(inputs);
    args.extend_from_slice(&["-o", "out/dataset.json"]);
    gaoxin(dir, &args)
}

fn output_path(dir: &Path) -> PathBuf {
    dir.join("out/dataset.json")
}

/// Loads the output, which also validates every span against its article.
fn load(dir: &Path) -> Dataset {
    dataset::load(&output_path(dir)).unwrap()
}

fn pre_create_output(dir: &Path) {
    std::fs::create_dir_all(dir.join("out")).unwrap();
    std::fs::write(output_path(dir), OLD_OUTPUT).unwrap();
}

fn assert_output_untouched(dir: &Path) {
    assert_eq!(std::fs::read(output_path(dir)).unwrap(), OLD_OUTPUT);
    let leftovers: Vec<_> = std::fs::read_dir(dir.join("out"))
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .filter(|n| n != "dataset.json")
        .collect();
    assert!(leftovers.is_empty(), "left behind: {leftovers:?}");
}

/// A failed build: exit 1, one `gaoxin:` line naming `file` and saying `problem`.
fn assert_fails_naming(run: &Run, file: &str, problem: &str) {
    assert_eq!(run.out.status.code(), Some(1), "stderr: {}", run.stderr);
    let line = run.stderr.trim_end();
    assert!(line.starts_with("gaoxin: "), "{line}");
    assert!(!line.contains('\n'), "one line expected: {line}");
    assert!(line.contains(file), "does not name {file}: {line}");
    assert!(line.contains(problem), "does not say {problem:?}: {line}");
}

/// Chars of each figure's article text at its span are its raw text.
fn assert_spans_hold(ds: &Dataset) {
    let chars: HashMap<&str, Vec<char>> = ds
        .articles
        .iter()
        .map(|a| (a.id.as_str(), a.text.chars().collect()))
        .collect();
    for f in &ds.figures {
        let text = &chars[f.article.as_str()];
        let [s, e] = f.span;
        assert!(s < e && e <= text.len(), "{f:?}");
        assert_eq!(text[s..e].iter().collect::<String>(), f.raw, "{f:?}");
        assert!(f.value.is_finite(), "{f:?}");
    }
}

/// The figures of the articles of `source`, without ids or article references, for comparing
/// the same text read from different files.
fn figures_of(ds: &Dataset, source: &str) -> Vec<Value> {
    let ids: Vec<&str> = ds
        .articles
        .iter()
        .filter(|a| a.source == source)
        .map(|a| a.id.as_str())
        .collect();
    assert!(!ids.is_empty(), "no article from {source}");
    ds.figures
        .iter()
        .filter(|f| ids.contains(&f.article.as_str()))
        .map(|f| {
            let mut v = serde_json::to_value(f).unwrap();
            let o = v.as_object_mut().unwrap();
            o.remove("id");
            o.remove("article");
            v
        })
        .collect()
}

fn texts_of(ds: &Dataset, source: &str) -> Vec<(String, String, String)> {
    ds.articles
        .iter()
        .filter(|a| a.source == source)
        .map(|a| (a.title.clone(), a.byline.clone(), a.text.clone()))
        .collect()
}

/// Builds `files` (name, bytes) together and checks every one reads to the same articles and
/// the same, non-empty, figures as the first.
fn assert_same_reading(files: &[(&str, Vec<u8>)]) {
    let dir = tempfile::tempdir().unwrap();
    for (name, bytes) in files {
        std::fs::write(dir.path().join(name), bytes).unwrap();
    }
    let names: Vec<&str> = files.iter().map(|(n, _)| *n).collect();
    let run = build(dir.path(), &names);
    assert!(run.ok(), "{}", run.stderr);
    let ds = load(dir.path());
    assert_spans_hold(&ds);
    let (first, rest) = names.split_first().unwrap();
    let texts = texts_of(&ds, first);
    let figures = figures_of(&ds, first);
    for name in rest {
        assert_eq!(texts_of(&ds, name), texts, "{name} reads differently");
        assert_eq!(figures_of(&ds, name), figures, "{name} has other figures");
    }
    assert!(!figures.is_empty(), "no figures found in {first}");
}

#[test]
fn empty_file_gives_no_articles_and_says_so() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("empty.txt"), b"").unwrap();
    std::fs::write(dir.path().join("bom-only.txt"), b"\xef\xbb\xbf").unwrap();
    std::fs::write(dir.path().join("news.txt"), ARTICLE).unwrap();
    let run = build(dir.path(), &["empty.txt", "bom-only.txt", "news.txt"]);
    assert!(run.ok(), "{}", run.stderr);
    assert!(
        run.stderr
            .lines()
            .any(|l| l.contains("no articles in") && l.contains("empty.txt")),
        "summary does not report the empty file: {}",
        run.stderr
    );
    assert!(run.stderr.contains("bom-only.txt"), "{}", run.stderr);
    let ds = load(dir.path());
    assert_eq!(ds.articles.len(), 1);
    assert_eq!(ds.articles[0].source, "news.txt");

    // Alone, an empty file is still a (empty) dataset, not an error.
    let run = build(dir.path(), &["empty.txt"]);
    assert!(run.ok(), "{}", run.stderr);
    assert!(run.stderr.contains("articles  0"), "{}", run.stderr);
    assert!(load(dir.path()).articles.is_empty());
}

#[test]
fn binary_files_fail_naming_the_file_and_keep_the_old_output() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("news.txt"), ARTICLE).unwrap();
    let png = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00\x00\x00\x01\x00\x08\x02";
    std::fs::write(dir.path().join("photo.png"), png).unwrap();
    std::fs::write(dir.path().join("photo.txt"), png).unwrap();
    // A PNG renamed to .txt inside a folder of articles.
    std::fs::create_dir(dir.path().join("pages")).unwrap();
    std::fs::write(dir.path().join("pages/a.txt"), ARTICLE).unwrap();
    std::fs::write(dir.path().join("pages/scan.txt"), png).unwrap();
    // An executable or other binary with no known magic number.
    let elf: Vec<u8> = b"\x7fELF\x02\x01\x01\x00"
        .iter()
        .copied()
        .chain((0..4096u32).map(|i| (i * 31 % 251) as u8))
        .collect();
    std::fs::write(dir.path().join("tool.txt"), elf).unwrap();

    for (inputs, file, problem) in [
        // Named directly, a `.png` is not even read: inputs are article files.
        (
            &["news.txt", "photo.png"][..],
            "photo.png",
            "is not an article file",
        ),
        (&["news.txt", "photo.txt"][..], "photo.txt", "PNG image"),
        (&["pages"][..], "pages/scan.txt", "PNG image"),
        (&["news.txt", "tool.txt"][..], "tool.txt", "binary file"),
    ] {
        pre_create_output(dir.path());
        let run = build(dir.path(), inputs);
        assert_fails_naming(&run, file, problem);
        assert_output_untouched(dir.path());
    }
}

#[test]
fn bytes_neither_utf8_nor_gb18030_fail_naming_the_file() {
    let dir = tempfile::tempdir().unwrap();
    let mut bytes = "第一段文字，营业收入5200亿元。".as_bytes().to_vec();
    // 0xff leads no sequence in UTF-8 or GB18030.
    bytes.extend_from_slice(b"\xff\x80\x80");
    bytes.extend_from_slice("结束。\n".as_bytes());
    std::fs::write(dir.path().join("broken.txt"), &bytes).unwrap();
    std::fs::write(dir.path().join("news.txt"), ARTICLE).unwrap();
    pre_create_output(dir.path());
    let run = build(dir.path(), &["news.txt", "broken.txt"]);
    assert_fails_naming(&run, "broken.txt", "not valid UTF-8");
    // The offset lets the user find the damage.
    let offset = "第一段文字，营业收入5200亿元。".len();
    assert!(
        run.stderr.contains(&format!("offset {offset}")),
        "{}",
        run.stderr
    );
    assert_output_untouched(dir.path());
}

fn utf16(text: &str, big_endian: bool) -> Vec<u8> {
    let mut out = if big_endian {
        vec![0xfe, 0xff]
    } else {
        vec![0xff, 0xfe]
    };
    for unit in text.encode_utf16() {
        out.extend_from_slice(&if big_endian {
            unit.to_be_bytes()
        } else {
            unit.to_le_bytes()
        });
    }
    out
}

#[test]
fn one_article_in_every_encoding_gives_the_same_figures() {
    let mut bom = b"\xef\xbb\xbf".to_vec();
    bom.extend_from_slice(ARTICLE.as_bytes());
    let (gbk, _, unmappable) = encoding_rs::GBK.encode(ARTICLE);
    assert!(!unmappable);
    assert!(std::str::from_utf8(&gbk).is_err(), "GBK must differ");
    assert_same_reading(&[
        ("utf8.txt", ARTICLE.as_bytes().to_vec()),
        ("utf8-bom.txt", bom),
        ("gbk.txt", gbk.into_owned()),
        ("utf16le.txt", utf16(ARTICLE, false)),
        ("utf16be.txt", utf16(ARTICLE, true)),
    ]);
}

#[test]
fn crlf_and_cr_line_ends_give_the_same_figures() {
    let crlf = ARTICLE.replace('\n', "\r\n");
    let cr = ARTICLE.replace('\n', "\r");
    let gbk_crlf = encoding_rs::GBK.encode(&crlf).0.into_owned();
    assert_same_reading(&[
        ("lf.txt", ARTICLE.as_bytes().to_vec()),
        ("crlf.txt", crlf.into_bytes()),
        ("cr.txt", cr.into_bytes()),
        ("gbk-crlf.txt", gbk_crlf),
        (
            "utf16-crlf.txt",
            utf16(&ARTICLE.replace('\n', "\r\n"), false),
        ),
    ]);
}

/// `ARTICLE` with its ASCII digits written fullwidth.
fn fullwidth_digits(s: &str) -> String {
    s.chars()
        .map(|c| match c {
            '0'..='9' => char::from_u32(c as u32 - '0' as u32 + '０' as u32).unwrap(),
            _ => c,
        })
        .collect()
}

#[test]
fn fullwidth_digits_read_like_ascii_digits() {
    let dir = tempfile::tempdir().unwrap();
    let wide = fullwidth_digits(ARTICLE);
    assert!(wide.contains("２４４３家"));
    std::fs::write(dir.path().join("ascii.txt"), ARTICLE).unwrap();
    std::fs::write(dir.path().join("wide.txt"), &wide).unwrap();
    let run = build(dir.path(), &["ascii.txt", "wide.txt"]);
    assert!(run.ok(), "{}", run.stderr);
    let ds = load(dir.path());
    assert_spans_hold(&ds);
    // Same values, units and places; only the raw text differs.
    let key = |v: &Value| {
        let o = v.as_object().unwrap();
        (
            o["value"].as_f64().unwrap().to_bits(),
            o["unit"].clone(),
            o["span"].clone(),
            o["region"].clone(),
        )
    };
    let ascii: Vec<_> = figures_of(&ds, "ascii.txt").iter().map(key).collect();
    let wide_figures = figures_of(&ds, "wide.txt");
    assert_eq!(wide_figures.iter().map(key).collect::<Vec<_>>(), ascii);
    assert!(!ascii.is_empty(), "no figures found");
    assert!(
        wide_figures.iter().any(|f| f["raw"] == "２４４３家"),
        "{wide_figures:?}"
    );
}

/// Figures overlapping the first occurrence of `needle` in the text of `ds`'s only article.
fn figures_at<'d>(ds: &'d Dataset, needle: &str) -> Vec<&'d gaoxin::dataset::Figure> {
    let text = &ds.articles[0].text;
    let byte = text
        .find(needle)
        .unwrap_or_else(|| panic!("{needle} not in text"));
    let start = text[..byte].chars().count();
    let end = start + needle.chars().count();
    ds.figures
        .iter()
        .filter(|f| f.span[0] < end && start < f.span[1])
        .collect()
}

/// Each `(text, allowed values)`: figures found inside the text must have one of the values.
fn assert_correct_or_none(ds: &Dataset, cases: &[(&str, &[f64])]) {
    for (needle, allowed) in cases {
        for f in figures_at(ds, needle) {
            assert!(
                allowed
                    .iter()
                    .any(|v| (v - f.value).abs() <= v.abs() * 1e-9),
                "{needle}: {} read as {} {}",
                f.raw,
                f.value,
                f.unit
            );
        }
    }
}

#[test]
fn mixed_numerals_are_read_correctly_or_not_at_all() {
    let dir = tempfile::tempdir().unwrap();
    let text = "高新区经济运行稳中有进
本报记者 李明
    今年前三季度，高新区新增企业１.２万家，实现营业收入三千五百亿元，同比增长１２.５%，其中两千多家企业研发投入超过1亿元。
    园区集聚各类人才２.５万人，引进院士团队十余个，技术合同成交额达到３８6亿元，较上年增长8.2个百分点。
";
    std::fs::write(dir.path().join("mixed.txt"), text).unwrap();
    let run = build(dir.path(), &["mixed.txt"]);
    assert!(run.ok(), "{}", run.stderr);
    let ds = load(dir.path());
    assert_spans_hold(&ds);
    assert_correct_or_none(
        &ds,
        &[
            ("１.２万家", &[12_000.0]),
            ("三千五百亿元", &[3.5e11]),
            ("１２.５%", &[12.5]),
            ("两千多家", &[2000.0]),
            ("1亿元", &[1e8]),
            ("２.５万人", &[25_000.0]),
            ("十余个", &[10.0]),
            ("３８6亿元", &[3.86e10]),
            ("8.2个百分点", &[8.2]),
        ],
    );
    assert!(!ds.figures.is_empty(), "no figures found");
}

#[test]
fn odd_looking_numbers_never_crash_and_read_correctly_or_not_at_all() {
    let dir = tempfile::tempdir().unwrap();
    let huge = "9".repeat(400);
    let text = format!(
        "数字测试
    园区孵化器数量为3..5个，编号1,2,3的项目已经开工，总投资0.5万亿元，累计投入九千九百九十九亿元。
    另有{huge}亿元的说法，以及1e400元、0.000000001%、１,２３４,５６７元和12,34,5家等写法。
    还有-5家、+3%、5%%、.5万、5.万元、万亿元、亿亿元、零点五亿元、〇、两两两家、十十十个。
"
    );
    std::fs::write(dir.path().join("odd.txt"), &text).unwrap();
    let run = build(dir.path(), &["odd.txt"]);
    assert!(run.ok(), "{}", run.stderr);
    assert!(!run.stderr.contains("panicked"), "{}", run.stderr);
    let ds = load(dir.path());
    assert_spans_hold(&ds);
    assert_correct_or_none(
        &ds,
        &[
            ("3..5个", &[3.0, 5.0, 3.5]),
            ("1,2,3", &[1.0, 2.0, 3.0]),
            ("0.5万亿元", &[5e11]),
            ("九千九百九十九亿元", &[9.999e11]),
            ("１,２３４,５６７元", &[1_234_567.0]),
        ],
    );
}

#[test]
fn unreadable_file_in_a_folder_fails_naming_it_and_keeps_the_old_output() {
    let dir = tempfile::tempdir().unwrap();
    let pages = dir.path().join("pages");
    std::fs::create_dir(&pages).unwrap();
    std::fs::write(pages.join("a.txt"), ARTICLE).unwrap();
    // Tests may run as root, where permissions do not stop a read: a dangling symlink does.
    std::os::unix::fs::symlink(dir.path().join("gone.txt"), pages.join("bad.txt")).unwrap();
    pre_create_output(dir.path());
    let run = build(dir.path(), &["pages"]);
    assert_fails_naming(&run, "pages/bad.txt", "No such file or directory");
    // The cause is given once, not repeated.
    assert_eq!(
        run.stderr.matches("No such file").count(),
        1,
        "{}",
        run.stderr
    );
    assert_output_untouched(dir.path());
}

/// Peak resident memory of a child in KiB, polled from `/proc` until it exits.
fn wait_measuring(child: &mut std::process::Child, limit: Duration) -> (u64, Duration) {
    let status_path = format!("/proc/{}/status", child.id());
    let started = Instant::now();
    let mut peak = 0;
    loop {
        // VmHWM is the high-water mark, so a late poll still sees earlier peaks.
        if let Ok(status) = std::fs::read_to_string(&status_path)
            && let Some(kb) = status
                .lines()
                .find_map(|l| l.strip_prefix("VmHWM:"))
                .and_then(|v| v.trim().trim_end_matches("kB").trim().parse::<u64>().ok())
        {
            peak = peak.max(kb);
        }
        if child.try_wait().unwrap().is_some() {
            return (peak, started.elapsed());
        }
        if started.elapsed() > limit {
            child.kill().unwrap();
            panic!("build did not finish in {limit:?} (peak RSS so far {peak} KiB)");
        }
        std::thread::sleep(Duration::from_millis(5));
    }
}

#[test]
fn a_single_50_mb_line_finishes_in_bounded_memory() {
    let dir = tempfile::tempdir().unwrap();
    // Realistic sentences with places and figures, every paragraph break lost, plus long runs
    // of text with no sentence end at all, where context lookups have nothing to stop them.
    let sentence = ARTICLE.replace(['\n', ' '], "");
    let filler = "创新驱动发展战略深入实施产业链供应链韧性持续增强".repeat(40);
    let mut line = String::with_capacity(51 << 20);
    let mut i = 0u32;
    while line.len() < 50 << 20 {
        line.push_str(&sentence);
        line.push_str(&filler);
        line.push_str(&format!("新增项目{}个", i % 997));
        line.push_str(&filler);
        i += 1;
    }
    std::fs::write(dir.path().join("line.txt"), &line).unwrap();
    std::fs::create_dir(dir.path().join("out")).unwrap();
    let mut child = Command::new(env!("CARGO_BIN_EXE_gaoxin"))
        .args(["build", "line.txt", "-o", "out/dataset.json"])
        .current_dir(dir.path())
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let (peak_kib, took) = wait_measuring(&mut child, Duration::from_secs(300));
    let out = child.wait_with_output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    eprintln!(
        "50 MB line: {} bytes in {took:.1?}, peak RSS {} MiB",
        line.len(),
        peak_kib / 1024
    );
    assert!(out.status.success(), "{stderr}");
    assert!(peak_kib > 0, "no memory reading");
    assert!(peak_kib < 1536 * 1024, "peak RSS {peak_kib} KiB");
    let ds = load(dir.path());
    assert_eq!(ds.articles.len(), 1);
    assert!(ds.articles[0].text.len() >= 50 << 20);
    assert_spans_hold(&ds);
    // Figures are found all along the line, not only in its first part.
    let last = ds.figures.iter().map(|f| f.span[1]).max().unwrap_or(0);
    let chars = ds.articles[0].text.chars().count();
    eprintln!("50 MB line: {} figures", ds.figures.len());
    assert!(ds.figures.len() > 10_000, "{} figures", ds.figures.len());
    assert!(
        last > chars - 10_000,
        "last figure ends at {last} of {chars}"
    );
}
