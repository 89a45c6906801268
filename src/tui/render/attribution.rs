//! What gaoxin read into a figure, in one line for the reader's header: the region, the
//! metric (or the article's label), hedge and value, the year and whether it is a target.

use crate::query::{Index, Lang, format};

/// `成都市 › 高新技术企业 · 新增 [范围：国家级] · ≥1.3 万家 · 2023 · 目标`, for figure `f`:
/// region, metric and measure (the level is not named), scope when the figure covers a part
/// of the region, value, hedge, year, modality, and whether sources disagree.
pub fn line(ix: &Index, f: usize, lang: Lang) -> String {
    let Some(fig) = ix.figure(f) else {
        return String::new();
    };
    let region = ix
        .figure_region(fig)
        .and_then(|r| ix.region(r))
        .map_or_else(
            || lang.pick("（无地区）", "(no region)").to_string(),
            |r| r.name.clone(),
        );
    let mut what = match fig.metric.as_deref() {
        Some(m) => ix.series_name(m, fig.measure, lang),
        None => format!("“{}” {}", fig.label, lang.pick("（无指标）", "(no metric)")),
    };
    if let Some(scope) = &fig.scope {
        what.push_str(&format!(" [{}{scope}]", lang.pick("范围：", "scope: ")));
    }
    let mut parts = vec![
        format!("{region} › {what}"),
        format::figure_value_in(fig, lang),
    ];
    if fig.qualifier != crate::dataset::Qualifier::Exact {
        parts.push(format::qualifier_name(fig.qualifier, lang).to_string());
    }
    parts.push(match fig.year {
        Some(y) => y.to_string(),
        None => lang.pick("年份不明", "year unknown").to_string(),
    });
    let m = format::modality(fig.modality, lang);
    if !m.is_empty() {
        parts.push(m.to_string());
    }
    if ix.in_conflict(f) {
        parts.push(lang.pick("≠ 来源不一致", "≠ sources disagree").to_string());
    }
    parts.join(" · ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dataset::Modality::{Actual, Target};
    use crate::query::index::tests::{fig, index};

    #[test]
    fn names_region_metric_value_year_and_modality() {
        let mut growth = fig("a", 1, "gdp", 12.0, Some(2023), Actual);
        growth.measure = crate::dataset::Measure::Growth;
        growth.unit = "%".into();
        growth.scope = Some("光电产业".into());
        let ix = index(vec![
            fig("a", 2, "enterprises", 1500.0, Some(2022), Actual),
            fig("a", 0, "gdp", 5.2e11, None, Target),
            growth,
        ]);
        assert_eq!(
            line(&ix, 2, Lang::Zh),
            "乙市 › 地区生产总值 · 增长 [范围：光电产业] · 12% · 2023"
        );
        assert_eq!(line(&ix, 0, Lang::Zh), "甲高新区 › 企业 · 1,500 家 · 2022");
        assert_eq!(
            line(&ix, 1, Lang::En),
            "甲市 › gdp · 520 bn yuan · year unknown · target"
        );
    }
}
