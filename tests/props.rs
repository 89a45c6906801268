//! Properties of the number parser, the article splitter and whole-file extraction over random
//! Chinese-news-like text and random bytes: they never panic, values are finite, and every
//! figure's span points at its raw text.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::collections::HashSet;
use std::path::Path;

use gaoxin::corpus::split_articles;
use gaoxin::extract::gazetteer::Gazetteer;
use gaoxin::extract::numbers::parse_number;
use gaoxin::pipeline::{assemble, extract_file};
use proptest::prelude::*;

fn pick(items: &'static [&'static str]) -> impl Strategy<Value = String> {
    prop::sample::select(items).prop_map(str::to_string)
}

const WORDS: &[&str] = &[
    "高新区",
    "成都高新区",
    "天津滨海高新区",
    "成都市",
    "武汉",
    "四川省",
    "全区",
    "园区",
    "该区",
    "全国",
    "企业",
    "高新技术企业",
    "营业收入",
    "同比增长",
    "研发投入",
    "人才",
    "项目",
    "突破",
    "超过",
    "近",
    "约",
    "达到",
    "预计",
    "力争",
    "其中",
    "年",
    "2023年",
    "去年",
    "今年",
    "第",
    "排名",
    "位居全国第",
    "本报记者 王晓涛",
    "本报讯",
    "记者",
    "新华社",
    "编辑",
    "图为",
    "《",
    "》",
    "一是",
    "GDP",
];
const DIGITS: &[&str] = &[
    "0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "０", "１", "２", "５", "９", ".", "．", ",",
];
const ZH_DIGITS: &[&str] = &[
    "零", "〇", "一", "二", "两", "三", "四", "五", "六", "七", "八", "九", "十", "百", "千",
];
const MAGNITUDES: &[&str] = &["万", "亿", "万亿", "千万", "百万", "余", "多", "余万"];
const UNITS: &[&str] = &[
    "家",
    "个",
    "人",
    "元",
    "亿元",
    "万元",
    "美元",
    "%",
    "％",
    "‰",
    "个百分点",
    "倍",
    "项",
    "名",
    "位",
    "平方米",
    "分之",
    "/",
];
const PUNCT: &[&str] = &[
    "，", "。", "、", "“", "”", "（", "）", "；", "：", "！", "？", "—", "-", "～", "…",
];
const LAYOUT: &[&str] = &[
    "\n", "\n\n", "\n\n\n", "  ", "    ", "\u{3000}", "\t", "\r\n", "# ", "\n# ", "\n## ",
];

/// A number as news prints it: Arabic (half- or fullwidth, separators, decimals) or Chinese
/// digits, a magnitude and a unit, each optional.
fn number() -> impl Strategy<Value = String> {
    let digits = prop_oneof![
        3 => prop::collection::vec(pick(DIGITS), 1..8),
        1 => prop::collection::vec(pick(ZH_DIGITS), 1..6),
    ];
    (
        digits,
        prop::option::of(pick(MAGNITUDES)),
        prop::option::of(pick(UNITS)),
    )
        .prop_map(|(d, m, u)| d.concat() + &m.unwrap_or_default() + &u.unwrap_or_default())
}

/// One token of news-like text.
fn token() -> impl Strategy<Value = String> {
    prop_oneof![
        6 => pick(WORDS),
        4 => number(),
        3 => pick(PUNCT),
        2 => pick(LAYOUT),
        1 => "[\u{4e00}-\u{9fa5}]{1,6}",
        1 => "[a-zA-Z ]{1,6}",
        1 => any::<char>().prop_map(String::from),
    ]
}

fn news_text() -> impl Strategy<Value = String> {
    prop::collection::vec(token(), 0..160).prop_map(|v| v.concat())
}

/// Text in the alphabet numerals are written in, for the number parser.
fn numeral_text() -> impl Strategy<Value = String> {
    prop::collection::vec(
        prop_oneof![
            pick(DIGITS),
            pick(ZH_DIGITS),
            pick(MAGNITUDES),
            pick(&[
                "%",
                "％",
                "‰",
                "/",
                "分之",
                "百分之",
                "-",
                "－",
                " ",
                "e",
                "E",
                "+",
                "点"
            ]),
        ],
        0..24,
    )
    .prop_map(|v| v.concat())
}

/// Bytes of a file: news text in some encoding, or that with random damage, or noise.
fn file_bytes() -> impl Strategy<Value = Vec<u8>> {
    prop_oneof![
        4 => news_text().prop_map(String::into_bytes),
        1 => news_text().prop_map(|t| encoding_rs::GBK.encode(&t).0.into_owned()),
        1 => news_text().prop_map(|t| {
            let mut b = vec![0xff, 0xfe];
            b.extend(t.encode_utf16().flat_map(u16::to_le_bytes));
            b
        }),
        1 => (news_text(), prop::collection::vec((any::<prop::sample::Index>(), any::<u8>()), 1..8))
            .prop_map(|(t, hits)| {
                let mut b = t.into_bytes();
                for (at, byte) in hits {
                    if !b.is_empty() {
                        let i = at.index(b.len());
                        b[i] = byte;
                    }
                }
                b
            }),
        1 => prop::collection::vec(any::<u8>(), 0..400),
    ]
}

