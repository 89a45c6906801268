//! Each query command's answer as a [`Report`]: the table people read and the records
//! scripts read, built from the shared query layer.

use serde_json::Value;

use super::config::Request;
use super::report::{Report, Table};
use super::show;
use crate::dataset::RegionKind;
use crate::query::{self, EXPORT_COLUMNS, Index, Lang, format, i18n};

/// Answers a resolved request.
pub fn answer(ix: &Index, request: &Request, lang: Lang) -> Report {
    match request {
        Request::Regions { kind, province } => regions(ix, *kind, *province, lang),
        Request::Show { region } => show::show(ix, *region, lang),
        Request::Compare { regions, metrics } => compare(ix, regions, metrics.as_deref(), lang),
        Request::Rank {
            metric,
            kind,
            year,
            measure,
        } => {
            let measure = measure.unwrap_or_else(|| ix.primary_measure(metric));
            rank(ix, metric, measure, *kind, *year, lang)
        }
        Request::Metrics => metrics(ix, lang),
        Request::Export(filter) => export(ix, filter, lang),
    }
}

/// A number as JSON, `null` when not finite.
pub fn num(v: f64) -> Value {
    serde_json::Number::from_f64(v).map_or(Value::Null, Value::Number)
}

/// An optional year as JSON.
pub fn year(y: Option<i32>) -> Value {
    y.map_or(Value::Null, Value::from)
}

fn name_of(ix: &Index, r: Option<usize>) -> String {
    r.and_then(|r| ix.region(r))
        .map_or(String::new(), |x| x.name.clone())
}

fn regions(ix: &Index, kind: Option<RegionKind>, province: Option<usize>, lang: Lang) -> Report {
    let mut table = Table::new(&[
        lang.pick("地区", "region"),
        lang.pick("类型", "kind"),
        lang.pick("省份", "province"),
        lang.pick("城市", "city"),
        lang.pick(">数据", ">figures"),
    ]);
    let mut records = Vec::new();
    for (r, region) in ix.data.regions.iter().enumerate() {
        let prov = ix.ancestor(r, RegionKind::Province);
        if kind.is_some_and(|k| k != region.kind) || province.is_some_and(|p| prov != Some(p)) {
            continue;
        }
        let city = ix.ancestor(r, RegionKind::City);
        let figures = ix.region_figs[r].len();
        table.rows.push(vec![
            region.name.clone(),
            i18n::kind(region.kind, lang).to_string(),
            name_of(ix, prov),
            name_of(ix, city),
            figures.to_string(),
        ]);
        records.push(vec![
            region.id.clone().into(),
            region.name.clone().into(),
            region.kind.as_str().into(),
            name_of(ix, prov).into(),
            name_of(ix, city).into(),
            region.parent.clone().map_or(Value::Null, Value::from),
            figures.into(),
            region.lon.map_or(Value::Null, num),
            region.lat.map_or(Value::Null, num),
        ]);
    }
    Report {
        table,
        columns: vec![
            "id", "name", "kind", "province", "city", "parent", "figures", "lon", "lat",
        ],
        records,
        ..Report::default()
    }
}

/// The legend of the markers compare (`best`) and rank tables use.
fn legend(lang: Lang, best: bool) -> String {
    let marks = lang.pick(
        "目标/预计 = 目标值/预测值　≠ 不同来源数值不一致",
        "target/fcst = a target/forecast   ≠ sources disagree",
    );
    if best {
        format!("{}{marks}", lang.pick("* 该行最佳　", "* best in row   "))
    } else {
        marks.to_string()
    }
}

