//! Quantities in running text: a number with its magnitude and unit words, as a figure's `raw`.
//!
//! One left-to-right pass over the text. At a character that can open a quantity (a digit, a
//! Chinese numeral, `第`, `百分之`, …) the numeral is read, then the unit after it is looked up in
//! a lexicon (longest match); what a reader would not call a figure is skipped whole:
//!
//! - dates, times, durations and ages (the unit is a time word: `2023年`, `6月28日`, `3天`);
//! - ordinals (`第三十五届`, `第一时间`) unless rank wording precedes (`位居全国第4`); the
//!   numbers listed after such a rank are ranks too (`位列第17、37、66和88位`);
//! - numbers inside book titles and short quotations (`“315”科技创新体系`, `“4+1”专项基金`),
//!   except percentages;
//! - codes glued to Latin letters or `+` (`5G`, `H7N9`, `C919`, `3+N`), versions and times;
//! - Chinese numerals not followed by a measure word (`一批`, `统一`, `十四五`, `两院`), `二` on
//!   its own (`二次开发`), and `一` + measure word before a noun (`一个“早”字`, `一次性`);
//! - bare numbers with neither unit nor magnitude (`2023中国年度`, enumerators, page numbers).
//!
//! Rates keep their `/` unit in `raw` and `unit` (`2.6万吨/年` → unit `吨/年`): a yearly
//! capacity is not a stock of tonnes.

mod context;
mod special;
mod units;

use std::ops::Range;

use crate::dataset::Qualifier;
use crate::extract::numbers::{self, Numeral, Script};
use context::{char_at, char_before};
use units::Class;

/// What kind of number a quantity is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum QuantityKind {
    /// A count or amount.
    Number,
    /// A percentage (`%`, `％`, `个百分点`).
    Percent,
    /// A fraction (`1/4`, `四分之一`): unit `ratio`.
    Fraction,
    /// A rank (`第4`): unit `位次`.
    Rank,
    /// Places moved up or down a ranking (`前进4位`): unit `位次`.
    Move,
}

/// A quantity found in text.
#[derive(Debug, Clone, PartialEq)]
pub struct Quantity {
    /// Byte range of the raw text (number, magnitude and unit words).
    pub range: Range<usize>,
    /// Value with magnitude applied, in the base unit.
    pub value: f64,
    /// Base unit as written, `""` when none.
    pub unit: String,
    /// Kind of number.
    pub kind: QuantityKind,
    /// A hedge written inside the raw text (`十余家`, `2100余万`, `300多家`).
    pub inner_qualifier: Option<Qualifier>,
}

impl Quantity {
    fn new(range: Range<usize>, value: f64, unit: &str, kind: QuantityKind) -> Self {
        Quantity {
            range,
            value,
            unit: unit.to_owned(),
            kind,
            inner_qualifier: None,
        }
    }
}

/// What reading at one position gave.
enum Step {
    /// Nothing starts here; go on with the next character.
    Next,
    /// Not a figure; go on from this byte.
    Skip(usize),
    /// A quantity; go on after it.
    Found(Quantity),
}

/// Finds the quantities in `text`, leaving out dates, years, durations, ordinals, enumerators and
/// numbers inside names and slogans. Ranges are byte ranges on character boundaries, in order.
pub fn scan(text: &str) -> Vec<Quantity> {
    let mut out = Vec::new();
    let mut resume = 0;
    let mut shield = 0;
    for (i, c) in text.char_indices() {
        if i < resume {
            continue;
        }
        if context::opens_shield(c) {
            if let Some(end) = context::shield_end(text, i, c) {
                shield = shield.max(end);
            }
            continue;
        }
        if !may_start(c) {
            continue;
        }
        let step = match c {
            '第' | '前' | '首' | '榜' | '翻' => special::read(text, i, c, i < shield),
            '百' | '千' | '万' | '亿' => special::read_magnitude_word(text, i, i < shield),
            _ => read_numeral(text, i, i < shield),
        };
        match step {
            Step::Next => {}
            Step::Skip(end) => resume = end,
            Step::Found(mut q) => {
                resume = q.range.end;
                let listed = if c == '第' && q.kind == QuantityKind::Rank {
                    special::rank_list(text, q.range.end)
                } else {
                    Vec::new()
                };
                signed(text, &mut q);
                out.push(q);
                if let Some(last) = listed.last() {
                    resume = last.range.end;
                }
                out.extend(listed);
            }
        }
    }
    out
}

