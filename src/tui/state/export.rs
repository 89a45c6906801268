//! `e`: what is on screen to a spreadsheet file in the current folder, and a notice saying
//! where it went.

use std::path::{Path, PathBuf};

use serde_json::Value;

use super::App;
use crate::export::Sheet;
use crate::query::{EXPORT_COLUMNS, Index, Lang, export_row};
use crate::tui::screens::{CompareView, RankView, View};

impl App {
    /// Writes what is on screen to a new `.xlsx` file in `dir` and says where, or why not.
    pub fn export_to(&mut self, dir: &Path) {
        let Some((name, sheet)) = self.screen_sheet() else {
            let msg = self
                .lang
                .pick("这里没有可导出的内容", "nothing here to export");
            self.notice = Some(msg.into());
            return;
        };
        let path = free_path(dir, &name, "xlsx");
        let msg = match sheet.write(&path) {
            Ok(_) => match self.lang {
                Lang::Zh => format!("已导出 {} 行到 {}", sheet.rows.len(), path.display()),
                Lang::En => format!(
                    "exported {} to {}",
                    crate::query::i18n::count_en(sheet.rows.len(), "row"),
                    path.display()
                ),
            },
            Err(e) => format!("{}: {e}", self.lang.pick("导出失败", "export failed")),
        };
        self.notice = Some(msg);
    }

    /// A name for the file and the sheet of what the current screen shows.
    fn screen_sheet(&self) -> Option<(String, Sheet)> {
        match self.views.last() {
            Some(View::Compare(v)) => Some(compare_sheet(&self.ix, v, self.lang)),
            Some(View::Rank(v)) => Some(rank_sheet(&self.ix, v)),
            Some(View::Table(t)) => {
                let mut sheet = Sheet::new(EXPORT_COLUMNS);
                sheet.rows = t
                    .rows
                    .iter()
                    .filter_map(|&f| Some(export_row(&self.ix, f)?.record()))
                    .collect();
                Some(("figures".into(), sheet))
            }
            Some(_) => None,
            None => {
                let r = self.region()?;
                let mut sheet = Sheet::new(EXPORT_COLUMNS);
                sheet.rows = self
                    .figs
                    .iter()
                    .filter_map(|&f| Some(export_row(&self.ix, f)?.record()))
                    .collect();
                Some((self.ix.region(r)?.name.clone(), sheet))
            }
        }
    }
}

/// One row per metric, one column of values (in the base unit) per region.
fn compare_sheet(ix: &Index, v: &CompareView, lang: Lang) -> (String, Sheet) {
    let names: Vec<String> = v
        .cmp
        .regions
        .iter()
        .map(|&r| ix.region(r).map_or(String::new(), |x| x.name.clone()))
        .collect();
    let mut columns = vec![
        lang.pick("指标", "metric").to_string(),
        "metric_id".into(),
        lang.pick("单位", "unit").to_string(),
    ];
    columns.extend(names.iter().cloned());
    let rows = v
        .cmp
        .rows
        .iter()
        .map(|row| {
            let mut cells: Vec<Value> = vec![
                ix.series_name(&row.metric, row.measure, lang).into(),
                row.metric.clone().into(),
                row.scale.unit.clone().into(),
            ];
            cells.extend(row.cells.iter().map(|c| {
                c.as_ref()
                    .and_then(|c| serde_json::Number::from_f64(c.value))
                    .map_or(Value::Null, Value::Number)
            }));
            cells
        })
        .collect();
    let name = format!("compare-{}", names.join("-"));
    (name, Sheet { columns, rows })
}

/// The ranking as shown: place, region, kind, value, unit, year, modality, conflict.
fn rank_sheet(ix: &Index, v: &RankView) -> (String, Sheet) {
    let r = &v.ranking;
    let mut sheet = Sheet::new(&[
        "rank", "region", "kind", "metric", "measure", "value", "unit", "year", "modality",
        "conflict", "figure",
    ]);
    for (n, e) in r.entries.iter().enumerate() {
        let Some(f) = ix.figure(e.pick.figure) else {
            continue;
        };
        let kind = ix.region(e.region).map_or("", |x| x.kind.as_str());
        sheet.rows.push(vec![
            (n + 1).into(),
            ix.region(e.region)
                .map_or(String::new(), |x| x.name.clone())
                .into(),
            kind.into(),
            r.metric.clone().into(),
            r.measure.as_str().into(),
            serde_json::Number::from_f64(e.value).map_or(Value::Null, Value::Number),
            f.unit.clone().into(),
            f.year.map_or(Value::Null, Value::from),
            serde_json::to_value(f.modality).unwrap_or_default(),
            e.conflict.into(),
            f.id.clone().into(),
        ]);
    }
    (format!("rank-{}-{}", r.metric, r.measure.as_str()), sheet)
}

/// `dir/gaoxin-<name>.<ext>`, or with `-2`, `-3`, … when that exists: an export never
/// overwrites a file. Characters a file name should not hold become `_`.
fn free_path(dir: &Path, name: &str, ext: &str) -> PathBuf {
    let clean: String = name
        .chars()
        .map(|c| {
            if c.is_alphanumeric() || c == '-' || c == '_' {
                c
            } else {
                '_'
            }
        })
        .take(60)
        .collect();
    let mut path = dir.join(format!("gaoxin-{clean}.{ext}"));
    let mut n = 2;
    while path.exists() {
        path = dir.join(format!("gaoxin-{clean}-{n}.{ext}"));
        n += 1;
    }
    path
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn file_names_are_clean_and_never_reused() {
        let dir = tempfile::tempdir().unwrap();
        let p = free_path(dir.path(), "a/b\u{1b}[31m成都", "xlsx");
        assert_eq!(p.file_name().unwrap(), "gaoxin-a_b__31m成都.xlsx");
        std::fs::write(&p, "x").unwrap();
        let q = free_path(dir.path(), "a/b\u{1b}[31m成都", "xlsx");
        assert_eq!(q.file_name().unwrap(), "gaoxin-a_b__31m成都-2.xlsx");
    }
}