fn compare(ix: &Index, regions: &[usize], metrics: Option<&[String]>, lang: Lang) -> Report {
    let Ok(c) = query::compare(ix, regions, metrics) else {
        return Report::default();
    };
    let mut headers: Vec<String> = vec![
        lang.pick("指标", "metric").into(),
        lang.pick("单位", "unit").into(),
    ];
    headers.extend(
        regions
            .iter()
            .map(|&r| format!(">{}", name_of(ix, Some(r)))),
    );
    let titles: Vec<&str> = headers.iter().map(String::as_str).collect();
    let mut table = Table::new(&titles);
    let mut records = Vec::new();
    for row in &c.rows {
        let mut cells = vec![
            ix.series_name(&row.metric, row.measure, lang),
            row.scale.in_lang(lang).suffix(),
        ];
        for (i, &r) in regions.iter().enumerate() {
            let text = row.cell_text(i, lang);
            let best = row.best == Some(i);
            cells.push(match text {
                Some(t) if best => format!("{t} *"),
                Some(t) => t,
                None => "—".into(),
            });
            let cell = row.cells.get(i).and_then(Option::as_ref);
            let fig = cell.and_then(|c| ix.figure(c.figure));
            records.push(vec![
                row.metric.clone().into(),
                ix.metric_name(&row.metric, Lang::Zh).into(),
                row.measure.as_str().into(),
                name_of(ix, Some(r)).into(),
                cell.map_or(Value::Null, |c| num(c.value)),
                cell.map_or(Value::Null, |c| c.unit.clone().into()),
                year(cell.and_then(|c| c.year)),
                fig.map_or(Value::Null, |f| {
                    serde_json::to_value(f.modality).unwrap_or_default()
                }),
                fig.map_or(Value::Null, |f| {
                    serde_json::to_value(f.qualifier).unwrap_or_default()
                }),
                best.into(),
                cell.is_some_and(|c| c.conflict).into(),
                fig.map_or(Value::Null, |f| f.id.clone().into()),
            ]);
        }
        table.rows.push(cells);
    }
    for col in 2..2 + regions.len() {
        table.align_decimals(col);
    }
    let notes = if c.rows.is_empty() {
        vec![
            lang.pick(
                "（这些地区没有共同的指标数据）",
                "(no metric figures for these regions)",
            )
            .into(),
        ]
    } else {
        vec![legend(lang, true)]
    };
    Report {
        table,
        notes,
        columns: vec![
            "metric",
            "metric_zh",
            "measure",
            "region",
            "value",
            "unit",
            "year",
            "modality",
            "qualifier",
            "best",
            "conflict",
            "figure",
        ],
        records,
        ..Report::default()
    }
}

fn rank(
    ix: &Index,
    metric: &str,
    measure: crate::dataset::Measure,
    kind: query::KindFilter,
    year_filter: Option<i32>,
    lang: Lang,
) -> Report {
    let r = query::rank_by(ix, metric, measure, kind, year_filter);
    let scale = r.scale.in_lang(lang);
    let value_title = format!(">{} ({})", lang.pick("数值", "value"), scale.suffix());
    let mut table = Table::new(&[
        ">#",
        lang.pick("地区", "region"),
        lang.pick("类型", "kind"),
        &value_title,
        lang.pick("年份", "year"),
        lang.pick("说明", "note"),
    ]);
    let mut records = Vec::new();
    for (n, e) in r.entries.iter().enumerate() {
        let Some(f) = ix.figure(e.pick.figure) else {
            continue;
        };
        let region = ix.region(e.region);
        let kind_of = region.map(|x| x.kind).unwrap_or(RegionKind::Park);
        let mut value = format!(
            "{}{}",
            format::qualifier(f.qualifier),
            scale.number(e.value)
        );
        if f.unit != r.scale.unit {
            let unit = match lang {
                Lang::Zh => f.unit.as_str(),
                Lang::En => format::unit_en(&f.unit),
            };
            value = format!("{value} {unit}").trim_end().to_string();
        }
        let mut note: Vec<String> = Vec::new();
        let m = format::modality(f.modality, lang);
        if !m.is_empty() {
            note.push(m.to_string());
        }
        if e.conflict {
            note.push("≠".into());
        }
        let why = e.pick.note(ix);
        note.extend(why.clone());
        table.rows.push(vec![
            (n + 1).to_string(),
            name_of(ix, Some(e.region)),
            i18n::kind(kind_of, lang).to_string(),
            value,
            format::year(f.year),
            note.join(" "),
        ]);
        records.push(vec![
            (n + 1).into(),
            name_of(ix, Some(e.region)).into(),
            kind_of.as_str().into(),
            num(e.value),
            f.unit.clone().into(),
            f.measure.as_str().into(),
            year(f.year),
            serde_json::to_value(f.modality).unwrap_or_default(),
            e.pick.of.into(),
            why.map_or(Value::Null, Value::from),
            e.conflict.into(),
            f.id.clone().into(),
        ]);
    }
    table.align_decimals(3);
    let name = ix.series_name(metric, measure, lang);
    let scope = match kind {
        query::KindFilter::All => lang.pick("全部地区", "all regions"),
        query::KindFilter::Parks => lang.pick("园区", "parks"),
        query::KindFilter::Cities => lang.pick("城市", "cities"),
        query::KindFilter::Provinces => lang.pick("省级", "provinces"),
        query::KindFilter::Districts => lang.pick("区县", "districts and counties"),
    };
    let when = year_filter.map_or(String::new(), |y| format!(" · {y}"));
    let mut notes = vec![legend(lang, false)];
    if r.entries.is_empty() {
        notes = vec![
            lang.pick("（没有地区有该指标的数据）", "(no region has this metric)")
                .into(),
        ];
    }
    Report {
        head: vec![format!("{name} ({metric}) · {scope}{when}")],
        table,
        notes,
        columns: vec![
            "rank",
            "region",
            "kind",
            "value",
            "unit",
            "measure",
            "year",
            "modality",
            "candidates",
            "note",
            "conflict",
            "figure",
        ],
        records,
    }
}