/// Takes a minus sign written straight before the number into the quantity (`增长-69.1%`,
/// `(-69.1%)`): raw keeps the sign and the value is negative. A dash between two numbers
/// (`1-3家`) or after a letter (`C-919`) is no sign; those never reach here as quantities.
fn signed(text: &str, q: &mut Quantity) {
    if !matches!(
        q.kind,
        QuantityKind::Number | QuantityKind::Percent | QuantityKind::Move
    ) {
        return;
    }
    let Some(sign) = char_before(text, q.range.start).filter(|c| matches!(c, '-' | '−' | '－'))
    else {
        return;
    };
    let at = q.range.start - sign.len_utf8();
    let glued = char_before(text, at).is_some_and(|c| {
        c.is_ascii_alphanumeric()
            || numbers::arabic_digit(c).is_some()
            || ('Ａ'..='ｚ').contains(&c)
            || matches!(c, '-' | '−' | '－' | '.' | '．')
    });
    if !glued {
        q.range.start = at;
        q.value = -q.value;
    }
}

fn may_start(c: char) -> bool {
    c.is_ascii_digit()
        || numbers::arabic_digit(c).is_some()
        || numbers::digit_value(c).is_some()
        || matches!(
            c,
            '十' | '拾' | '第' | '前' | '首' | '榜' | '翻' | '百' | '千' | '万' | '亿'
        )
}

/// Reads a quantity that starts with a numeral at byte `i`.
fn read_numeral(text: &str, i: usize, shielded: bool) -> Step {
    let rest = &text[i..];
    let Some(n) = numbers::numeral_prefix(rest) else {
        // Too long to be finite: skip the whole run, not one digit at a time.
        return Step::Skip(i + numeral_run_len(rest).max(1));
    };
    let arabic = n.script == Script::Arabic;
    let num_end = i + n.len;
    let skip_run = Step::Skip(i + numeral_run_len(rest).max(n.len));
    if arabic && char_before(text, i).is_some_and(|p| glued_before(text, i, p)) {
        return Step::Skip(code_token_end(text, i));
    }
    if !arabic && matches!(char_before(text, i), Some('数' | '几' | '若')) {
        // `数十家`, `几百个`: no number is given.
        return skip_run;
    }
    if arabic && ends_range(text, i) {
        // `1-3家`: the upper bound alone would misstate the figure.
        return skip_run;
    }
    let next = char_at(text, num_end);
    let after_next = next.and_then(|c| char_at(text, num_end + c.len_utf8()));
    let digit_follows = after_next.is_some_and(|c| numbers::arabic_digit(c).is_some());
    match next {
        Some(c) if numbers::arabic_digit(c).is_some() => return skip_run,
        // `100万千瓦` goes on with a unit; `2023百千万` with more numerals.
        Some(c) if numbers::is_numeral_char(c) && units::unit_at(&text[num_end..]).is_none() => {
            return skip_run;
        }
        Some('.' | '．' | ',' | ':' | '：') if arabic && digit_follows => {
            return Step::Skip(code_token_end(text, i));
        }
        Some('/' | '／') if arabic && !n.magnitude && !n.approx => {
            return match numbers::slash_fraction_prefix(rest) {
                Some((len, v)) if !shielded => Step::Found(Quantity::new(
                    i..i + len,
                    v,
                    "ratio",
                    QuantityKind::Fraction,
                )),
                _ => Step::Skip(code_token_end(text, i)),
            };
        }
        Some('+' | '＋' | '×' | '*' | '_' | '&') => return Step::Skip(code_token_end(text, i)),
        Some(c) if arabic && c.is_ascii_alphabetic() => {
            return match units::latin_unit_at(&text[num_end..]) {
                Some(u) if !shielded => found(i..num_end + u.len(), &n, u, QuantityKind::Number),
                _ => Step::Skip(code_token_end(text, i)),
            };
        }
        Some(c) if !arabic && c.is_ascii_alphanumeric() => return skip_run,
        _ => {}
    }
    if n.digits_only {
        return skip_run;
    }
    if !arabic && text[num_end..].starts_with("分之") {
        return match numbers::ratio_prefix(rest) {
            Some((len, ratio)) => special::ratio_quantity(i..i + len, ratio, shielded),
            None => skip_run,
        };
    }
    let unit_at = if arabic {
        num_end + numbers::leading_spaces(&text[num_end..])
    } else {
        num_end
    };
    let unit = units::unit_at(&text[unit_at..])
        .filter(|u| !u.arabic_only || arabic)
        .filter(|u| unit_fits(text, unit_at + u.word.len(), u.word, &n));
    let Some(unit) = unit else {
        // No unit: a figure only when a magnitude word makes it one (`常住人口达2100余万`).
        if n.magnitude && !shielded && unitless_ok(text, num_end, &n) {
            return found(i..num_end, &n, "", QuantityKind::Number);
        }
        return skip_run;
    };
    let unit_end = unit_at + unit.word.len();
    match unit.class {
        Class::Excluded => Step::Skip(unit_end),
        Class::Percent => found(i..unit_end, &n, unit.base, QuantityKind::Percent),
        Class::Amount if shielded => Step::Skip(unit_end),
        Class::Amount => {
            if !arabic && !chinese_count_ok(text, i, num_end, unit_end, &n) {
                return Step::Skip(unit_end);
            }
            match units::per_unit_at(&text[unit_end..]) {
                Some((len, per)) => {
                    let rate = format!("{}/{}", unit.base, per);
                    found(i..unit_end + len, &n, &rate, QuantityKind::Number)
                }
                None if unit.word == "位" && moved_places(text, i) => {
                    found(i..unit_end, &n, "位次", QuantityKind::Move)
                }
                None => found(i..unit_end, &n, unit.base, QuantityKind::Number),
            }
        }
    }
}

