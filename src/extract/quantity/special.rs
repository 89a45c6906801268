//! Quantities that open with a word rather than a digit: ranks (`第4`, `前十`, `首位`, `榜首`),
//! `百分之十二`, `翻番`, and bare magnitudes before a currency (`超千亿元`).

use std::ops::Range;

use super::context::{self, char_at, char_before};
use super::{Quantity, QuantityKind, Step, units};
use crate::dataset::Qualifier;
use crate::extract::numbers::{self, Ratio};

/// Reads at `第`, `前`, `首`, `榜` or `翻` (byte `i`).
pub(super) fn read(text: &str, i: usize, c: char, shielded: bool) -> Step {
    match c {
        '第' => ordinal(text, i, shielded),
        '前' if !shielded => top_n(text, i),
        '首' | '榜' if !shielded => first_place(text, i),
        '翻' if !shielded => doubling(text, i),
        _ => Step::Next,
    }
}

/// Whether a rank stops here: not followed by a noun (`第一时间`, `全国第一个`, `第二场`).
fn rank_ends(next: Option<char>) -> bool {
    next.is_none_or(|c| matches!(c, '的' | '和' | '与' | '及' | '或') || !is_ideograph(c))
}

fn is_ideograph(c: char) -> bool {
    ('\u{4e00}'..='\u{9fff}').contains(&c) || ('\u{3400}'..='\u{4dbf}').contains(&c)
}

/// `第N`: a rank after rank wording (`位居全国第4`, `排名第21位`), otherwise an ordinal to skip
/// whole (`第三十五届` must not leave `三十五届` behind).
fn ordinal(text: &str, i: usize, shielded: bool) -> Step {
    let at = i + '第'.len_utf8();
    let Some(n) = numbers::numeral_prefix(&text[at..]) else {
        return Step::Next;
    };
    let num_end = at + n.len;
    let skip = Step::Skip(num_end);
    let whole = n.value >= 1.0 && n.value.fract() == 0.0;
    if shielded || n.approx || n.magnitude || n.digits_only || !whole {
        return skip;
    }
    let end = match char_at(text, num_end) {
        Some(c @ ('位' | '名')) => num_end + c.len_utf8(),
        _ => num_end,
    };
    let next = char_at(text, end);
    let more_digits = next.is_some_and(|c| numbers::arabic_digit(c).is_some());
    if more_digits || !rank_ends(next) || !context::rank_context(text, i) {
        return skip;
    }
    Step::Found(Quantity::new(i..end, n.value, "位次", QuantityKind::Rank))
}

/// `位列第17、37、66和88位`: the numbers listed after a rank that ends at byte `end` are ranks
/// too. Each item is a whole number after `、`, `和`, `及` or `与`, closed by `位` or `名` or
/// not; items count up to the last one closed so, or up to a list end that ends a rank
/// (punctuation): `第3、5家` lists no ranks.
pub(super) fn rank_list(text: &str, end: usize) -> Vec<Quantity> {
    let mut out = Vec::new();
    let mut kept = 0;
    let mut at = end;
    while let Some(sep) = char_at(text, at).filter(|c| matches!(c, '、' | '和' | '及' | '与')) {
        let start = at + sep.len_utf8();
        let Some(n) = numbers::numeral_prefix(&text[start..]) else {
            break;
        };
        let whole = n.value >= 1.0 && n.value.fract() == 0.0;
        if n.approx || n.magnitude || n.digits_only || !whole {
            break;
        }
        let num_end = start + n.len;
        let next = char_at(text, num_end);
        let closed = matches!(next, Some('位' | '名'));
        let item_end = num_end + if closed { '位'.len_utf8() } else { 0 };
        let after = char_at(text, item_end);
        let goes_on = after.is_some_and(|c| matches!(c, '、' | '和' | '及' | '与'));
        if !goes_on && !rank_ends(after) {
            break;
        }
        out.push(Quantity::new(
            start..item_end,
            n.value,
            "位次",
            QuantityKind::Rank,
        ));
        at = item_end;
        if closed || !goes_on {
            kept = out.len();
        }
    }
    out.truncate(kept);
    out
}

/// `排名前十`: top-N after rank wording, with nothing counted after it.
fn top_n(text: &str, i: usize) -> Step {
    let at = i + '前'.len_utf8();
    let Some(n) = numbers::numeral_prefix(&text[at..]) else {
        return Step::Next;
    };
    let end = at + n.len;
    let whole = n.value >= 1.0 && n.value.fract() == 0.0 && !n.approx && !n.magnitude;
    if !whole || !rank_ends(char_at(text, end)) || !context::rank_context(text, i) {
        return Step::Next;
    }
    let mut q = Quantity::new(i..end, n.value, "位次", QuantityKind::Rank);
    q.inner_qualifier = Some(Qualifier::UpTo);
    Step::Found(q)
}

