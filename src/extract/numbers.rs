//! Numerals: Arabic (fullwidth, separators, decimals), Chinese (两, 十, 百, 千, 万, 亿) and mixtures.
//!
//! [`numeral_prefix`] reads one numeral with its hedges and magnitude words from the start of a
//! string (`2100余万`, `3.2万`, `十余`, `1.24万亿`); the quantity scanner builds on it.
//! [`parse_number`] reads a whole string, including percent and fraction forms.

mod chinese;

pub(crate) use chinese::{digit_value, is_numeral_char};

/// How a numeral's digits are written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Script {
    /// Arabic digits, ASCII or fullwidth, possibly followed by Chinese magnitude words (`3.2万`).
    Arabic,
    /// Chinese numerals (`两千三百万`, `十余`).
    Chinese,
}

/// A numeral read from the start of a string.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Numeral {
    /// Bytes consumed: digits, `余`/`多`, magnitude words and any spaces between them.
    pub len: usize,
    /// The value with magnitude words applied.
    pub value: f64,
    /// How the digits are written.
    pub script: Script,
    /// A magnitude word (`万`, `亿`, `千万`, …) was applied.
    pub magnitude: bool,
    /// `余` or `多` follows the digits or the magnitude (`2100余万`, `300多`): "more than".
    pub approx: bool,
    /// Chinese digits written one by one (`二〇二三`): a year or a code.
    pub digits_only: bool,
}

/// Magnitude words after Arabic digits, longest first, with their powers of ten.
const MAGNITUDES: &[(&str, i32)] = &[
    ("万亿", 12),
    ("千亿", 11),
    ("百亿", 10),
    ("十亿", 9),
    ("千万", 7),
    ("百万", 6),
    ("十万", 5),
    ("亿", 8),
    ("万", 4),
    ("千", 3),
    ("百", 2),
];

/// Unit words that begin with a magnitude character: `3千瓦` is kilowatts, not 3000 watts.
const MAGNITUDE_LOOKALIKES: &[&str] = &[
    "千瓦", "千米", "千克", "千伏", "千帕", "千兆", "千卡", "百分",
];

/// Reads the magnitude word at the start of `s`, if any: (bytes, power of ten).
pub(crate) fn magnitude_prefix(s: &str) -> Option<(usize, i32)> {
    let (word, exp) = MAGNITUDES.iter().find(|(w, _)| s.starts_with(w))?;
    let rest = &s[word.len()..];
    // `3千万千瓦`: the magnitude stops where a unit word starts.
    if MAGNITUDE_LOOKALIKES.iter().any(|u| s.starts_with(u)) {
        return None;
    }
    // `2023百千万`: a magnitude followed by more numeral characters is not one (`1万千瓦` is).
    let lookalike_next = MAGNITUDE_LOOKALIKES.iter().any(|u| rest.starts_with(u));
    if !lookalike_next && rest.chars().next().is_some_and(is_numeral_char) {
        return None;
    }
    Some((word.len(), *exp))
}

