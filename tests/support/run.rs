//! Running the built binary on inputs in a temp folder, with a time limit: nothing `build`
//! is given may make it hang.
#![allow(dead_code)]

use std::path::Path;
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

pub const ARTICLE: &str = "成都高新区创新主体加速集聚\n本报记者 王晓涛\n    记者从成都高新区获悉，2023年，园区新增高新技术企业2443家，总数突破1.2万家。全区营业收入突破5200亿元。\n";

/// Runs gaoxin in `dir` with `env`, giving up (and failing) after 60 s: nothing here may hang.
pub fn gaoxin_env(dir: &Path, args: &[&str], env: &[(&str, &str)]) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_gaoxin"))
        .args(args)
        .envs(env.iter().copied())
        .current_dir(dir)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let start = Instant::now();
    while child.try_wait().unwrap().is_none() {
        if start.elapsed() > Duration::from_secs(60) {
            let _ = child.kill();
            panic!("gaoxin {args:?} still running after 60 s");
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    child.wait_with_output().unwrap()
}

pub fn gaoxin(dir: &Path, args: &[&str]) -> Output {
    gaoxin_env(dir, args, &[])
}

pub fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// Exit 1 with a message naming `what` and saying `problem`.
pub fn assert_refused(o: &Output, what: &str, problem: &str) {
    let e = stderr(o);
    assert_eq!(o.status.code(), Some(1), "{e}");
    assert!(e.starts_with("gaoxin: "), "{e}");
    assert!(e.contains(what), "does not name {what}: {e}");
    assert!(e.contains(problem), "does not say {problem:?}: {e}");
}

pub fn no_temp_files(dir: &Path) {
    let temps: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.contains(".tmp-"))
        .collect();
    assert!(temps.is_empty(), "left behind: {temps:?}");
}

pub fn setup() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("a.txt"), ARTICLE).unwrap();
    dir
}
