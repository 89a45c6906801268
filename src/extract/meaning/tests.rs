//! Rules of meaning, each with cases that must not fire.

use super::*;

fn read_in(text: &str, raw: &str, label: &str, unit: &str) -> Meaning {
    let i = text.find(raw).expect("raw in text");
    let at = i..i + raw.len();
    let spot = Spot {
        text,
        clause: super::super::context::clause(text, at.clone()),
        sentence: super::super::context::sentence(text, at.clone()),
        at,
        unit,
        kind: QuantityKind::Number,
        qualifier: Qualifier::Exact,
        places: &[],
        after: None,
    };
    read(&spot, label)
}

fn m(measure: Measure, metric: Option<&'static str>, scope: Option<&str>) -> Meaning {
    Meaning {
        measure,
        metric,
        scope: scope.map(str::to_string),
    }
}

#[test]
fn growth_keeps_the_metric_it_is_about() {
    let got = read_in(
        "规模以上工业增加值同比增长12.5%。",
        "12.5%",
        "规模以上工业增加值同比增长",
        "%",
    );
    assert_eq!(
        got,
        m(Measure::Growth, Some("industrial_value_added"), None)
    );
    let got = read_in("营业收入翻一番", "翻一番", "营业收入", "");
    assert_eq!(got.measure, Measure::Growth);
}

#[test]
fn shares_name_their_part() {
    let got = read_in(
        "占全市规模以上工业总产值的41.3%",
        "41.3%",
        "占全市规模以上工业总产值的",
        "%",
    );
    assert_eq!(got.measure, Measure::Share);
    let got = read_in(
        "有效发明专利拥有量占大连市比重42%",
        "42%",
        "有效发明专利拥有量占大连市比重",
        "%",
    );
    assert_eq!(got, m(Measure::Share, Some("invention_patents"), None));
    // R&D spending's share of GDP is R&D intensity.
    let got = read_in(
        "全社会R&D经费支出占地区GDP比重达3.33%",
        "3.33%",
        "全社会R&D经费支出占地区GDP比重",
        "%",
    );
    assert_eq!(got, m(Measure::Level, Some("rd_intensity"), None));
    let got = read_in(
        "高校R&D经费占全县R&D经费比重为12.4%",
        "12.4%",
        "高校R&D经费占全县R&D经费比重",
        "%",
    );
    assert_eq!(got.metric, Some("rd_spending"));
    // A plain percentage level is not a share.
    let got = read_in("研发投入强度达6%", "6%", "研发投入强度", "%");
    assert_eq!(got, m(Measure::Level, Some("rd_intensity"), None));
}

#[test]
fn changes_added_and_cumulative() {
    let got = read_in("R&D经费比上年增加106.87亿元", "106.87亿元", "R&D经费", "元");
    assert_eq!(got, m(Measure::Change, Some("rd_spending"), None));
    // Growing to a level is a level.
    let got = read_in("营业收入增长到934亿元", "934亿元", "营业收入", "元");
    assert_eq!(got.measure, Measure::Level);
    let got = read_in("新增高新技术企业120家", "120家", "高新技术企业", "家");
    assert_eq!(got, m(Measure::Added, Some("high_tech_enterprises"), None));
    let got = read_in("累计引进重大产业项目410个", "410个", "重大产业项目", "个");
    assert_eq!(got.measure, Measure::Cumulative);
    let got = read_in("排名提高0.5个百分点", "0.5个百分点", "排名提高", "个百分点");
    assert_eq!(got.measure, Measure::Change);
    // A rate that reaches a new level is that level.
    let got = read_in(
        "研发投入强度提升到2022年的2.7%",
        "2.7%",
        "研发投入强度",
        "%",
    );
    assert_eq!(got, m(Measure::Level, Some("rd_intensity"), None));
    let got = read_in("研发投入强度提升0.6%", "0.6%", "研发投入强度", "%");
    assert_eq!(got.measure, Measure::Growth);
}

