//! `gaoxin export -o FILE` as a user runs it: CSV that Excel reads as UTF-8, a workbook whose
//! cells hold the figures, JSON, stdout unchanged, and the filters.
#![allow(clippy::unwrap_used, clippy::expect_used)] // tests and benches fail loudly

mod support {
    pub mod cli;
    pub mod csv;
}
use support::cli::{gaoxin, run_ok};
use support::csv::parse_csv;

use std::path::Path;

use calamine::{Data, Reader, Xlsx, open_workbook};
use gaoxin::dataset::{self, RegionKind};
use gaoxin::query::{EXPORT_COLUMNS, Index};

fn ix() -> Index {
    Index::new(dataset::bundled().unwrap())
}

fn export_to(dir: &Path, name: &str, filters: &[&str]) -> std::path::PathBuf {
    let path = dir.join(name);
    let mut args = vec!["export", "-o", path.to_str().unwrap()];
    args.extend_from_slice(filters);
    let out = run_ok(&args);
    assert!(
        out.stdout.is_empty(),
        "a file export prints nothing to stdout"
    );
    let said = String::from_utf8_lossy(&out.stderr);
    assert!(said.contains(path.to_str().unwrap()), "{said}");
    path
}

#[test]
fn csv_file_starts_with_a_bom_and_has_one_row_per_figure() {
    let dir = tempfile::tempdir().unwrap();
    let path = export_to(dir.path(), "x.csv", &[]);
    let bytes = std::fs::read(&path).unwrap();
    assert_eq!(&bytes[..3], &[0xEF, 0xBB, 0xBF]);
    let rows = parse_csv(std::str::from_utf8(&bytes[3..]).unwrap());
    assert_eq!(rows[0], EXPORT_COLUMNS);
    let ix = ix();
    assert_eq!(rows.len() - 1, ix.data.figures.len());
    let value = EXPORT_COLUMNS.iter().position(|c| *c == "value").unwrap();
    for (row, f) in rows[1..].iter().zip(&ix.data.figures) {
        assert_eq!(row[0], f.id);
        assert_eq!(row[value].parse::<f64>().unwrap(), f.value);
    }
    // stdout keeps its format: the same rows, no byte order mark.
    let stdout = run_ok(&["export"]).stdout;
    assert_ne!(&stdout[..3], &[0xEF, 0xBB, 0xBF]);
    assert_eq!(stdout, &bytes[3..]);
}

#[test]
fn xlsx_cells_hold_the_figures_and_columns_fit_cjk_text() {
    let dir = tempfile::tempdir().unwrap();
    let path = export_to(dir.path(), "x.xlsx", &[]);
    let mut book: Xlsx<_> = open_workbook(&path).unwrap();
    let sheet = book.worksheet_range_at(0).unwrap().unwrap();
    let ix = ix();
    assert_eq!(sheet.height(), ix.data.figures.len() + 1);
    let header: Vec<String> = sheet
        .rows()
        .next()
        .unwrap()
        .iter()
        .map(|c| c.to_string())
        .collect();
    assert_eq!(header, EXPORT_COLUMNS);
    let col = |name: &str| EXPORT_COLUMNS.iter().position(|c| *c == name).unwrap();
    for (row, f) in sheet.rows().skip(1).zip(&ix.data.figures) {
        assert_eq!(row[0], Data::String(f.id.clone()));
        assert_eq!(row[col("value")], Data::Float(f.value), "{}", f.id);
        match f.year {
            Some(y) => assert_eq!(row[col("year")], Data::Float(f64::from(y))),
            None => assert_eq!(row[col("year")], Data::Empty),
        }
        let region = f
            .region
            .as_deref()
            .and_then(|r| ix.region_by_id(r))
            .map(|r| ix.region(r).unwrap().name.clone());
        if let Some(name) = region {
            assert_eq!(row[col("region")], Data::String(name));
        }
    }
    // Widths come from display width: the region column fits its widest Chinese name.
    let xml = unzip_sheet(&path);
    let widest = ix
        .data
        .figures
        .iter()
        .filter_map(|f| f.region.as_deref().and_then(|r| ix.region_by_id(r)))
        .map(|r| gaoxin::text::width(&ix.region(r).unwrap().name))
        .max()
        .unwrap();
    let n = col("region") + 1;
    let tag = format!("<col min=\"{n}\" max=\"{n}\" width=\"");
    let at = xml
        .find(&tag)
        .unwrap_or_else(|| panic!("no width for column {n}: {xml:.400}"));
    let width: f64 = xml[at + tag.len()..]
        .split('"')
        .next()
        .unwrap()
        .parse()
        .unwrap();
    assert!(width >= widest as f64 + 2.0, "{width} < {widest} + 2");
}

/// The first worksheet's XML out of a workbook.
fn unzip_sheet(path: &Path) -> String {
    let mut zip = zip::ZipArchive::new(std::fs::File::open(path).unwrap()).unwrap();
    let mut xml = String::new();
    std::io::Read::read_to_string(
        &mut zip.by_name("xl/worksheets/sheet1.xml").unwrap(),
        &mut xml,
    )
    .unwrap();
    xml
}

