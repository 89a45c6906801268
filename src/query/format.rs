//! How numbers, hedges and modalities read to a Chinese reader: `5,200 亿元`, `3.5 万人`, `18.02%`.

use crate::dataset::{Figure, Modality, Qualifier};

use super::i18n::Lang;

/// Formats a figure's value with the magnitude word (万, 亿, 万亿) a Chinese reader expects,
/// followed by the unit: `5,200 亿元`, `3.5 万人`, `18.02%`, `278 家`.
pub fn value(value: f64, unit: &str) -> String {
    value_in(value, unit, Lang::Zh)
}

/// Like [`value`], in `lang`: English magnitudes and units read `520 bn yuan`, `35,000
/// people`, `rank 4`.
pub fn value_in(value: f64, unit: &str, lang: Lang) -> String {
    if !value.is_finite() {
        let u = Scale::for_values([], unit).in_lang(lang).suffix();
        return format!("? {u}").trim_end().to_string();
    }
    let scale = Scale::for_values([value], unit).in_lang(lang);
    scale.with_unit(&scale.number(value))
}

/// Magnitude words a language writes numbers with, smallest first.
fn magnitudes(lang: Lang) -> &'static [(f64, &'static str)] {
    match lang {
        Lang::Zh => &[(1.0, ""), (1e4, "万"), (1e8, "亿"), (1e12, "万亿")],
        Lang::En => &[(1.0, ""), (1e6, "mn"), (1e9, "bn"), (1e12, "tn")],
    }
}

/// The unit in English: `yuan`, `people`; count words (家, 个, 项) need none; units without
/// a usual English word stay as written.
pub fn unit_en(unit: &str) -> &str {
    match unit {
        "元" => "yuan",
        "美元" => "USD",
        "人" | "名" | "位" => "people",
        "人次" => "person-times",
        "平方公里" => "km²",
        "平方米" => "m²",
        "公里" => "km",
        "米" => "m",
        "亩" => "mu",
        "倍" => "×",
        "个百分点" => "pp",
        "吨/年" => "t/yr",
        "英寸" => "in",
        "家" | "个" | "项" | "条" | "件" | "场" | "次" | "处" | "份" | "只" | "种" | "株"
        | "期" | "列" | "笔" | "套" | "户" | "片" | "篇" | "批次" | "座" | "所" | "台" | "支"
        | "款" | "位次" => "",
        other => other,
    }
}

/// One magnitude and unit for a set of values, so that a column or a row of them lines up and
/// compares at a glance: all in 亿元, or all in 万人.
#[derive(Debug, Clone, PartialEq)]
pub struct Scale {
    /// What each value is divided by before printing.
    pub divisor: f64,
    /// The magnitude word: `""`, `万`, `亿`, `万亿` (in English `mn`, `bn`, `tn`).
    pub magnitude: &'static str,
    /// The unit as shown: the dataset's base unit, `%` for fractions.
    pub unit: String,
    /// The dataset's unit the scale was made for.
    base: String,
    /// Smallest and largest non-zero magnitude among the values, if any.
    range: Option<(f64, f64)>,
    lang: Lang,
}

impl Scale {
    /// The magnitude a Chinese reader would write these values in, in `unit`; fractions
    /// (`ratio`) read as `%`. The smallest value keeps a whole digit (`93 家` beside `2,443
    /// 家`, never `0.0093 万家`) unless that would give the largest more than six (`5,200 亿元`
    /// beside `0.03 亿元`).
    pub fn for_values(values: impl IntoIterator<Item = f64>, unit: &str) -> Scale {
        let range = values
            .into_iter()
            .filter(|v| v.is_finite() && *v != 0.0)
            .map(f64::abs)
            .fold(None, |r: Option<(f64, f64)>, v| match r {
                None => Some((v, v)),
                Some((lo, hi)) => Some((lo.min(v), hi.max(v))),
            });
        Scale::make(range, unit, Lang::Zh)
    }

    fn make(range: Option<(f64, f64)>, unit: &str, lang: Lang) -> Scale {
        let shown = match (unit, lang) {
            ("ratio", _) => "%".to_string(),
            (u, Lang::En) => unit_en(u).to_string(),
            (u, Lang::Zh) => u.to_string(),
        };
        let plain = |divisor: f64| Scale {
            divisor,
            magnitude: "",
            unit: shown.clone(),
            base: unit.to_string(),
            range,
            lang,
        };
        match unit {
            "%" => return plain(1.0),
            "ratio" => return plain(0.01),
            _ => {}
        }
        let mags = magnitudes(lang);
        let mut k = 0;
        if let Some((lo, hi)) = range {
            k = mags.iter().rposition(|(d, _)| *d <= lo).unwrap_or(0);
            // Plain numbers may run to six digits (`120,000 people`); English magnitudes,
            // a thousand apart, to five (`460 mn` beside `520,000 mn` reads better in bn).
            let limit = |k: usize| if k > 0 && lang == Lang::En { 1e5 } else { 1e6 };
            while k + 1 < mags.len() && hi / mags[k].0 >= limit(k) {
                k += 1;
            }
        }
        let (divisor, magnitude) = mags[k];
        Scale {
            magnitude,
            ..plain(divisor)
        }
    }

    /// The same values in `lang`'s magnitudes and units.
    pub fn in_lang(&self, lang: Lang) -> Scale {
        if lang == self.lang {
            self.clone()
        } else {
            Scale::make(self.range, &self.base, lang)
        }
    }

    /// A value in this scale, without the unit: `5,200`. Values below one keep up to four
    /// decimals, so that a small value beside much larger ones still reads `0.03`.
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

