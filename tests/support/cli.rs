//! Running the built binary as a user at a shell runs it: English interface, no folder of its
//! own.
#![allow(dead_code)]

use std::process::{Command, Output};

/// Runs gaoxin with `args` under an English locale.
pub fn gaoxin(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_gaoxin"))
        .args(args)
        .env("LANG", "en_US.UTF-8")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .output()
        .unwrap()
}

/// Runs gaoxin and requires it to succeed.
pub fn run_ok(args: &[&str]) -> Output {
    let out = gaoxin(args);
    assert!(
        out.status.success(),
        "{args:?} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    out
}

/// Runs gaoxin, requires it to succeed and gives its standard output.
pub fn ok(args: &[&str]) -> String {
    String::from_utf8(run_ok(args).stdout).unwrap()
}