fn found(range: Range<usize>, n: &Numeral, unit: &str, kind: QuantityKind) -> Step {
    let mut q = Quantity::new(range, n.value, unit, kind);
    if n.approx {
        q.inner_qualifier = Some(Qualifier::Over);
    }
    Step::Found(q)
}

/// Indicator acronyms written straight before their figure (`实现GDP1499亿元`).
const INDICATOR_ACRONYMS: &[&str] = &["GDP", "CPI", "PPI", "PMI", "FDI", "GNP", "GNI"];

/// Characters that glue a number into a code or a name: `H7N9`, `v2`, `No.3`, `COVID-19`.
fn glued_before(text: &str, i: usize, prev: char) -> bool {
    if INDICATOR_ACRONYMS.iter().any(|a| text[..i].ends_with(a)) {
        let before = char_before(text, i - 3);
        return before.is_some_and(|c| c.is_ascii_alphanumeric());
    }
    match prev {
        '-' | '－' => {
            char_before(text, i - prev.len_utf8()).is_some_and(|c| c.is_ascii_alphabetic())
        }
        c => {
            c.is_ascii_alphanumeric()
                || matches!(
                    c,
                    '.' | '．' | '_' | '/' | '／' | '+' | '＋' | '#' | '&' | ':' | '@'
                )
                || ('Ａ'..='ｚ').contains(&c)
        }
    }
}

/// Whether the number at byte `i` closes a range (`1-3家`, `5至8个`).
fn ends_range(text: &str, i: usize) -> bool {
    let Some(dash) = char_before(text, i) else {
        return false;
    };
    matches!(dash, '-' | '－' | '~' | '～' | '—' | '至' | '到')
        && char_before(text, i - dash.len_utf8())
            .is_some_and(|c| numbers::arabic_digit(c).is_some())
}

