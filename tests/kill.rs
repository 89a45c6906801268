//! A build killed while writing its dataset leaves the previous dataset intact, and the next
//! build clears the temp file the killed one left behind.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

const TEMP_PREFIX: &str = ".dataset.json.tmp-";

/// A page of news: a title, a byline and paragraphs with figures, different for each `seed`.
fn page(seed: u32) -> String {
    let mut s = format!("高新区第{seed}期发展观察\n本报记者 王晓涛\n");
    for p in 0..240 {
        let n = seed * 241 + p;
        s.push_str(&format!(
            "    记者从高新区获悉，园区新增高新技术企业{}家，营业收入突破{}亿元，同比增长{}.{}％，\
             各类人才近 {}万人。园区围绕主导产业持续优化营商环境，推动创新链产业链深度融合，\
             一批重大项目加快建设，科技成果转化成效明显，企业研发投入稳步提高。\n",
            100 + n % 9000,
            1000 + n % 5000,
            n % 20,
            n % 10,
            1 + n % 30
        ));
    }
    s
}

fn temp_files(dir: &Path) -> Vec<String> {
    std::fs::read_dir(dir)
        .unwrap()
        .filter_map(|e| {
            let name = e.unwrap().file_name().to_string_lossy().into_owned();
            name.starts_with(TEMP_PREFIX).then_some(name)
        })
        .collect()
}

fn build(dir: &Path, input: &str) -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_gaoxin"));
    cmd.args(["build", input, "-o", "out/dataset.json"])
        .current_dir(dir)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::piped());
    cmd
}

#[test]
fn killed_mid_write_keeps_the_old_dataset_and_the_next_build_cleans_up() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    let out = root.join("out");

    // The old dataset: a real build of one small page.
    std::fs::write(root.join("small.txt"), page(0)).unwrap();
    let status = build(root, "small.txt").status().unwrap();
    assert!(status.success());
    let old = std::fs::read(out.join("dataset.json")).unwrap();

    // Enough pages that the new dataset takes a while to write and sync.
    std::fs::create_dir(root.join("pages")).unwrap();
    let mut total = 0;
    for i in 0..120 {
        let text = page(i + 1);
        total += text.len();
        std::fs::write(root.join(format!("pages/{i:03}.txt")), text).unwrap();
    }
    assert!(total > 8 << 20, "input is only {total} bytes");

    let started = Instant::now();
    let mut child = build(root, "pages").spawn().unwrap();
    let seen = loop {
        let temps = temp_files(&out);
        if !temps.is_empty() {
            child.kill().unwrap();
            break temps;
        }
        if let Some(status) = child.try_wait().unwrap() {
            panic!(
                "build exited ({status}) after {:?} before its temp file was seen: the write \
                 phase is too short to interrupt; give the test more input",
                started.elapsed()
            );
        }
        assert!(
            started.elapsed() < Duration::from_secs(180),
            "build still running after 3 minutes"
        );
        std::thread::sleep(Duration::from_micros(500));
    };
    let status = child.wait().unwrap();
    eprintln!(
        "killed after {:?} with {seen:?} in place",
        started.elapsed()
    );
    assert!(!status.success(), "the build was not killed: {status}");

    // The reader still sees the complete old dataset; the killed build's temp file is left.
    assert_eq!(std::fs::read(out.join("dataset.json")).unwrap(), old);
    gaoxin::dataset::load(&out.join("dataset.json")).unwrap();
    assert!(
        !temp_files(&out).is_empty(),
        "the killed build left no temp file"
    );

    // The next build replaces the dataset and clears what the killed one left.
    std::fs::write(root.join("next.txt"), page(7)).unwrap();
    let next = build(root, "next.txt").output().unwrap();
    assert!(
        next.status.success(),
        "{}",
        String::from_utf8_lossy(&next.stderr)
    );
    assert_eq!(temp_files(&out), Vec::<String>::new());
    let ds = gaoxin::dataset::load(&out.join("dataset.json")).unwrap();
    assert_eq!(ds.articles.len(), 1);
    assert_eq!(ds.articles[0].source, "next.txt");
    let names: Vec<_> = std::fs::read_dir(&out)
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(names, ["dataset.json"]);
}

#[test]
fn sigterm_and_sigint_while_writing_leave_no_temp_file() {
    use std::os::unix::process::ExitStatusExt;
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    let out = root.join("out");
    std::fs::write(root.join("small.txt"), page(0)).unwrap();
    assert!(build(root, "small.txt").status().unwrap().success());
    let old = std::fs::read(out.join("dataset.json")).unwrap();
    std::fs::create_dir(root.join("pages")).unwrap();
    for i in 0..120 {
        std::fs::write(root.join(format!("pages/{i:03}.txt")), page(i + 1)).unwrap();
    }
    for (signal, number) in [("TERM", 15), ("INT", 2)] {
        let started = Instant::now();
        let mut child = build(root, "pages").spawn().unwrap();
        loop {
            if !temp_files(&out).is_empty() {
                let st = Command::new("kill")
                    .args([&format!("-{signal}"), &child.id().to_string()])
                    .status()
                    .unwrap();
                assert!(st.success());
                break;
            }
            if let Some(status) = child.try_wait().unwrap() {
                panic!("build exited ({status}) before its temp file was seen");
            }
            assert!(started.elapsed() < Duration::from_secs(180));
            std::thread::sleep(Duration::from_micros(500));
        }
        let status = child.wait().unwrap();
        // Ended by the signal, as if it had not been caught.
        assert_eq!(status.signal(), Some(number), "SIG{signal}: {status}");
        assert_eq!(temp_files(&out), Vec::<String>::new(), "SIG{signal}");
        // The old dataset, or (if the signal came after the rename) the complete new one.
        let now = std::fs::read(out.join("dataset.json")).unwrap();
        let ds = gaoxin::dataset::load(&out.join("dataset.json")).unwrap();
        assert!(now == old || ds.articles.len() > 100, "SIG{signal}");
        std::fs::write(out.join("dataset.json"), &old).unwrap();
    }
}
