use super::*;

fn close(a: Option<f64>, b: f64) -> bool {
    a.is_some_and(|a| (a - b).abs() <= 1e-9 * b.abs().max(1.0))
}

macro_rules! parses {
    ($($name:ident: $input:expr => $want:expr;)*) => {$(
        #[test]
        fn $name() {
            let got = parse_number($input);
            assert!(close(got, $want), "{:?} -> {:?}, want {}", $input, got, $want);
        }
    )*};
}

macro_rules! rejects {
    ($($name:ident: $input:expr;)*) => {$(
        #[test]
        fn $name() {
            assert_eq!(parse_number($input), None, "{:?}", $input);
        }
    )*};
}

parses! {
    plain_integer: "278" => 278.0;
    decimal: "18.02" => 18.02;
    leading_zero_decimal: "0.5" => 0.5;
    thousands_ascii: "1,234" => 1234.0;
    thousands_fullwidth_comma: "1，234" => 1234.0;
    thousands_many_groups: "12,345,678.5" => 12_345_678.5;
    fullwidth_digits: "１２３" => 123.0;
    fullwidth_point: "１．５" => 1.5;
    wan: "3.2万" => 32_000.0;
    wan_yi: "1.24万亿" => 1_240_000_000_000.0;
    half_wan_yi: "0.5万亿" => 500_000_000_000.0;
    yi: "5200亿" => 520_000_000_000.0;
    yi_decimal_exact: "801.76亿" => 80_176_000_000.0;
    qian_wan: "3千万" => 30_000_000.0;
    bai_wan: "2百万" => 2_000_000.0;
    yu_before_wan: "2100余万" => 21_000_000.0;
    yu_after_wan: "3万余" => 30_000.0;
    duo_after_digits: "300多" => 300.0;
    space_before_magnitude: "10 万" => 100_000.0;
    space_before_yu: "2000 余" => 2000.0;
    chinese_single: "三" => 3.0;
    chinese_liang: "两" => 2.0;
    chinese_ten: "十" => 10.0;
    chinese_teens: "十四" => 14.0;
    chinese_yu: "十余" => 10.0;
    chinese_hundreds_zero: "一百零五" => 105.0;
    chinese_liang_qian: "两千三百万" => 23_000_000.0;
    chinese_big: "九千九百九十九亿" => 999_900_000_000.0;
    chinese_wan_yi: "一万亿" => 1e12;
    chinese_abbrev: "三万五" => 35_000.0;
    chinese_decimal: "三点五亿" => 350_000_000.0;
    chinese_formal: "壹佰贰拾" => 120.0;
    chinese_year_digits: "二〇二三" => 2023.0;
    chinese_yibai_duo_wan: "一百多万" => 1_000_000.0;
    percent_sign: "18.02%" => 18.02;
    percent_fullwidth: "11.3％" => 11.3;
    percent_words: "百分之十二" => 12.0;
    percent_words_arabic: "百分之30" => 30.0;
    permille_words: "千分之五" => 5.0;
    fraction_slash: "1/4" => 0.25;
    fraction_fullwidth_slash: "1／4" => 0.25;
    fraction_words: "四分之一" => 0.25;
    fraction_two_thirds: "三分之二" => 2.0 / 3.0;
    negative: "-3.5" => -3.5;
    trimmed: "  42 " => 42.0;
    huge_but_finite: "123456789012345678901234567890123456789012345678901234567890" => 1.2345678901234568e59;
}

rejects! {
    empty: "";
    letters: "abc";
    double_point: "3..5";
    list_of_digits: "1,2,3";
    version_number: "1.2.3";
    bad_group: "1,23";
    long_first_group: "1234,567";
    trailing_word: "30家";
    digit_run_without_zero: "三四";
    magnitude_alone: "万";
    bai_qiang: "百强";
    infinite: "9e999";
    too_many_digits_overflow: &"9".repeat(400);
    improper_fraction: "5/4";
    zero_denominator: "1/0";
    nested_yi: "一亿亿";
}

#[test]
fn prefix_reports_length_and_flags() {
    let n = numeral_prefix("2100余万人口").unwrap();
    assert_eq!(&"2100余万人口"[..n.len], "2100余万");
    assert!(n.approx && n.magnitude);
    assert_eq!(n.script, Script::Arabic);
    let n = numeral_prefix("十余家").unwrap();
    assert_eq!(n.len, "十余".len());
    assert_eq!(n.script, Script::Chinese);
    assert!(n.approx && !n.magnitude);
}

#[test]
fn decimal_magnitudes_are_exact() {
    assert_eq!(parse_number("4.6亿"), Some(460_000_000.0));
    assert_eq!(parse_number("5.1亿"), Some(510_000_000.0));
    assert_eq!(parse_number("2.1万亿"), Some(2_100_000_000_000.0));
    assert_eq!(parse_number("20.14万"), Some(201_400.0));
}

#[test]
fn kilo_units_are_not_magnitudes() {
    let n = numeral_prefix("300千瓦").unwrap();
    assert_eq!((n.len, n.value), (3, 300.0));
    let n = numeral_prefix("100万千瓦").unwrap();
    assert_eq!((n.len, n.value), ("100万".len(), 1e6));
    let n = numeral_prefix("5千米").unwrap();
    assert_eq!(n.len, 1);
}

#[test]
fn magnitude_before_more_numerals_is_refused() {
    let n = numeral_prefix("2023百千万招聘").unwrap();
    assert_eq!((n.len, n.value, n.magnitude), (4, 2023.0, false));
}

#[test]
fn huge_strings_stay_finite() {
    let s = format!("{}万亿", "9".repeat(300));
    assert_eq!(parse_number(&s), None);
    let s = format!("0.{}1", "0".repeat(500));
    assert!(parse_number(&s).is_some_and(|v| v.is_finite() && v >= 0.0));
}

#[test]
fn ratio_prefix_forms() {
    assert_eq!(
        ratio_prefix("百分之十二的"),
        Some(("百分之十二".len(), Ratio::Percent(12.0)))
    );
    assert_eq!(
        ratio_prefix("四分之一以上"),
        Some(("四分之一".len(), Ratio::Fraction(0.25)))
    );
    assert_eq!(ratio_prefix("分之一"), None);
}

#[test]
fn slash_fraction_needs_small_proper_fraction() {
    assert_eq!(slash_fraction_prefix("1/4，"), Some((3, 0.25)));
    assert_eq!(slash_fraction_prefix("2022/2023"), None);
    assert_eq!(slash_fraction_prefix("1.5/4"), None);
}
