//! The unit lexicon: measure words, currencies and physical units that may follow a number, and
//! the time words that make a number a date, a duration or an age instead.

use std::sync::LazyLock;

/// What a unit word makes of the number before it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Class {
    /// A count or amount: measure words, currencies, physical units, 倍, 成.
    Amount,
    /// `%`, `％`, `‰`, `个百分点`.
    Percent,
    /// Dates, times, durations, ages, editions and page numbers: not a figure.
    Excluded,
}

/// One lexicon entry.
#[derive(Debug, Clone, Copy)]
pub(super) struct Unit {
    /// As written.
    pub word: &'static str,
    /// The unit a figure carries (`％` → `%`, `百分点` → `个百分点`).
    pub base: &'static str,
    pub class: Class,
    /// Only after Arabic digits: after Chinese numerals the pair is usually a word (`三方`,
    /// `二期工程`, `一度`).
    pub arabic_only: bool,
}

const fn amount(word: &'static str) -> Unit {
    Unit {
        word,
        base: word,
        class: Class::Amount,
        arabic_only: false,
    }
}

const fn arabic(word: &'static str) -> Unit {
    Unit {
        word,
        base: word,
        class: Class::Amount,
        arabic_only: true,
    }
}

const fn excluded(word: &'static str) -> Unit {
    Unit {
        word,
        base: word,
        class: Class::Excluded,
        arabic_only: false,
    }
}

const fn percent(word: &'static str, base: &'static str) -> Unit {
    Unit {
        word,
        base,
        class: Class::Percent,
        arabic_only: false,
    }
}

/// The lexicon. A word must come before every shorter word it starts with (`人次` before `人`,
/// `个月` before `个`): lookup takes the first match.
const UNITS: &[Unit] = &[
    percent("%", "%"),
    percent("％", "%"),
    percent("‰", "‰"),
    percent("个百分点", "个百分点"),
    percent("百分点", "个百分点"),
    // Time: dates, durations, ages.
    excluded("个多月"),
    excluded("个半月"),
    excluded("个月"),
    excluded("个多小时"),
    excluded("个半小时"),
    excluded("个小时"),
    excluded("个工作日"),
    excluded("个星期"),
    excluded("个季度"),
    excluded("个年度"),
    excluded("个年头"),
    excluded("年代"),
    excluded("年度"),
    excluded("年级"),
    excluded("年"),
    excluded("月份"),
    excluded("月"),
    amount("日元"),
    excluded("日"),
    excluded("号"),
    excluded("时"),
    excluded("点"),
    excluded("分钟"),
    excluded("秒"),
    excluded("小时"),
    excluded("天"),
    excluded("周岁"),
    excluded("周年"),
    excluded("周"),
    excluded("星期"),
    excluded("岁"),
    excluded("世纪"),
    excluded("季度"),
    excluded("工作日"),
    excluded("届"),
    excluded("版"),
    excluded("页"),
    // Counts.
    amount("个"),
    amount("家次"),
    amount("家"),
    amount("项次"),
    amount("项"),
    amount("人民币"),
    amount("人次"),
    amount("人"),
    amount("名"),
    amount("位"),
    amount("件次"),
    amount("件"),
    amount("条"),
    amount("处"),
    amount("所"),
    amount("座"),
    amount("台套"),
    amount("台"),
    amount("套"),
    amount("辆"),
    amount("架次"),
    amount("架"),
    amount("艘"),
    amount("列"),
    amount("场次"),
    amount("场"),
    arabic("期"),
    amount("次"),
    amount("份"),
    amount("种"),
    amount("类"),
    amount("只"),
    amount("支"),
    amount("株"),
    amount("棵"),
    amount("头"),
    amount("户次"),
    amount("户"),
    amount("间"),
    amount("栋"),
    amount("幢"),
    amount("张"),
    amount("篇"),
    amount("本"),
    amount("款"),
    amount("组"),
    amount("对"),
    amount("枚"),
    amount("颗"),
    amount("片"),
    amount("块"),
    amount("根"),
    amount("笔"),
    arabic("单"),
    amount("例"),
    arabic("起"),
    amount("宗"),
    amount("批次"),
    amount("批"),
    amount("轮"),
    amount("倍"),
    amount("成"),
    // Money.
    amount("元"),
    amount("美元"),
    amount("欧元"),
    amount("英镑"),
    amount("港元"),
    amount("港币"),
    amount("韩元"),
    // Area, length, volume, mass, energy.
    amount("平方公里"),
    amount("平方千米"),
    amount("平方米"),
    amount("平米"),
    amount("立方米"),
    arabic("方"),
    amount("公顷"),
    amount("亩"),
    amount("公里"),
    amount("千米"),
    amount("米"),
    amount("厘米"),
    amount("毫米"),
    amount("微米"),
    amount("纳米"),
    amount("英寸"),
    amount("海里"),
    amount("吨"),
    amount("公斤"),
    amount("千克"),
    amount("克"),
    amount("斤"),
    amount("升"),
    amount("千瓦时"),
    amount("千瓦"),
    amount("兆瓦时"),
    amount("兆瓦"),
    amount("吉瓦"),
    amount("瓦"),
    amount("千伏"),
    amount("伏"),
    arabic("度"),
    amount("标准箱"),
    amount("标箱"),
];

