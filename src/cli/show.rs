//! `gaoxin show REGION`: who the region is, every figure with its article, how metrics moved
//! over the years, and where sources disagree.

use super::report::{Report, Table};
use crate::query::{self, EXPORT_COLUMNS, Index, Lang, Scale, format, i18n};

/// The report on one region.
pub fn show(ix: &Index, r: usize, lang: Lang) -> Report {
    let Some(region) = ix.region(r) else {
        return Report::default();
    };
    let figs = &ix.region_figs[r];
    let counts = match lang {
        Lang::Zh => format!("{} 项数据 · {} 篇文章", figs.len(), ix.region_articles[r]),
        Lang::En => format!(
            "{} · {}",
            i18n::count_en(figs.len(), "figure"),
            i18n::count_en(ix.region_articles[r], "article")
        ),
    };
    let head = vec![
        format!(
            "{}  {}  {counts}",
            region.name,
            i18n::kind(region.kind, lang)
        ),
        ix.chain(r).join(" › "),
    ];
    let mut table = Table::new(&[
        lang.pick("指标", "metric"),
        lang.pick("标签", "label"),
        lang.pick("范围", "scope"),
        lang.pick(">数值", ">value"),
        lang.pick("年份", "year"),
        lang.pick("标注", "flags"),
        lang.pick("文章", "article"),
    ]);
    // Rows for this region's figures only: a region is a small part of a large dataset.
    let mut records = Vec::new();
    for &f in figs {
        let (Some(fig), Some(row)) = (ix.figure(f), query::export_row(ix, f)) else {
            continue;
        };
        let mut flags = format::modality(fig.modality, lang).to_string();
        if row.conflict {
            flags = format!("{flags} ≠").trim().to_string();
        }
        table.rows.push(vec![
            ix.figure_measure_name(fig, lang),
            fig.label.clone(),
            fig.scope.clone().unwrap_or_else(|| "-".into()),
            format::figure_value_in(fig, lang),
            format::year(fig.year),
            flags,
            format!("《{}》", row.article_title),
        ]);
        records.push(row.record());
    }
    let mut notes = Vec::new();
    for t in query::trends(ix, r) {
        let scale = Scale::for_values(t.points.iter().map(|p| p.value), &t.unit).in_lang(lang);
        let points: Vec<String> = t
            .points
            .iter()
            .map(|p| {
                let m = format::modality(p.modality, lang);
                let tail = if m.is_empty() {
                    String::new()
                } else {
                    format!(" {m}")
                };
                format!("{} {}{tail}", p.year, scale.number(p.value))
            })
            .collect();
        notes.push(format!(
            "{} {} ({}): {}",
            lang.pick("趋势", "trend"),
            ix.metric_name(&t.metric, lang),
            scale.suffix(),
            points.join(" → ")
        ));
    }
    for c in ix.region_conflicts(r) {
        let values: Vec<String> = c
            .figures
            .iter()
            .filter_map(|&f| {
                let fig = ix.figure(f)?;
                let title = ix
                    .figure_article
                    .get(f)
                    .copied()
                    .flatten()
                    .and_then(|a| ix.article(a))
                    .map_or("", |a| a.title.as_str());
                Some(format!(
                    "{} 《{}》",
                    format::figure_value_in(fig, lang),
                    title
                ))
            })
            .collect();
        let what = match c.measure {
            crate::dataset::Measure::Level => ix.metric_name(&c.metric, lang),
            m => format!(
                "{} · {}",
                ix.metric_name(&c.metric, lang),
                i18n::measure(m, lang)
            ),
        };
        notes.push(format!(
            "≠ {what} {}: {}",
            format::year(c.year),
            values.join(lang.pick("；", "; "))
        ));
    }
    if figs.is_empty() {
        notes.push(
            lang.pick("（该地区没有数据）", "(no figures for this region)")
                .into(),
        );
    }
    Report {
        head,
        table,
        notes,
        columns: EXPORT_COLUMNS.to_vec(),
        records,
    }
}
