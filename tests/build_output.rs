//! `gaoxin build` never writes over what is not a dataset's place: an input, a device, a FIFO,
//! a folder, a read-only file; it keeps the mode of the file it replaces and writes through
//! symlinks. Each case through the real binary in a temp folder.
#![cfg(unix)]
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod support {
    pub mod run;
}
use support::run::*;

use std::os::unix::fs::{FileTypeExt, PermissionsExt};
use std::process::{Command, Stdio};

#[test]
fn an_output_that_is_an_input_is_refused() {
    let dir = setup();
    let d = dir.path();
    // Directly, through a symlink, through a hard link, and as a file inside an input folder.
    std::os::unix::fs::symlink("a.txt", d.join("link.json")).unwrap();
    std::fs::hard_link(d.join("a.txt"), d.join("hard.json")).unwrap();
    for (inputs, output) in [
        (vec!["a.txt"], "a.txt"),
        (vec!["./a.txt"], "a.txt"),
        (vec!["a.txt"], "link.json"),
        (vec!["a.txt"], "hard.json"),
        (vec!["."], "./a.txt"),
    ] {
        let mut args = vec!["build"];
        args.extend(&inputs);
        args.extend(["-o", output]);
        let o = gaoxin(d, &args);
        assert_refused(&o, output, "is the input");
        assert_eq!(std::fs::read_to_string(d.join("a.txt")).unwrap(), ARTICLE);
    }
    no_temp_files(d);
}

#[test]
fn special_files_and_folders_are_not_outputs() {
    let dir = setup();
    let d = dir.path();
    let st = Command::new("mkfifo")
        .arg(d.join("fifo.json"))
        .status()
        .unwrap();
    assert!(st.success(), "mkfifo failed");
    let o = gaoxin(d, &["build", "a.txt", "-o", "fifo.json"]);
    assert_refused(&o, "fifo.json", "is a FIFO, not a regular file");
    assert!(
        std::fs::symlink_metadata(d.join("fifo.json"))
            .unwrap()
            .file_type()
            .is_fifo()
    );

    // A device node: made here when allowed (root), else the machine's /dev/null, which is
    // refused before anything is written.
    let made = Command::new("mknod")
        .args([d.join("null.json").to_str().unwrap(), "c", "1", "3"])
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|s| s.success());
    let device = if made {
        d.join("null.json")
    } else {
        "/dev/null".into()
    };
    let o = gaoxin(d, &["build", "a.txt", "-o", device.to_str().unwrap()]);
    assert_refused(
        &o,
        device.to_str().unwrap(),
        "is a device, not a regular file",
    );
    let meta = std::fs::symlink_metadata(&device).unwrap();
    assert!(meta.file_type().is_char_device(), "the device was replaced");

    std::fs::create_dir(d.join("out")).unwrap();
    for out in ["out", "out/", "new/"] {
        let o = gaoxin(d, &["build", "a.txt", "-o", out]);
        assert_refused(&o, out.trim_end_matches('/'), "folder");
    }
    assert!(!d.join("new").exists());
    no_temp_files(d);
    no_temp_files(&d.join("out"));
}

#[test]
fn the_replaced_file_keeps_its_mode_and_symlinks_keep_pointing_at_it() {
    let dir = setup();
    let d = dir.path();
    std::fs::write(d.join("private.json"), "{}").unwrap();
    std::fs::set_permissions(d.join("private.json"), PermissionsExt::from_mode(0o600)).unwrap();
    let o = gaoxin(d, &["build", "a.txt", "-o", "private.json"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let meta = std::fs::metadata(d.join("private.json")).unwrap();
    assert_eq!(meta.permissions().mode() & 0o777, 0o600);
    gaoxin::dataset::load(&d.join("private.json")).unwrap();

    // A link into another folder: the link stays, its target gets the data, the temp file is
    // made beside the target.
    std::fs::create_dir(d.join("real")).unwrap();
    std::fs::write(d.join("real/data.json"), "old").unwrap();
    std::os::unix::fs::symlink("real/data.json", d.join("current.json")).unwrap();
    let o = gaoxin(d, &["build", "a.txt", "-o", "current.json"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let link = std::fs::symlink_metadata(d.join("current.json")).unwrap();
    assert!(
        link.file_type().is_symlink(),
        "the link was replaced by a file"
    );
    gaoxin::dataset::load(&d.join("real/data.json")).unwrap();
    // A dangling link: the file it names is created.
    std::os::unix::fs::symlink("real/later.json", d.join("later.json")).unwrap();
    let o = gaoxin(d, &["build", "a.txt", "-o", "later.json"]);
    assert!(o.status.success(), "{}", stderr(&o));
    gaoxin::dataset::load(&d.join("real/later.json")).unwrap();
    no_temp_files(d);
    no_temp_files(&d.join("real"));
}

#[test]
fn a_read_only_output_is_refused() {
    let dir = setup();
    let d = dir.path();
    std::fs::write(d.join("ro.json"), "old").unwrap();
    std::fs::set_permissions(d.join("ro.json"), PermissionsExt::from_mode(0o444)).unwrap();
    let o = gaoxin(d, &["build", "a.txt", "-o", "ro.json"]);
    assert_refused(&o, "ro.json", "is read-only");
    assert_eq!(std::fs::read_to_string(d.join("ro.json")).unwrap(), "old");
}

#[test]
fn an_unwritable_folder_is_named() {
    let dir = setup();
    // Nothing can be created under /proc, not even by root.
    let o = gaoxin(
        dir.path(),
        &["build", "a.txt", "-o", "/proc/gaoxin-test/dataset.json"],
    );
    assert_refused(
        &o,
        "/proc/gaoxin-test",
        "cannot write the dataset in this folder",
    );
}