/// `前进4位`, `提升了3位`, `前进4位和16位`: places moved in a ranking, not people.
fn moved_places(text: &str, i: usize) -> bool {
    const MOVES: &[&str] = &[
        "前进", "上升", "提升", "下降", "后退", "跃升", "攀升", "提高", "前移", "后移",
    ];
    let head = &text[..i];
    let verb_end = head.strip_suffix('了').unwrap_or(head);
    if MOVES.iter().any(|m| verb_end.ends_with(m)) {
        return true;
    }
    // The second of a pair: the verb stands a few characters back, before `和`.
    let joined = matches!(char_before(text, i), Some('和' | '与' | '及' | '、'));
    let window_start = head
        .char_indices()
        .rev()
        .take(10)
        .take_while(|&(_, c)| !context::ends_clause(c))
        .last()
        .map_or(i, |(k, _)| k);
    joined && MOVES.iter().any(|m| head[window_start..].contains(m))
}

/// The end of a code token starting at byte `i`: letters, digits and joining punctuation.
fn code_token_end(text: &str, i: usize) -> usize {
    let mut end = i;
    for (j, c) in text[i..].char_indices() {
        let joins = c.is_ascii_alphanumeric()
            || numbers::arabic_digit(c).is_some()
            || matches!(
                c,
                '.' | '．'
                    | ','
                    | ':'
                    | '：'
                    | '/'
                    | '／'
                    | '+'
                    | '＋'
                    | '-'
                    | '_'
                    | '&'
                    | '×'
                    | '*'
            );
        if !joins {
            break;
        }
        end = i + j + c.len_utf8();
    }
    end.max(i + 1).min(text.len())
}

/// The run of numeral characters at the start of `s` (digits, Chinese numerals, separators).
fn numeral_run_len(s: &str) -> usize {
    let mut len = 0;
    for (j, c) in s.char_indices() {
        let part = numbers::arabic_digit(c).is_some()
            || numbers::is_numeral_char(c)
            || matches!(c, '.' | '．' | ',' | '余' | '多');
        if !part {
            break;
        }
        len = j + c.len_utf8();
    }
    len
}

/// Checks a unit against what follows it: `两位数` and `三位一体` are not people, `一成不变` and
/// `成果` are not tenths.
fn unit_fits(text: &str, unit_end: usize, word: &str, n: &Numeral) -> bool {
    let next = char_at(text, unit_end);
    match word {
        "位" => !matches!(next, Some('数' | '一' | '于' | '置')),
        // `人才十条、科创十一条`, `实施意见30条”`: the names of policy documents.
        "条" => {
            let name_end = matches!(next, Some('”' | '》' | '」'));
            let chinese_end = n.script == Script::Chinese
                && matches!(next, Some('、' | '，' | '。' | '；' | '等'));
            !name_end && !chinese_end
        }
        "成" => {
            let tenths = n.value >= 1.0 && n.value <= 10.0 && n.value.fract() == 0.0 && !n.approx;
            tenths
                && !matches!(
                    next,
                    Some(
                        '员' | '果'
                            | '效'
                            | '本'
                            | '立'
                            | '功'
                            | '绩'
                            | '熟'
                            | '交'
                            | '长'
                            | '型'
                            | '就'
                            | '都'
                            | '品'
                            | '分'
                            | '套'
                            | '了'
                            | '份'
                            | '片'
                            | '批'
                            | '群'
                            | '像'
                            | '色'
                            | '活'
                            | '全'
                            | '不'
                    )
                )
        }
        _ => true,
    }
}

/// Chinese numerals count only as real counts: not `二` alone (`二次`, `二类`), and `一` + measure
/// word only where the count closes a phrase (`专家智库服务站一处，`), not before a noun
/// (`一个“早”字`, `一次性`, `一批企业`).
fn chinese_count_ok(text: &str, i: usize, num_end: usize, unit_end: usize, n: &Numeral) -> bool {
    let digits = &text[i..num_end];
    if digits == "二" || digits == "贰" {
        return false;
    }
    if (digits == "一" || digits == "壹") && !n.approx {
        return context::ends_phrase(char_at(text, unit_end));
    }
    true
}

/// A unitless number with a magnitude word is a figure unless a word continues it (`十万火急`).
fn unitless_ok(text: &str, num_end: usize, n: &Numeral) -> bool {
    n.script == Script::Arabic || n.approx || context::ends_phrase(char_at(text, num_end))
}

#[cfg(test)]
mod tests;
