//! How numbers, hedges and modalities read to a Chinese reader: `5,200 亿元`, `3.5 万人`, `18.02%`.

use crate::dataset::{Figure, Modality, Qualifier};

use super::i18n::Lang;

/// Formats a figure's value with the magnitude word (万, 亿, 万亿) a Chinese reader expects,
/// followed by the unit: `5,200 亿元`, `3.5 万人`, `18.02%`, `278 家`.
pub fn value(value: f64, unit: &str) -> String {
    if !value.is_finite() {
        return format!("? {unit}").trim_end().to_string();
    }
    let scale = Scale::for_values([value], unit);
    let n = scale.number(value);
    let tail = scale.suffix();
    if tail.is_empty() || tail == "%" {
        format!("{n}{tail}")
    } else {
        format!("{n} {tail}")
    }
}

/// One magnitude and unit for a set of values, so that a column or a row of them lines up and
/// compares at a glance: all in 亿元, or all in 万人.
#[derive(Debug, Clone, PartialEq)]
pub struct Scale {
    /// What each value is divided by before printing.
    pub divisor: f64,
    /// The magnitude word: `""`, `万`, `亿`, `万亿`.
    pub magnitude: &'static str,
    /// The unit as shown: the dataset's base unit, `%` for fractions.
    pub unit: String,
}

impl Scale {
    /// The magnitude of the largest finite value, in `unit`; fractions (`ratio`) read as `%`.
    pub fn for_values(values: impl IntoIterator<Item = f64>, unit: &str) -> Scale {
        match unit {
            "%" => return Scale::plain(1.0, "%"),
            "ratio" => return Scale::plain(0.01, "%"),
            _ => {}
        }
        let max = values
            .into_iter()
            .filter(|v| v.is_finite())
            .map(f64::abs)
            .fold(0.0, f64::max);
        let (divisor, magnitude) = if max >= 1e12 {
            (1e12, "万亿")
        } else if max >= 1e8 {
            (1e8, "亿")
        } else if max >= 1e4 {
            (1e4, "万")
        } else {
            (1.0, "")
        };
        Scale {
            divisor,
            magnitude,
            unit: unit.to_string(),
        }
    }

    fn plain(divisor: f64, unit: &str) -> Scale {
        Scale {
            divisor,
            magnitude: "",
            unit: unit.to_string(),
        }
    }

    /// A value in this scale, without the unit: `5,200`. Values below one keep four decimals so
    /// that a small value in a large magnitude (3,680 in 万) still reads `0.368`.
    pub fn number(&self, v: f64) -> String {
        let scaled = v / self.divisor;
        if scaled.abs() < 1.0 && scaled != 0.0 {
            number_with(scaled, 4)
        } else if v.is_finite() {
            number(scaled)
        } else {
            "?".to_string()
        }
    }

    /// The value in this scale, for charts.
    pub fn scaled(&self, v: f64) -> f64 {
        v / self.divisor
    }

    /// Magnitude and unit as a column suffix: `亿元`, `万人`, `%`, `家`.
    pub fn suffix(&self) -> String {
        format!("{}{}", self.magnitude, self.unit)
    }
}

/// The unit most of `units` share; the first seen wins a tie; `""` when there are none.
pub fn common_unit<'a>(units: impl IntoIterator<Item = &'a str>) -> String {
    let mut counts: Vec<(&str, usize)> = Vec::new();
    for u in units {
        match counts.iter_mut().find(|x| x.0 == u) {
            Some(x) => x.1 += 1,
            None => counts.push((u, 1)),
        }
    }
    // `max_by_key` keeps the last of equals: walk backwards so the first seen wins.
    counts
        .iter()
        .rev()
        .max_by_key(|x| x.1)
        .map_or(String::new(), |x| x.0.to_string())
}

/// A number with thousands separators and at most two decimals, trailing zeros dropped.
pub fn number(v: f64) -> String {
    number_with(v, 2)
}

/// A number with thousands separators and at most `decimals` decimals, trailing zeros dropped.
///
/// Past 10^15 a double holds no decimals and its exact expansion is noise (`1e20` would print
/// as `100000000000000000000.00` at best, `…52504760255204420248704…` at worst): such values show
/// their shortest exact digits padded with zeros, and past 10^21 in scientific notation.
pub fn number_with(v: f64, decimals: usize) -> String {
    if !v.is_finite() {
        return "?".to_string();
    }
    if v.abs() >= 1e21 {
        return format!("{v:e}");
    }
    let p = 10f64.powi(i32::try_from(decimals).unwrap_or(2));
    let rounded = if v.abs() >= 1e15 {
        v.round()
    } else {
        (v * p).round() / p
    };
    let negative = rounded < 0.0;
    let text = if rounded.abs() >= 1e15 {
        // Display prints the shortest digits that read back as this value, then zeros.
        format!("{}", rounded.abs())
    } else {
        format!("{:.*}", decimals, rounded.abs())
    };
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
    fn a_scale_follows_the_largest_value() {
        let s = Scale::for_values([5.2e11, 3.0e9, f64::NAN], "元");
        assert_eq!(s.suffix(), "亿元");
        assert_eq!(s.number(3.0e9), "30");
        assert_eq!(s.number(5.2e11), "5,200");
        let p = Scale::for_values([0.25], "ratio");
        assert_eq!(
            (p.suffix(), p.number(0.25)),
            ("%".to_string(), "25".to_string())
        );
        assert_eq!(Scale::for_values([], "家").suffix(), "家");
        assert_eq!(common_unit(["个", "家", "家", "个"]), "个");
        assert_eq!(common_unit([]), "");
        assert_eq!(Scale::for_values([1.5e4], "家").number(3680.0), "0.368");
        assert_eq!(Scale::for_values([1.5e4], "家").number(0.0), "0");
    }

    #[test]
    fn numbers_group_and_trim() {
        assert_eq!(number(1234567.0), "1,234,567");
        assert_eq!(number(-1234.5), "-1,234.5");
        assert_eq!(number(0.004), "0");
        assert_eq!(number(999.999), "1,000");
    }

    #[test]
    fn huge_values_have_no_float_noise() {
        assert_eq!(number(1e15), "1,000,000,000,000,000");
        assert_eq!(number(1.2345678901234568e18), "1,234,567,890,123,456,800");
        assert_eq!(number(-3e20), "-300,000,000,000,000,000,000");
        assert_eq!(number(1e300), "1e300");
        assert_eq!(value(1e300, "元"), "1e288 万亿元");
        assert_eq!(value(9.99e22, "元"), "99,900,000,000 万亿元");
        assert_eq!(value(-69.1, "%"), "-69.1%");
    }

    #[test]
    fn symbols() {
        assert_eq!(qualifier(Qualifier::Over), "≥");
        assert_eq!(qualifier(Qualifier::Exact), "");
        assert_eq!(modality(Modality::Target, Lang::Zh), "目标");
        assert_eq!(modality(Modality::Actual, Lang::En), "");
    }
}