#[test]
fn json_file_and_filters() {
    let dir = tempfile::tempdir().unwrap();
    let ix = ix();
    let read = |p: &Path| -> Vec<serde_json::Value> {
        serde_json::from_slice(&std::fs::read(p).unwrap()).unwrap()
    };
    let all = read(&export_to(dir.path(), "all.json", &[]));
    assert_eq!(all.len(), ix.data.figures.len());

    // --region takes the region and everything inside it.
    let sichuan = read(&export_to(dir.path(), "sc.json", &["--region", "四川"]));
    assert!(!sichuan.is_empty());
    assert!(
        sichuan.iter().all(|r| r["province"] == "四川省"),
        "{sichuan:?}"
    );
    let expect = all.iter().filter(|r| r["province"] == "四川省").count();
    assert_eq!(sichuan.len(), expect);

    let hte = read(&export_to(
        dir.path(),
        "hte.json",
        &["--metric", "高新技术企业", "--kind", "park"],
    ));
    assert!(!hte.is_empty());
    assert!(
        hte.iter()
            .all(|r| r["metric"] == "high_tech_enterprises" && r["kind"] == "park")
    );
    let year = read(&export_to(dir.path(), "y.json", &["--year", "2021"]));
    assert!(!year.is_empty() && year.iter().all(|r| r["year"] == 2021));
    let expect = ix
        .data
        .figures
        .iter()
        .filter(|f| f.year == Some(2021))
        .count();
    assert_eq!(year.len(), expect);

    // The same filters on stdout.
    let csv = String::from_utf8(run_ok(&["export", "--kind", "park"]).stdout).unwrap();
    let parks = ix
        .data
        .figures
        .iter()
        .filter(|f| {
            f.region
                .as_deref()
                .and_then(|r| ix.region_by_id(r))
                .is_some_and(|r| ix.region(r).unwrap().kind == RegionKind::Park)
        })
        .count();
    assert_eq!(parks + 1, parse_csv(&csv).len());
}

#[test]
fn bad_names_and_types_fail_without_writing() {
    let dir = tempfile::tempdir().unwrap();
    let bad = dir.path().join("x.txt");
    let out = gaoxin(&["export", "-o", bad.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains(".csv, .xlsx or .json"), "{err}");
    let out = gaoxin(&[
        "export",
        "-o",
        dir.path().join("x.csv").to_str().unwrap(),
        "--region",
        "nowhereville",
    ]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("no region matches"));
    assert_eq!(
        std::fs::read_dir(dir.path()).unwrap().count(),
        0,
        "nothing written"
    );
    let out = gaoxin(&["export", "-o", "x.csv", "--format", "json"]);
    assert_eq!(out.status.code(), Some(2), "-o and --format conflict");
}

#[test]
fn paths_are_read_before_the_app_opens_and_bad_ones_are_named() {
    let out = gaoxin(&["no/such/folder"]);
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("no/such/folder"), "{err}");
    // Read and built in memory, then refused only for want of a terminal.
    let seeds = concat!(env!("CARGO_MANIFEST_DIR"), "/seeds");
    let out = gaoxin(&[seeds]);
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("reading 5 files"), "{err}");
    assert!(
        err.contains("figures") && err.contains("needs a terminal"),
        "{err}"
    );
}

/// The file an export replaces is treated as a build's output is: never the dataset being read,
/// never a read-only file or a special file, a link's target rather than the link, its mode kept.
#[cfg(unix)]
#[test]
fn an_export_never_clobbers_its_dataset_a_read_only_file_or_a_link() {
    use std::os::unix::fs::{PermissionsExt, symlink};
    let dir = tempfile::tempdir().unwrap();
    let p = |n: &str| dir.path().join(n);
    let s = |n: &str| p(n).to_str().unwrap().to_string();
    std::fs::copy(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("data/dataset.json"),
        p("d.json"),
    )
    .unwrap();
    let before = std::fs::read(p("d.json")).unwrap();
    let refused = gaoxin(&["--data", &s("d.json"), "export", "-o", &s("d.json")]);
    assert!(!refused.status.success());
    let msg = String::from_utf8_lossy(&refused.stderr);
    assert!(msg.contains("is the input"), "{msg}");
    assert_eq!(
        std::fs::read(p("d.json")).unwrap(),
        before,
        "dataset intact"
    );

    std::fs::write(p("ro.csv"), "old").unwrap();
    std::fs::set_permissions(p("ro.csv"), std::fs::Permissions::from_mode(0o444)).unwrap();
    let refused = gaoxin(&["export", "-o", &s("ro.csv")]);
    assert!(!refused.status.success());
    assert!(String::from_utf8_lossy(&refused.stderr).contains("read-only"));
    assert_eq!(std::fs::read_to_string(p("ro.csv")).unwrap(), "old");

    std::fs::write(p("private.csv"), "old").unwrap();
    std::fs::set_permissions(p("private.csv"), std::fs::Permissions::from_mode(0o600)).unwrap();
    run_ok(&["export", "-o", &s("private.csv")]);
    let mode = std::fs::metadata(p("private.csv"))
        .unwrap()
        .permissions()
        .mode();
    assert_eq!(mode & 0o777, 0o600, "mode kept");

    std::fs::write(p("target.csv"), "old").unwrap();
    symlink(p("target.csv"), p("link.csv")).unwrap();
    run_ok(&["export", "-o", &s("link.csv")]);
    assert!(
        std::fs::symlink_metadata(p("link.csv"))
            .unwrap()
            .file_type()
            .is_symlink()
    );
    assert!(
        std::fs::read_to_string(p("target.csv"))
            .unwrap()
            .contains("region")
    );

    let refused = gaoxin(&["export", "-o", dir.path().to_str().unwrap()]);
    assert!(!refused.status.success(), "a folder is no output");
}