/// Chinese numerals for 1..=9999 (`十二`, `一百零五`, `三千零一十`).
fn zh(n: u32) -> String {
    const D: [char; 10] = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];
    let digits = [n / 1000, n / 100 % 10, n / 10 % 10, n % 10];
    let mut s = String::new();
    let mut gap = false;
    for (d, unit) in digits.into_iter().zip(["千", "百", "十", ""]) {
        if d == 0 {
            gap = !s.is_empty();
            continue;
        }
        if gap {
            s.push('零');
            gap = false;
        }
        s.push(D[d as usize]);
        s.push_str(unit);
    }
    if (10..20).contains(&n) {
        s.remove(0);
    }
    s
}

fn fullwidth(s: &str) -> String {
    s.chars()
        .map(|c| match c {
            '0'..='9' => char::from_u32(c as u32 - '0' as u32 + '０' as u32).unwrap_or(c),
            _ => c,
        })
        .collect()
}

/// With thousands separators: `1,234,567`.
fn grouped(n: u64) -> String {
    let s = n.to_string();
    let mut out = String::new();
    for (i, c) in s.chars().enumerate() {
        if i > 0 && (s.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() <= b.abs() * 1e-12
}

/// Whole-file extraction and assembly: spans hold, values are finite, the dataset is valid.
fn check_file(bytes: &[u8]) -> Result<(), TestCaseError> {
    let gaz = Gazetteer::bundled();
    let Ok(file) = extract_file(gaz, "x.txt", bytes) else {
        return Ok(());
    };
    let ds = assemble(&[file], gaz);
    for f in &ds.figures {
        let a = ds.articles.iter().find(|a| a.id == f.article);
        let a = a.ok_or_else(|| TestCaseError::fail(format!("no article for {f:?}")))?;
        let chars: Vec<char> = a.text.chars().collect();
        let [s, e] = f.span;
        prop_assert!(s < e && e <= chars.len(), "{:?}", f);
        prop_assert_eq!(chars[s..e].iter().collect::<String>(), f.raw.clone());
        let [ss, se] = f.sentence;
        prop_assert!(ss <= s && e <= se && se <= chars.len(), "{:?}", f);
        prop_assert!(f.value.is_finite(), "{:?}", f);
    }
    if let Err(e) = gaoxin::dataset::validate(&ds, Path::new("x.json")) {
        return Err(TestCaseError::fail(e.to_string()));
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn parse_number_is_total_and_finite(s in numeral_text()) {
        if let Some(v) = parse_number(&s) {
            prop_assert!(v.is_finite(), "{s:?} → {v}");
        }
    }

    #[test]
    fn parse_number_never_panics_on_any_text(s in ".{0,40}") {
        if let Some(v) = parse_number(&s) {
            prop_assert!(v.is_finite(), "{s:?} → {v}");
        }
    }

    #[test]
    fn arabic_numbers_parse_to_their_value(n in 0u64..10_000_000_000, cents in 0u32..100) {
        let v = n as f64;
        prop_assert_eq!(parse_number(&n.to_string()), Some(v));
        prop_assert_eq!(parse_number(&fullwidth(&n.to_string())), Some(v));
        prop_assert_eq!(parse_number(&grouped(n)), Some(v));
        let wan = parse_number(&format!("{n}万")).unwrap_or(f64::NAN);
        prop_assert!(close(wan, v * 1e4), "{n}万 → {wan}");
        let dec = format!("{n}.{cents:02}");
        let parsed = parse_number(&dec).unwrap_or(f64::NAN);
        prop_assert!(close(parsed, dec.parse::<f64>().unwrap_or(f64::NAN)), "{dec} → {parsed}");
        let yi = parse_number(&format!("{dec}亿")).unwrap_or(f64::NAN);
        prop_assert!(close(yi, dec.parse::<f64>().unwrap_or(f64::NAN) * 1e8), "{dec}亿 → {yi}");
    }

    #[test]
    fn chinese_numerals_parse_to_their_value(n in 1u32..10_000, m in 1u32..10_000) {
        prop_assert_eq!(parse_number(&zh(n)), Some(f64::from(n)), "{}", zh(n));
        let wan = format!("{}万", zh(n));
        prop_assert_eq!(parse_number(&wan), Some(f64::from(n) * 1e4), "{}", wan);
        let yi = format!("{}亿", zh(m));
        prop_assert_eq!(parse_number(&yi), Some(f64::from(m) * 1e8), "{}", yi);
    }

    #[test]
    fn split_never_panics_and_keeps_only_input_text(text in news_text()) {
        // The splitter is given decoded text, whose line ends are already `\n`.
        let text = text.replace("\r\n", "\n").replace('\r', "\n");
        let seen: HashSet<char> = text.chars().collect();
        for a in split_articles(&text) {
            for c in a.text.chars().chain(a.title.chars()).chain(a.byline.chars()) {
                prop_assert!(c == '\n' || c == ' ' || seen.contains(&c), "{c:?} in {a:?}");
            }
            prop_assert!(!a.text.contains('\r'));
        }
    }

    #[test]
    fn extraction_spans_hold_on_news_text(text in news_text()) {
        check_file(text.as_bytes())?;
    }

    #[test]
    fn extraction_never_panics_on_any_bytes(bytes in file_bytes()) {
        check_file(&bytes)?;
    }
}