/// Latin-letter units after Arabic digits; the next character must not be a letter or digit.
const LATIN_UNITS: &[&str] = &[
    "kWh", "MWh", "GWh", "TWh", "kW", "MW", "GW", "km²", "km", "kg", "TEU", "GB", "TB", "PB", "nm",
    "mm", "cm",
];

/// The unit word at the start of `s`, longest first.
pub(super) fn unit_at(s: &str) -> Option<&'static Unit> {
    // The units by their first byte, each group in list order: a lookup compares only the few
    // that can match.
    static BY_FIRST: LazyLock<Vec<Vec<&'static Unit>>> = LazyLock::new(|| {
        let mut v = vec![Vec::new(); 256];
        for u in UNITS {
            if let Some(&b) = u.word.as_bytes().first() {
                v[usize::from(b)].push(u);
            }
        }
        v
    });
    let first = s.as_bytes().first()?;
    BY_FIRST[usize::from(*first)]
        .iter()
        .copied()
        .find(|u| s.starts_with(u.word))
}

/// A Latin unit at the start of `s` standing as a whole token: its length.
pub(super) fn latin_unit_at(s: &str) -> Option<&'static str> {
    LATIN_UNITS.iter().copied().find(|u| {
        s.starts_with(u)
            && !s[u.len()..]
                .chars()
                .next()
                .is_some_and(|c| c.is_ascii_alphanumeric())
    })
}

/// Units that may follow `/` to make a rate (`2.6万吨/年`, `5元/平方米`).
const PER_UNITS: &[&str] = &[
    "平方米",
    "小时",
    "公里",
    "千克",
    "公斤",
    "年",
    "月",
    "日",
    "天",
    "人",
    "次",
    "亩",
    "吨",
    "件",
    "台",
    "个",
    "户",
    "米",
    "度",
    "秒",
    "套",
];

/// `/年`, `／平方米`, … at the start of `s`: (bytes, the unit after the slash).
pub(super) fn per_unit_at(s: &str) -> Option<(usize, &'static str)> {
    let slash = s.chars().next().filter(|c| matches!(c, '/' | '／'))?;
    let rest = &s[slash.len_utf8()..];
    let unit = PER_UNITS.iter().copied().find(|u| rest.starts_with(u))?;
    Some((slash.len_utf8() + unit.len(), unit))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn longer_words_come_before_their_prefixes() {
        for (i, long) in UNITS.iter().enumerate() {
            for short in &UNITS[..i] {
                assert!(
                    !(long.word.starts_with(short.word) && long.word != short.word),
                    "{} must come before {}",
                    long.word,
                    short.word
                );
            }
        }
    }

    #[test]
    fn lookup_is_longest_match() {
        assert_eq!(unit_at("人次，").map(|u| u.word), Some("人次"));
        assert_eq!(unit_at("人才").map(|u| u.word), Some("人"));
        assert_eq!(unit_at("平方公里").map(|u| u.word), Some("平方公里"));
        assert_eq!(unit_at("个月").map(|u| u.class), Some(Class::Excluded));
        assert_eq!(unit_at("个百分点").map(|u| u.class), Some(Class::Percent));
        assert_eq!(unit_at("百分点").map(|u| u.base), Some("个百分点"));
        assert!(unit_at("企业").is_none());
    }

    #[test]
    fn latin_units_are_whole_tokens() {
        assert_eq!(latin_unit_at("MW的"), Some("MW"));
        assert_eq!(latin_unit_at("kWh"), Some("kWh"));
        assert_eq!(latin_unit_at("GBA"), None);
    }

    #[test]
    fn per_units() {
        assert_eq!(per_unit_at("/年，"), Some((4, "年")));
        assert_eq!(per_unit_at("／平方米"), Some((3 + 9, "平方米")));
        assert_eq!(per_unit_at("/企业"), None);
    }
}