/// Reads one numeral at the start of `s`: Arabic or Chinese digits, then optionally `余`/`多`,
/// a magnitude word, and `余`/`多` again (`2100余万`, `3万余`, `十多`, `0.5万亿`).
///
/// Spaces (at most two) are allowed between Arabic digits and what follows them (`2000 余亩`,
/// `10 万人`). Returns `None` when `s` does not start with a numeral.
pub fn numeral_prefix(s: &str) -> Option<Numeral> {
    let mut arabic_parts = None;
    let (mut len, value, script, digits_only, chinese_mag) =
        if let Some((len, mantissa, exp)) = arabic_prefix(s) {
            arabic_parts = Some((mantissa, exp));
            (len, scaled(mantissa, exp)?, Script::Arabic, false, false)
        } else {
            let c = chinese::chinese_prefix(s)?;
            (c.len, c.value, Script::Chinese, c.digits_only, c.magnitude)
        };
    let mut value = value;
    let mut approx = false;
    let mut magnitude = chinese_mag;
    if digits_only {
        return Some(Numeral {
            len,
            value,
            script,
            magnitude,
            approx,
            digits_only,
        });
    }
    let spaced = |at: usize| -> usize {
        if script == Script::Arabic {
            at + leading_spaces(&s[at..])
        } else {
            at
        }
    };
    let at = spaced(len);
    if let Some(n) = hedge_len(&s[at..]) {
        approx = true;
        len = at + n;
    }
    let at = if approx { len } else { spaced(len) };
    // Chinese numerals take 万/亿 themselves; 千/百 after them (`十千`) are not magnitudes.
    let magnitude_word = magnitude_prefix(&s[at..])
        .filter(|&(_, exp)| script == Script::Arabic || (!magnitude && exp >= 4));
    if let Some((n, exp)) = magnitude_word {
        // One rounding for digits and magnitude together: 4.6亿 is exactly 460000000.
        value = match arabic_parts {
            Some((mantissa, e)) => scaled(mantissa, e.saturating_add(exp))?,
            None => value * 10f64.powi(exp),
        };
        magnitude = true;
        len = at + n;
        if !approx && let Some(h) = hedge_len(&s[len..]) {
            approx = true;
            len += h;
        }
    }
    value.is_finite().then_some(Numeral {
        len,
        value,
        script,
        magnitude,
        approx,
        digits_only,
    })
}

/// `余` or `多` meaning "more than": bytes consumed.
fn hedge_len(s: &str) -> Option<usize> {
    (s.starts_with('余') || s.starts_with('多') || s.starts_with('餘')).then_some(3)
}

/// ASCII, no-break and ideographic spaces, at most two.
pub(crate) fn leading_spaces(s: &str) -> usize {
    s.char_indices()
        .take(2)
        .take_while(|&(_, c)| matches!(c, ' ' | '\u{a0}' | '\u{3000}'))
        .map(|(_, c)| c.len_utf8())
        .sum()
}

/// The value of an ASCII or fullwidth digit.
pub(crate) fn arabic_digit(c: char) -> Option<u8> {
    match c {
        '0'..='9' => Some(c as u8 - b'0'),
        '０'..='９' => u8::try_from(u32::from(c) - u32::from('０')).ok(),
        _ => None,
    }
}

/// Digit count kept exactly; later digits only scale the value.
const MAX_EXACT_DIGITS: u32 = 36;

/// Reads Arabic digits with an optional decimal part and thousands separators (groups of
/// exactly three after `,` or `，`). Returns (bytes, mantissa, power of ten).
fn arabic_prefix(s: &str) -> Option<(usize, u128, i32)> {
    let mut mantissa: u128 = 0;
    let mut exp: i32 = 0;
    let mut kept = 0u32;
    let mut len = 0usize;
    let mut any = false;
    let mut group = 0usize; // digits since the last separator (or the start)
    let mut separated = false;
    let mut fraction = false;
    let mut chars = s.char_indices().peekable();
    while let Some(&(i, c)) = chars.peek() {
        if let Some(d) = arabic_digit(c) {
            if kept < MAX_EXACT_DIGITS {
                if mantissa != 0 || d != 0 {
                    kept += 1;
                }
                mantissa = mantissa * 10 + u128::from(d);
                if fraction {
                    exp -= 1;
                }
            } else if !fraction {
                exp = exp.saturating_add(1);
            }
            any = true;
            group += 1;
            len = i + c.len_utf8();
            chars.next();
            continue;
        }
        if !any {
            return None;
        }
        let rest = &s[i + c.len_utf8()..];
        if matches!(c, '.' | '．') && !fraction && starts_with_digit(rest) {
            if separated && group != 3 {
                break;
            }
            fraction = true;
            chars.next();
            continue;
        }
        if matches!(c, ',' | '，') && !fraction && (group <= 3) && (!separated || group == 3) {
            let digits = rest
                .chars()
                .take_while(|&d| arabic_digit(d).is_some())
                .count();
            if digits == 3 {
                separated = true;
                group = 0;
                chars.next();
                continue;
            }
        }
        break;
    }
    // A separator group left short (`1,23`) cannot happen: groups are checked before taking it.
    any.then_some((len, mantissa, exp))
}

