//! How numbers, hedges and modalities read to a Chinese reader: `5,200 亿元`, `3.5 万人`, `18.02%`.

use crate::dataset::{Figure, Modality, Qualifier};

use super::i18n::Lang;

/// Formats a figure's value with the magnitude word (万, 亿, 万亿) a Chinese reader expects,
/// followed by the unit: `5,200 亿元`, `3.5 万人`, `18.02%`, `278 家`.
pub fn value(value: f64, unit: &str) -> String {
    if !value.is_finite() {
        return format!("? {unit}").trim_end().to_string();
    }
    match unit {
        "%" => format!("{}%", number(value)),
        // Fractions (三分之一) read best as a percentage.
        "ratio" => format!("{}%", number(value * 100.0)),
        _ => {
            let abs = value.abs();
            let (scaled, magnitude) = if abs >= 1e12 {
                (value / 1e12, "万亿")
            } else if abs >= 1e8 {
                (value / 1e8, "亿")
            } else if abs >= 1e4 {
                (value / 1e4, "万")
            } else {
                (value, "")
            };
            let tail = format!("{magnitude}{unit}");
            if tail.is_empty() {
                number(scaled)
            } else {
                format!("{} {tail}", number(scaled))
            }
        }
    }
}

/// A number with thousands separators and at most two decimals, trailing zeros dropped.
pub fn number(v: f64) -> String {
    let rounded = (v * 100.0).round() / 100.0;
    let negative = rounded < 0.0;
    let text = format!("{:.2}", rounded.abs());
    let (int, frac) = text.split_once('.').unwrap_or((&text, ""));
    let frac = frac.trim_end_matches('0');
    let mut grouped = String::new();
    let digits: Vec<char> = int.chars().collect();
    for (i, d) in digits.iter().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            grouped.push(',');
        }
        grouped.push(*d);
    }
    let sign = if negative { "-" } else { "" };
    if frac.is_empty() {
        format!("{sign}{grouped}")
    } else {
        format!("{sign}{grouped}.{frac}")
    }
}

/// The one-character symbol for a hedge; empty for exact figures.
pub fn qualifier(q: Qualifier) -> &'static str {
    match q {
        Qualifier::Exact => "",
        Qualifier::Over => "≥",
        Qualifier::About => "≈",
        Qualifier::Nearly => "~",
        Qualifier::Under => "<",
        Qualifier::UpTo => "≤",
    }
}

/// The word a hedge symbol stands for, for legends.
pub fn qualifier_name(q: Qualifier, lang: Lang) -> &'static str {
    match (q, lang) {
        (Qualifier::Exact, Lang::Zh) => "确数",
        (Qualifier::Exact, Lang::En) => "exact",
        (Qualifier::Over, Lang::Zh) => "超过",
        (Qualifier::Over, Lang::En) => "over",
        (Qualifier::About, Lang::Zh) => "约",
        (Qualifier::About, Lang::En) => "about",
        (Qualifier::Nearly, Lang::Zh) => "接近",
        (Qualifier::Nearly, Lang::En) => "nearly",
        (Qualifier::Under, Lang::Zh) => "不足",
        (Qualifier::Under, Lang::En) => "under",
        (Qualifier::UpTo, Lang::Zh) => "最多",
        (Qualifier::UpTo, Lang::En) => "up to",
    }
}

/// The marker shown for targets and forecasts; empty for achieved figures.
pub fn modality(m: Modality, lang: Lang) -> &'static str {
    match (m, lang) {
        (Modality::Actual, _) => "",
        (Modality::Target, Lang::Zh) => "目标",
        (Modality::Target, Lang::En) => "target",
        (Modality::Forecast, Lang::Zh) => "预计",
        (Modality::Forecast, Lang::En) => "fcst",
    }
}

/// The value column of a figure: hedge symbol then value.
pub fn figure_value(f: &Figure) -> String {
    let q = qualifier(f.qualifier);
    let v = value(f.value, &f.unit);
    if q.is_empty() { v } else { format!("{q}{v}") }
}

/// A year, or a dash when unknown.
pub fn year(y: Option<i32>) -> String {
    y.map_or_else(|| "-".to_string(), |y| y.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn magnitudes_follow_chinese_reading() {
        assert_eq!(value(5.2e11, "元"), "5,200 亿元");
        assert_eq!(value(35_000.0, "人"), "3.5 万人");
        assert_eq!(value(18.02, "%"), "18.02%");
        assert_eq!(value(278.0, "家"), "278 家");
        assert_eq!(value(2.20747e12, "元"), "2.21 万亿元");
        assert_eq!(value(1.3e4, ""), "1.3 万");
        assert_eq!(value(12.0, ""), "12");
        assert_eq!(value(0.25, "ratio"), "25%");
        assert_eq!(value(f64::NAN, "元"), "? 元");
    }

    #[test]
    fn numbers_group_and_trim() {
        assert_eq!(number(1234567.0), "1,234,567");
        assert_eq!(number(-1234.5), "-1,234.5");
        assert_eq!(number(0.004), "0");
        assert_eq!(number(999.999), "1,000");
    }

    #[test]
    fn symbols() {
        assert_eq!(qualifier(Qualifier::Over), "≥");
        assert_eq!(qualifier(Qualifier::Exact), "");
        assert_eq!(modality(Modality::Target, Lang::Zh), "目标");
        assert_eq!(modality(Modality::Actual, Lang::En), "");
    }
}
