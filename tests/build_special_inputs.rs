//! `gaoxin build` on special and unusual inputs: FIFOs and devices never hang it or make it
//! grow, sizes are capped, only article files are read, symlinked folders are followed, and
//! every unusable input is reported. Each case through the real binary in a temp folder.
#![cfg(unix)]
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod support {
    pub mod run;
}
use support::run::*;

use std::process::Command;

#[test]
fn fifos_and_devices_among_inputs_never_hang_or_grow() {
    let dir = setup();
    let d = dir.path();
    std::fs::create_dir(d.join("pages")).unwrap();
    std::fs::write(d.join("pages/a.txt"), ARTICLE).unwrap();
    let st = Command::new("mkfifo")
        .arg(d.join("pages/pipe.txt"))
        .status()
        .unwrap();
    assert!(st.success());
    // In a folder: skipped with a note.
    let o = gaoxin(d, &["build", "pages", "-o", "out.json"]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(
        stderr(&o).contains("pages/pipe.txt: not a regular file (a FIFO), skipped"),
        "{}",
        stderr(&o)
    );
    // Named: refused.
    let o = gaoxin(d, &["build", "pages/pipe.txt", "-o", "out2.json"]);
    assert_refused(&o, "pages/pipe.txt", "is a FIFO, not a regular file");
    let o = gaoxin(d, &["build", "/dev/zero", "-o", "out2.json"]);
    assert_refused(&o, "/dev/zero", "is a device, not a regular file");
    assert!(!d.join("out2.json").exists());
}

#[test]
fn sizes_are_capped_with_a_clear_error_and_the_cap_can_be_raised() {
    let dir = setup();
    let d = dir.path();
    let big = ARTICLE.repeat((2 << 20) / ARTICLE.len() + 1);
    std::fs::write(d.join("big.txt"), &big).unwrap();
    let o = gaoxin_env(
        d,
        &["build", "big.txt", "-o", "out.json"],
        &[("GAOXIN_MAX_INPUT_MB", "1")],
    );
    assert_refused(&o, "big.txt", "over the 1 MiB limit for an input file");
    assert!(stderr(&o).contains("GAOXIN_MAX_INPUT_MB"), "{}", stderr(&o));
    let o = gaoxin_env(
        d,
        &["build", "big.txt", "-o", "out.json"],
        &[("GAOXIN_MAX_INPUT_MB", "3")],
    );
    assert!(o.status.success(), "{}", stderr(&o));

    // Datasets: a device that never ends is refused at once, a large file by its size.
    let o = gaoxin(d, &["--data", "/dev/zero", "regions"]);
    assert_refused(&o, "/dev/zero", "NUL byte at offset 0");
    let o = gaoxin_env(
        d,
        &["--data", "out.json", "regions"],
        &[("GAOXIN_MAX_DATASET_MB", "1")],
    );
    assert_refused(&o, "out.json", "GAOXIN_MAX_DATASET_MB");
    let o = gaoxin_env(d, &["build", "a.txt"], &[("GAOXIN_MAX_INPUT_MB", "lots")]);
    assert_refused(&o, "GAOXIN_MAX_INPUT_MB", "is not a size in MiB");
}

#[test]
fn inputs_are_articles_and_every_bad_one_is_reported() {
    let dir = setup();
    let d = dir.path();
    std::fs::write(d.join("data.json"), "{}").unwrap();
    let o = gaoxin(d, &["build", "data.json", "-o", "out.json"]);
    assert_refused(
        &o,
        "data.json",
        "gaoxin reads .txt, .md, .html and .htm files",
    );

    std::fs::create_dir(d.join("pages")).unwrap();
    std::fs::write(d.join("pages/ok.txt"), ARTICLE).unwrap();
    std::fs::write(d.join("pages/bin.txt"), b"abc\x00\x01\x02").unwrap();
    std::fs::write(d.join("pages/png.md"), b"\x89PNG\r\n\x1a\n....").unwrap();
    std::os::unix::fs::symlink("gone.txt", d.join("pages/dangling.txt")).unwrap();
    let o = gaoxin(d, &["build", "pages", "missing.txt", "-o", "out.json"]);
    let e = stderr(&o);
    assert_eq!(o.status.code(), Some(1), "{e}");
    assert!(e.starts_with("gaoxin: 4 inputs cannot be used:"), "{e}");
    for bad in [
        "pages/bin.txt",
        "pages/png.md",
        "pages/dangling.txt",
        "missing.txt",
    ] {
        assert!(e.contains(bad), "{bad} not reported: {e}");
    }
    assert!(!e.contains("ok.txt"), "{e}");
    assert!(!d.join("out.json").exists());
}

#[test]
fn same_named_txt_and_md_get_distinct_article_ids() {
    let dir = setup();
    let d = dir.path();
    std::fs::create_dir(d.join("pages")).unwrap();
    std::fs::write(d.join("pages/x.txt"), ARTICLE).unwrap();
    std::fs::write(d.join("pages/x.md"), ARTICLE).unwrap();
    let o = gaoxin(d, &["build", "pages", "-o", "out.json"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let ds = gaoxin::dataset::load(&d.join("out.json")).unwrap();
    let mut ids: Vec<_> = ds.articles.iter().map(|a| a.id.clone()).collect();
    ids.dedup();
    assert_eq!(ds.articles.len(), 2);
    assert_eq!(ids.len(), 2, "{ids:?}");
}

#[test]
fn symlinked_folders_are_followed_and_loops_end() {
    let dir = setup();
    let d = dir.path();
    std::fs::create_dir_all(d.join("pages/sub")).unwrap();
    std::fs::create_dir(d.join("elsewhere")).unwrap();
    std::fs::write(d.join("elsewhere/e.txt"), ARTICLE).unwrap();
    std::os::unix::fs::symlink("../elsewhere", d.join("pages/linked")).unwrap();
    std::os::unix::fs::symlink("..", d.join("pages/sub/up")).unwrap();
    let o = gaoxin(d, &["build", "pages", "-o", "out.json"]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(
        stderr(&o).contains("a link to a folder already read, skipped"),
        "{}",
        stderr(&o)
    );
    let ds = gaoxin::dataset::load(&d.join("out.json")).unwrap();
    let sources: Vec<_> = ds.articles.iter().map(|a| a.source.as_str()).collect();
    assert_eq!(sources, ["pages/linked/e.txt"]);
}

#[test]
fn pasted_terminal_text_is_text_and_its_figures_are_kept() {
    let dir = setup();
    let d = dir.path();
    let pasted = "园区人才总量突破\x1b[1m3.5万名\x1b[0m。\n\x1b[01;31m\x1b[K成都高新区\x1b[m\x1b[K新增高新技术企业2443家。\x07\n";
    std::fs::write(d.join("pasted.txt"), pasted).unwrap();
    let o = gaoxin(d, &["build", "pasted.txt", "-o", "out.json"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let ds = gaoxin::dataset::load(&d.join("out.json")).unwrap();
    let text: String = ds.articles.iter().map(|a| a.text.as_str()).collect();
    assert!(
        !text.chars().any(|c| c.is_control() && c != '\n'),
        "{text:?}"
    );
    let raws: Vec<_> = ds.figures.iter().map(|f| f.raw.as_str()).collect();
    assert!(raws.contains(&"3.5万名"), "{raws:?}");
    assert!(raws.contains(&"2443家"), "{raws:?}");
    // Spans are true to the stored text.
    for f in &ds.figures {
        let a = ds.articles.iter().find(|a| a.id == f.article).unwrap();
        let got: String = a
            .text
            .chars()
            .skip(f.span[0])
            .take(f.span[1] - f.span[0])
            .collect();
        assert_eq!(got, f.raw);
    }
}

#[test]
fn damaged_gbk_and_bomless_utf16_are_told_apart() {
    let dir = setup();
    let d = dir.path();
    let text = "国家高新区营业收入突破5200亿元，同比增长12.5%。\n".repeat(40);
    let (gbk, _, _) = encoding_rs::GBK.encode(&text);
    let mut bytes = gbk.into_owned();
    let at = encoding_rs::GBK
        .encode(&text[..text.char_indices().nth(900).unwrap().0])
        .0
        .len();
    bytes.insert(at, 0xff);
    std::fs::write(d.join("gbk.txt"), &bytes).unwrap();
    let o = gaoxin(d, &["build", "gbk.txt", "-o", "out.json"]);
    assert_refused(&o, "gbk.txt", &format!("bad byte at offset {at}"));

    let utf16: Vec<u8> = text.encode_utf16().flat_map(u16::to_le_bytes).collect();
    std::fs::write(d.join("utf16.txt"), &utf16).unwrap();
    let o = gaoxin(d, &["build", "utf16.txt", "-o", "out.json"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let ds = gaoxin::dataset::load(&d.join("out.json")).unwrap();
    assert!(ds.figures.iter().any(|f| f.raw == "5200亿元"));
}