#[test]
fn scope_from_the_noun_phrase() {
    let got = read_in("生物医药企业1600余家", "1600余家", "生物医药企业", "家");
    assert_eq!(
        got,
        m(Measure::Level, Some("enterprises"), Some("生物医药"))
    );
    let got = read_in(
        "国家级科技企业孵化器9家",
        "9家",
        "国家级科技企业孵化器",
        "家",
    );
    assert_eq!(got, m(Measure::Level, Some("incubators"), Some("国家级")));
    // Words that keep the whole region are no scope.
    let got = read_in("全区高新技术企业93家", "93家", "全区高新技术企业", "家");
    assert_eq!(got, m(Measure::Level, Some("high_tech_enterprises"), None));
    let got = read_in(
        "规模以上工业总产值706亿元",
        "706亿元",
        "规模以上工业总产值",
        "元",
    );
    assert_eq!(got.scope, None);
}

#[test]
fn participants_caps_and_thresholds_are_no_indicator() {
    let got = read_in("参加用人单位8589家", "8589家", "参加用人单位", "家");
    assert_eq!(got.metric, None);
    let got = read_in("1600家高新技术企业参与", "1600家", "高新技术企业", "家");
    assert_eq!(got.metric, None);
    let got = read_in("引进5000万元以上项目841个", "5000万元", "", "元");
    assert_eq!(got.metric, None);
    let i = "最高给予200万元奖励".find("200").unwrap();
    let text = "最高给予200万元奖励";
    let all = 0..text.len();
    let spot = Spot {
        text,
        at: i..i + 9,
        clause: all.clone(),
        sentence: all,
        unit: "元",
        kind: QuantityKind::Number,
        qualifier: Qualifier::UpTo,
        places: &[],
        after: None,
    };
    let got = read(&spot, "奖励");
    assert_eq!(got.metric, None);
    // Counting the region's own firms is an indicator.
    let got = read_in("拥有高新技术企业2443家", "2443家", "高新技术企业", "家");
    assert_eq!(got.metric, Some("high_tech_enterprises"));
}

#[test]
fn comparisons_with_a_yardstick_are_no_indicator_value() {
    let got = read_in(
        "增速低于全省0.6个百分点",
        "0.6个百分点",
        "R&D经费增速低于全省",
        "个百分点",
    );
    assert_eq!(got.metric, None);
    assert!(compares("高于全国平均水平"));
    assert!(compares("投入强度超过全市平均水平的区"));
    // A hedge at the end, a name of a growth: no comparison.
    assert!(!compares("营业收入超过"));
    assert!(!compares("营业收入同比增长"));
    assert!(is_bare("低于全省"));
    assert!(is_bare("高于全国平均水平"));
    assert!(!is_bare("是全市平均拥有量"));
}

#[test]
fn subject_drops_rate_words() {
    assert_eq!(subject("R&D经费增速低于全国"), "R&D经费");
    assert_eq!(subject("R&D经费比上年增长"), "R&D经费");
    assert_eq!(
        subject("R&D经费投入强度超过全市平均水平的区"),
        "R&D经费投入强度"
    );
    assert_eq!(subject("营业收入同比增长"), "营业收入");
    assert_eq!(subject("工业占地区生产总值的比重"), "工业");
    assert_eq!(subject("高新技术企业数量"), "高新技术企业");
    assert_eq!(subject("占地面积"), "占地面积");
}

#[test]
fn a_full_width_aside_is_skipped_whole() {
    // `）` is three bytes: the head after it is read from the next character.
    let got = read_in(
        "研究与试验发展（简称R&D）经费88亿元",
        "88亿元",
        "研究与试验发展（简称R&D）经费",
        "元",
    );
    assert_eq!(got.metric, Some("rd_spending"));
    let got = read_in(
        "研发经费（全年）投入88亿元",
        "88亿元",
        "研发经费（全年）投入",
        "元",
    );
    assert_eq!(got.metric, Some("rd_spending"));
}