/// `位列全市首位`, `位列…榜首`: first place.
fn first_place(text: &str, i: usize) -> Step {
    let rest = &text[i..];
    let Some(word) = ["首位", "榜首"].into_iter().find(|w| rest.starts_with(w)) else {
        return Step::Next;
    };
    let end = i + word.len();
    if !rank_ends(char_at(text, end)) || !context::rank_context(text, i) {
        return Step::Next;
    }
    Step::Found(Quantity::new(i..end, 1.0, "位次", QuantityKind::Rank))
}

/// `翻番`, `翻一番`, `翻两番`: growth as a multiple.
fn doubling(text: &str, i: usize) -> Step {
    const WORDS: &[(&str, f64)] = &[
        ("翻了一番", 2.0),
        ("翻了两番", 4.0),
        ("翻一番", 2.0),
        ("翻两番", 4.0),
        ("翻番", 2.0),
    ];
    let rest = &text[i..];
    match WORDS.iter().find(|(w, _)| rest.starts_with(w)) {
        Some((w, v)) => Step::Found(Quantity::new(
            i..i + w.len(),
            *v,
            "倍",
            QuantityKind::Number,
        )),
        None => Step::Next,
    }
}

/// A `百分之…`, `千分之…` or `…分之…` numeral as a quantity.
pub(super) fn ratio_quantity(range: Range<usize>, ratio: Ratio, shielded: bool) -> Step {
    let end = range.end;
    let q = match ratio {
        Ratio::Percent(v) => Quantity::new(range, v, "%", QuantityKind::Percent),
        Ratio::Permille(v) => Quantity::new(range, v, "‰", QuantityKind::Percent),
        Ratio::Fraction(_) if shielded => return Step::Skip(end),
        Ratio::Fraction(v) => Quantity::new(range, v, "ratio", QuantityKind::Fraction),
    };
    Step::Found(q)
}

/// Magnitude words standing for a number by themselves (`超千亿元`, `近万人`, `千余家`).
const BARE_MAGNITUDES: &[(&str, i32)] = &[
    ("万亿", 12),
    ("千亿", 11),
    ("百亿", 10),
    ("千万", 7),
    ("百万", 6),
    ("亿", 8),
    ("万", 4),
    ("千", 3),
    ("百", 2),
];

/// Words before a bare magnitude that make it a figure: `近万人`, `超千家`, `突破千亿元`.
/// Without one, `千家万户`, `千人计划`, `每万人` and `百家争鸣` are words, not counts.
fn hedged(prev: Option<char>) -> bool {
    matches!(
        prev,
        Some('近' | '超' | '逾' | '过' | '破' | '达' | '到' | '约' | '上' | '有')
    )
}

/// Reads at `百`, `千`, `万` or `亿` (byte `i`): `百分之…`, `千分之…` or a bare magnitude.
///
/// A bare magnitude counts with `余` before a unit (`千余家`), or after a hedge word (`近万人`).
/// Before a currency only after a hedge and at the end of a clause (`销售额超千万元。`): `亿元以上
/// 项目`, `过亿元企业`, `每万元GDP` name a class or a rate base, not an amount anyone measured.
pub(super) fn read_magnitude_word(text: &str, i: usize, shielded: bool) -> Step {
    let rest = &text[i..];
    if (rest.starts_with("百分之") || rest.starts_with("千分之"))
        && let Some((len, ratio)) = numbers::ratio_prefix(rest)
    {
        return ratio_quantity(i..i + len, ratio, shielded);
    }
    let Some((word, exp)) = BARE_MAGNITUDES.iter().find(|(w, _)| rest.starts_with(w)) else {
        return Step::Next;
    };
    let prev = char_before(text, i);
    // `数亿元`, `几千家`, `每万人` do not say how much.
    let vague = prev.is_some_and(|c| {
        matches!(c, '每' | '数' | '几' | '成')
            || numbers::arabic_digit(c).is_some()
            || numbers::is_numeral_char(c)
    });
    let mut unit_at = i + word.len();
    let over = text[unit_at..].starts_with('余');
    if over {
        unit_at += '余'.len_utf8();
    }
    let Some(unit) = units::unit_at(&text[unit_at..]) else {
        return Step::Skip(unit_at);
    };
    let end = unit_at + unit.word.len();
    let counted = if is_currency(unit.base) {
        hedged(prev) && !char_at(text, end).is_some_and(|c| c.is_alphanumeric())
    } else {
        unit.class == units::Class::Amount && (over || hedged(prev))
    };
    if vague || shielded || !counted || text[unit_at..].starts_with("人民") {
        return Step::Skip(unit_at);
    }
    // `千家万户`, `千方百计`: paired magnitudes make an idiom.
    if char_at(text, end).is_some_and(numbers::is_numeral_char) {
        return Step::Skip(end);
    }
    let mut q = Quantity::new(i..end, 10f64.powi(*exp), unit.base, QuantityKind::Number);
    if over {
        q.inner_qualifier = Some(Qualifier::Over);
    }
    Step::Found(q)
}

fn is_currency(unit: &str) -> bool {
    matches!(
        unit,
        "元" | "美元" | "欧元" | "日元" | "英镑" | "港元" | "港币" | "韩元" | "人民币"
    )
}