fn starts_with_digit(s: &str) -> bool {
    s.chars().next().and_then(arabic_digit).is_some()
}

/// `mantissa × 10^exp`, rounded once; `None` when not finite.
fn scaled(mantissa: u128, exp: i32) -> Option<f64> {
    let m = mantissa as f64;
    let v = if exp >= 0 {
        m * 10f64.powi(exp)
    } else if exp >= -300 {
        m / 10f64.powi(-exp)
    } else {
        0.0
    };
    v.is_finite().then_some(v)
}

/// A numeral written as a ratio or a percentage in words.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Ratio {
    /// `百分之十二` → 12.
    Percent(f64),
    /// `千分之五` → 5.
    Permille(f64),
    /// `四分之一`, `1/4` → 0.25.
    Fraction(f64),
}

/// Reads `百分之N`, `千分之N` or `M分之N` at the start of `s`: (bytes, value).
pub fn ratio_prefix(s: &str) -> Option<(usize, Ratio)> {
    for (head, percent) in [("百分之", true), ("千分之", false)] {
        if let Some(rest) = s.strip_prefix(head) {
            let n = numeral_prefix(rest).filter(|n| !n.magnitude && !n.approx)?;
            let ratio = if percent {
                Ratio::Percent(n.value)
            } else {
                Ratio::Permille(n.value)
            };
            return Some((head.len() + n.len, ratio));
        }
    }
    let den = numeral_prefix(s).filter(|n| !n.magnitude && !n.approx && n.value > 0.0)?;
    let rest = s[den.len..].strip_prefix("分之")?;
    let num = numeral_prefix(rest).filter(|n| !n.magnitude && !n.approx)?;
    let value = num.value / den.value;
    value
        .is_finite()
        .then_some((den.len + 6 + num.len, Ratio::Fraction(value)))
}

/// Reads `a/b` (small whole numbers, `a < b`) at the start of `s`: (bytes, value).
pub fn slash_fraction_prefix(s: &str) -> Option<(usize, f64)> {
    let (a_len, a, a_exp) = arabic_prefix(s)?;
    let slash = s[a_len..]
        .chars()
        .next()
        .filter(|c| matches!(c, '/' | '／'))?;
    let b_at = a_len + slash.len_utf8();
    let (b_len, b, b_exp) = arabic_prefix(&s[b_at..])?;
    let small = |len: usize, exp: i32| len <= 9 && exp == 0;
    if !small(a_len, a_exp) || !small(b_len, b_exp) || b == 0 || a >= b || b > 1000 {
        return None;
    }
    Some((b_at + b_len, a as f64 / b as f64))
}

/// Parses a whole numeral with its magnitude words (`3.2万`, `1.24万亿`, `九千九百`, `2100余万`)
/// to its value. Also takes percentages (`18.02%`, `百分之十二` → the number of percent), per
/// mille, fractions (`1/4`, `四分之一` → 0.25) and a leading minus sign. Surrounding whitespace
/// is ignored. `None` for anything else, including text after the numeral.
pub fn parse_number(s: &str) -> Option<f64> {
    let s = s.trim();
    let (sign, body) = match s.strip_prefix(['-', '−', '－']) {
        Some(rest) => (-1.0, rest),
        None => (1.0, s),
    };
    let value = if let Some((_, v)) = slash_fraction_prefix(body).filter(|(l, _)| *l == body.len())
    {
        v
    } else if let Some((len, ratio)) = ratio_prefix(body) {
        if len != body.len() {
            return None;
        }
        match ratio {
            Ratio::Percent(v) | Ratio::Permille(v) | Ratio::Fraction(v) => v,
        }
    } else {
        let n = numeral_prefix(body)?;
        let rest = body[n.len..].trim_start_matches([' ', '\u{3000}']);
        if !(rest.is_empty() || matches!(rest, "%" | "％" | "‰")) {
            return None;
        }
        n.value
    };
    let v = sign * value;
    v.is_finite().then_some(v)
}

#[cfg(test)]
mod tests;
