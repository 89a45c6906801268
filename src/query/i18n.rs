//! The app's two languages. Only chrome and metric names are translated; region names and
//! article text stay as written.

use crate::dataset::{Measure, RegionKind};

/// The language of the UI chrome.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lang {
    /// 中文.
    Zh,
    /// English.
    En,
}

impl Lang {
    /// Chinese when `LANG` (or `LC_ALL`, `LC_MESSAGES`) starts with `zh`, English otherwise.
    pub fn from_env() -> Lang {
        let var = ["LC_ALL", "LC_MESSAGES", "LANG"]
            .iter()
            .filter_map(|k| std::env::var(k).ok())
            .find(|v| !v.is_empty())
            .unwrap_or_default();
        Lang::from_locale(&var)
    }

    /// Chinese for `zh*` locales, English otherwise.
    pub fn from_locale(locale: &str) -> Lang {
        if locale.to_ascii_lowercase().starts_with("zh") {
            Lang::Zh
        } else {
            Lang::En
        }
    }

    /// The other language.
    pub fn toggled(self) -> Lang {
        match self {
            Lang::Zh => Lang::En,
            Lang::En => Lang::Zh,
        }
    }

    /// Picks the string for this language.
    pub fn pick<'a>(self, zh: &'a str, en: &'a str) -> &'a str {
        match self {
            Lang::Zh => zh,
            Lang::En => en,
        }
    }
}

/// A count with its noun in English, agreeing in number: `1 article`, `3 articles`.
pub fn count_en(n: usize, noun: &str) -> String {
    if n == 1 {
        format!("1 {noun}")
    } else {
        format!("{n} {noun}s")
    }
}

/// The name of a region kind.
pub fn kind(k: RegionKind, lang: Lang) -> &'static str {
    match k {
        RegionKind::Nation => lang.pick("国家", "nation"),
        RegionKind::Province => lang.pick("省级", "province"),
        RegionKind::City => lang.pick("地级市", "city"),
        RegionKind::District => lang.pick("市辖区", "district"),
        RegionKind::County => lang.pick("县", "county"),
        RegionKind::Park => lang.pick("园区", "park"),
    }
}

/// The name of a measure (how a figure relates to its metric).
pub fn measure(m: Measure, lang: Lang) -> &'static str {
    match m {
        Measure::Level => lang.pick("总量", "level"),
        Measure::Added => lang.pick("新增", "added"),
        Measure::Cumulative => lang.pick("累计", "cumulative"),
        Measure::Growth => lang.pick("增长", "growth"),
        Measure::Change => lang.pick("增减", "change"),
        Measure::Share => lang.pick("占比", "share"),
        Measure::Rank => lang.pick("排名", "rank"),
        Measure::Density => lang.pick("密度", "density"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn locale_picks_language() {
        assert_eq!(Lang::from_locale("zh_CN.UTF-8"), Lang::Zh);
        assert_eq!(Lang::from_locale("ZH_TW"), Lang::Zh);
        assert_eq!(Lang::from_locale("en_US.UTF-8"), Lang::En);
        assert_eq!(Lang::from_locale(""), Lang::En);
        assert_eq!(Lang::Zh.toggled(), Lang::En);
        assert_eq!(count_en(1, "article"), "1 article");
        assert_eq!(count_en(0, "figure"), "0 figures");
    }
}