    /// Magnitude and unit as a column suffix: `亿元`, `万人`, `%`, `家`; in English `bn
    /// yuan`, `people`.
    pub fn suffix(&self) -> String {
        match self.lang {
            Lang::Zh => format!("{}{}", self.magnitude, self.unit),
            Lang::En if self.base == "位次" => "rank".to_string(),
            Lang::En => format!("{} {}", self.magnitude, self.unit)
                .trim()
                .to_string(),
        }
    }

    /// A number written in this scale followed by its magnitude and unit: `5,200 亿元`,
    /// `18%`, `rank 4`.
    pub fn with_unit(&self, number: &str) -> String {
        let tail = self.suffix();
        if self.lang == Lang::En && self.base == "位次" {
            format!("rank {number}")
        } else if tail.is_empty() || tail == "%" {
            format!("{number}{tail}")
        } else {
            format!("{number} {tail}")
        }
    }
}

/// Widest tail (decimals and a short marker) numbers are aligned for; a cell with more after
/// its whole number (`100,000 人 (2021)`) sits flush right instead of pushing every other
/// cell of its column away from the column's edge.
const MAX_TAIL: usize = 4;

/// Pads numbers so that their whole parts end in one column when they are right-aligned:
/// `5,200` and `4.6` become `5,200  ` and `4.6`. A number is what comes before the first
/// space (`≥1.5 *` aligns on `1`).
pub fn align_decimals(cells: &[String]) -> Vec<String> {
    let tail = |s: &str| -> usize {
        let num_end = s.find(' ').unwrap_or(s.len());
        let head = &s[..num_end];
        let frac = head.find('.').map_or(0, |d| crate::text::width(&head[d..]));
        frac + crate::text::width(&s[num_end..])
    };
    let max = cells
        .iter()
        .map(|c| tail(c))
        .filter(|t| *t <= MAX_TAIL)
        .max()
        .unwrap_or(0);
    cells
        .iter()
        .map(|c| format!("{c}{}", " ".repeat(max.saturating_sub(tail(c)))))
        .collect()
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
    figure_value_in(f, Lang::Zh)
}

/// A figure's hedge and value in `lang`.
pub fn figure_value_in(f: &Figure, lang: Lang) -> String {
    let q = qualifier(f.qualifier);
    let v = value_in(f.value, &f.unit, lang);
    if q.is_empty() { v } else { format!("{q}{v}") }
}

/// A figure's value split for a table: hedge and number, then magnitude and unit
/// (`("≥2.1", "万亿元")`), so numbers can line up in one column and units in the next.
pub fn figure_parts(f: &Figure, lang: Lang) -> (String, String) {
    let scale = Scale::for_values([f.value], &f.unit).in_lang(lang);
    let number = if f.value.is_finite() {
        scale.number(f.value)
    } else {
        "?".to_string()
    };
    (
        format!("{}{number}", qualifier(f.qualifier)),
        scale.suffix(),
    )
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
        assert_eq!(Scale::for_values([1.5e4, 3680.0], "家").suffix(), "家");
        assert_eq!(Scale::for_values([1.5e4], "家").number(0.0), "0");
    }

    #[test]
    fn each_value_reads_in_its_own_magnitude_and_columns_keep_small_values_whole() {
        assert_eq!(value(93.0, "家"), "93 家");
        assert_eq!(value(2443.0, "家"), "2,443 家");
        assert_eq!(value(15_000.0, "家"), "1.5 万家");
        assert_eq!(value(4.6e8, "元"), "4.6 亿元");
        let col = Scale::for_values([15_000.0, 2443.0, 93.0], "家");
        assert_eq!(col.suffix(), "家");
        assert_eq!(col.number(93.0), "93");
        assert_eq!(col.number(15_000.0), "15,000");
        let money = Scale::for_values([5.2e11, 4.6e8], "元");
        assert_eq!(
            (money.suffix(), money.number(4.6e8)),
            ("亿元".into(), "4.6".into())
        );
        let wide = Scale::for_values([5.2e11, 3e6], "元");
        assert_eq!(
            (wide.suffix(), wide.number(3e6)),
            ("亿元".into(), "0.03".into())
        );
    }

    #[test]
    fn english_magnitudes_and_units() {
        assert_eq!(value_in(5.2e11, "元", Lang::En), "520 bn yuan");
        assert_eq!(value_in(35_000.0, "人", Lang::En), "35,000 people");
        assert_eq!(value_in(4.0, "位次", Lang::En), "rank 4");
        assert_eq!(value_in(2443.0, "家", Lang::En), "2,443");
        assert_eq!(value_in(18.02, "%", Lang::En), "18.02%");
        let s = Scale::for_values([5.2e11, 4.6e8], "元").in_lang(Lang::En);
        assert_eq!(
            (s.suffix(), s.number(4.6e8)),
            ("bn yuan".into(), "0.46".into())
        );
        assert_eq!(s.in_lang(Lang::Zh).suffix(), "亿元");
    }

    #[test]
    fn decimals_line_up() {
        let cells = [
            "5,200".to_string(),
            "4.6".into(),
            "≥1.25".into(),
            "7 *".into(),
        ];
        let out = align_decimals(&cells);
        let ends: Vec<usize> = out
            .iter()
            .zip(&cells)
            .map(|(o, c)| {
                let dot = c.find(['.', ' ']).unwrap_or(c.len());
                crate::text::width(o) - crate::text::width(&c[..dot])
            })
            .collect();
        assert!(ends.windows(2).all(|w| w[0] == w[1]), "{out:?}");
        let long = align_decimals(&["1".to_string(), "2 个 (2024)".into()]);
        assert_eq!(long, ["1", "2 个 (2024)"], "a long tail sits flush right");
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