fn metrics(ix: &Index, lang: Lang) -> Report {
    let mut table = Table::new(&[
        "id",
        lang.pick("中文", "zh"),
        lang.pick("英文", "en"),
        lang.pick(">数据", ">figures"),
        lang.pick(">地区", ">regions"),
    ]);
    let mut records = Vec::new();
    for m in &ix.data.metrics {
        let figs: Vec<&crate::dataset::Figure> = ix
            .data
            .figures
            .iter()
            .filter(|f| f.metric.as_deref() == Some(m.id.as_str()))
            .collect();
        let mut regions: Vec<&str> = figs.iter().filter_map(|f| f.region.as_deref()).collect();
        regions.sort_unstable();
        regions.dedup();
        table.rows.push(vec![
            m.id.clone(),
            m.zh.clone(),
            m.en.clone(),
            figs.len().to_string(),
            regions.len().to_string(),
        ]);
        records.push(vec![
            m.id.clone().into(),
            m.zh.clone().into(),
            m.en.clone().into(),
            serde_json::to_value(m.dimension).unwrap_or_default(),
            figs.len().into(),
            regions.len().into(),
        ]);
    }
    Report {
        table,
        columns: vec!["id", "zh", "en", "dimension", "figures", "regions"],
        records,
        ..Report::default()
    }
}

/// The records of `export`, one per figure `filter` admits, made as they are taken.
pub fn export_records<'a>(
    ix: &'a Index,
    filter: &'a query::ExportFilter,
) -> impl Iterator<Item = Vec<Value>> + 'a {
    (0..ix.data.figures.len())
        .filter(|&i| filter.admits(ix, i))
        .filter_map(|i| query::export_row(ix, i))
        .map(|r| r.record())
}

fn export(ix: &Index, filter: &query::ExportFilter, lang: Lang) -> Report {
    let rows = query::export_rows_where(ix, filter);
    let mut table = Table::new(&[
        lang.pick("地区", "region"),
        lang.pick("指标", "metric"),
        lang.pick(">数值", ">value"),
        lang.pick("年份", "year"),
        lang.pick("原句", "sentence"),
    ]);
    let mut records = Vec::new();
    for r in &rows {
        let i = r.figure;
        let label = match r.metric.as_str() {
            "" => r.label.clone(),
            m => ix.metric_name(m, lang),
        };
        let value = ix
            .figure(i)
            .map_or(String::new(), |f| format::figure_value_in(f, lang));
        table.rows.push(vec![
            r.region.clone(),
            label,
            value,
            format::year(r.year),
            r.sentence.clone(),
        ]);
        records.push(r.record());
    }
    Report {
        table,
        columns: EXPORT_COLUMNS.to_vec(),
        records,
        ..Report::default()
    }
}
