use super::*;

/// (raw, value, unit) of every quantity in `text`.
fn raws(text: &str) -> Vec<(String, f64, String)> {
    scan(text)
        .into_iter()
        .map(|q| (text[q.range].to_owned(), q.value, q.unit))
        .collect()
}

fn only(text: &str) -> (String, f64, String) {
    let all = raws(text);
    assert_eq!(all.len(), 1, "{text}: {all:?}");
    all.into_iter().next().unwrap()
}

fn none(text: &str) {
    let all = raws(text);
    assert!(all.is_empty(), "{text}: {all:?}");
}

fn triple(raw: &str, value: f64, unit: &str) -> (String, f64, String) {
    (raw.to_owned(), value, unit.to_owned())
}

#[test]
fn money_with_magnitudes() {
    assert_eq!(
        only("企业营业收入突破5200亿元。"),
        triple("5200亿元", 5.2e11, "元")
    );
    assert_eq!(
        only("实到外资1.71亿美元"),
        triple("1.71亿美元", 1.71e8, "美元")
    );
    assert_eq!(
        only("年总收入1.24万亿元，"),
        triple("1.24万亿元", 1.24e12, "元")
    );
    assert_eq!(
        only("交易金额达625.4万元"),
        triple("625.4万元", 6_254_000.0, "元")
    );
    assert_eq!(only("收入超千亿元"), triple("千亿元", 1e11, "元"));
}

#[test]
fn counts_and_measure_words() {
    assert_eq!(
        only("从业人员突破3.5万名"),
        triple("3.5万名", 35_000.0, "名")
    );
    assert_eq!(
        only("服务人数56.89万人次"),
        triple("56.89万人次", 568_900.0, "人次")
    );
    assert_eq!(
        only("建成工业载体100余万平方米"),
        triple("100余万平方米", 1e6, "平方米")
    );
    assert_eq!(only("接洽客商796批次"), triple("796批次", 796.0, "批次"));
    assert_eq!(only("其中两院院士26位，"), triple("26位", 26.0, "位"));
    assert_eq!(
        only("形成许龙路 10公里工业走廊"),
        triple("10公里", 10.0, "公里")
    );
    assert_eq!(only("12英寸单晶硅片"), triple("12英寸", 12.0, "英寸"));
    assert_eq!(only("装机容量100万千瓦"), triple("100万千瓦", 1e6, "千瓦"));
}

#[test]
fn hedges_inside_raw() {
    let qs = scan("常住人口达2100余万，");
    assert_eq!(qs.len(), 1);
    assert_eq!(qs[0].unit, "");
    assert_eq!(qs[0].value, 2.1e7);
    assert_eq!(qs[0].inner_qualifier, Some(Qualifier::Over));
    assert_eq!(
        only("腾退低效工业用地 2000 余亩"),
        triple("2000 余亩", 2000.0, "亩")
    );
    assert_eq!(
        only("在内的十余家企业获得授牌"),
        triple("十余家", 10.0, "家")
    );
    assert_eq!(only("300多家企业"), triple("300多家", 300.0, "家"));
    assert_eq!(scan("7家银行")[0].inner_qualifier, None);
}

#[test]
fn qualifier_words_stay_outside() {
    assert_eq!(
        only("发布超过 5.5万个招聘岗位"),
        triple("5.5万个", 55_000.0, "个")
    );
    assert_eq!(only("近30家"), triple("30家", 30.0, "家"));
    assert_eq!(only("约60亿元"), triple("60亿元", 6e9, "元"));
}

#[test]
fn percents_fractions_multiples() {
    assert_eq!(only("深井钻采提速18.02%"), triple("18.02%", 18.02, "%"));
    assert_eq!(only("同比增长 11.3％；"), triple("11.3％", 11.3, "%"));
    assert_eq!(
        only("高于平均水平20个百分点以上"),
        triple("20个百分点", 20.0, "个百分点")
    );
    assert_eq!(only("占比1/4。"), triple("1/4", 0.25, "ratio"));
    assert_eq!(only("占四分之一"), triple("四分之一", 0.25, "ratio"));
    assert_eq!(only("占百分之十二"), triple("百分之十二", 12.0, "%"));
    assert_eq!(only("是2012年的1.7倍"), triple("1.7倍", 1.7, "倍"));
    assert_eq!(only("将近四成为跨城求职者"), triple("四成", 4.0, "成"));
    assert_eq!(raws("610人，翻番完成任务")[1], triple("翻番", 2.0, "倍"));
}

#[test]
fn percents_kept_inside_quotes() {
    assert_eq!(only("“增长50%”"), triple("50%", 50.0, "%"));
}

#[test]
fn chinese_numerals_need_measure_words() {
    assert_eq!(only("打造了人才交流中心两处，"), triple("两处", 2.0, "处"));
    assert_eq!(
        only("专家智库服务站一处，多功能"),
        triple("一处", 1.0, "处")
    );
    assert_eq!(only("提出两条具体工作举措"), triple("两条", 2.0, "条"));
    for text in [
        "一批企业",
        "一系列决策",
        "一体化",
        "统一",
        "一流",
        "之一",
        "一些",
        "一道",
        "一起",
        "十四五",
        "两院院士",
        "双城",
        "三字经",
        "万众创新",
        "一是",
        "二是",
        "（一）",
        "突出一个“早”字",
        "一次性奖励",
        "二次开发",
        "三位一体",
        "两位数增长",
        "一成不变",
    ] {
        none(text);
    }
}

#[test]
fn dates_years_durations_are_skipped() {
    for text in [
        "2023年7月20日",
        "12月15日晚",
        "6月28日",
        "截至8月31日",
        "2021年",
        "2022年以来",
        "2023中国年度",
        "30年前",
        "十年来",
        "连续33年",
        "一年多来",
        "3天",
        "二〇二三年",
        "3个月",
        "3个多月",
        "72小时",
        "8点",
        "今年1-8月",
        "18岁",
    ] {
        none(text);
    }
}

#[test]
fn ordinals_are_skipped_ranks_are_kept() {
    for text in [
        "第三十五届",
        "第四届",
        "第二场招商技能擂台赛",
        "第一时间",
        "第一场",
        "全国第一个",
    ] {
        none(text);
    }
    assert_eq!(only("位居全国第4，"), triple("第4", 4.0, "位次"));
    assert_eq!(
        only("位列中国百强区第44位，"),
        triple("第44位", 44.0, "位次")
    );
    assert_eq!(only("继续保持第四位。"), triple("第四位", 4.0, "位次"));
    assert_eq!(only("数量稳居全球第一"), triple("第一", 1.0, "位次"));
    assert_eq!(only("位列全市首位；"), triple("首位", 1.0, "位次"));
    let top = scan("占比排名前十");
    assert_eq!(top[0].inner_qualifier, Some(Qualifier::UpTo));
    assert_eq!(top[0].value, 10.0);
}

#[test]
fn names_and_slogans_are_skipped() {
    for text in [
        "“315”科技创新体系",
        "“113X”",
        "“1264”战略",
        "“4+1”专项基金",
        "“3+N”产业体系",
        "“一园两基地两行动”",
        "“四大清单”",
        "“人才创新创业就业9条”",
        "《2023年度报告》",
        "“如7而遇”",
    ] {
        none(text);
    }
    // Outside the quote the count is kept.
    assert_eq!(
        only("“人才创新创业就业9条”等政策措施32个"),
        triple("32个", 32.0, "个")
    );
}

#[test]
fn codes_and_models_are_skipped() {
    for text in [
        "5G基站",
        "H7N9",
        "C919大飞机",
        "DDE",
        "COVID-19",
        "8:30开始",
        "版本1.2.3",
        "2022/2023",
    ] {
        none(text);
    }
    assert_eq!(only("新增装机200MW，"), triple("200MW", 200.0, "MW"));
}

#[test]
fn bare_numbers_are_not_figures() {
    none("第3版");
    none("1.加强领导");
    none("编号123456");
    assert_eq!(only("人才总量超30万"), triple("30万", 300_000.0, ""));
}

#[test]
fn ranges_and_rank_moves() {
    none("创建1-3家全国标杆");
    assert_eq!(only("较2017年分别前进4位"), triple("4位", 4.0, "位次"));
    assert_eq!(raws("分别前进4位和16位；")[1], triple("16位", 16.0, "位次"));
    assert_eq!(only("院士4位和专家"), triple("4位", 4.0, "位"));
    let text = "排名位列第21位和第35位，";
    assert_eq!(raws(text).len(), 2);
    none("连续三个季度综合成绩");
    // `了` between the verb and the places moved.
    assert_eq!(only("排名分别提升了5位，"), triple("5位", 5.0, "位次"));
    assert_eq!(
        raws("分别提升了6位、2位和9位，")[2],
        triple("9位", 9.0, "位次")
    );
    assert_eq!(scan("前进4位")[0].kind, QuantityKind::Move);
    assert_eq!(scan("位列第4位")[0].kind, QuantityKind::Rank);
}

#[test]
fn numbers_listed_after_a_rank_are_ranks() {
    assert_eq!(
        raws("分别位列第12、45、73和91位，"),
        [
            triple("第12", 12.0, "位次"),
            triple("45", 45.0, "位次"),
            triple("73", 73.0, "位次"),
            triple("91位", 91.0, "位次"),
        ]
    );
    assert_eq!(
        raws("位列第105、121和140位")[2],
        triple("140位", 140.0, "位次")
    );
    assert_eq!(raws("分别居全国第三、五名。").len(), 2);
    assert_eq!(raws("位居第3、5。")[1], triple("5", 5.0, "位次"));
    // Each rank with its own 第 is read as before.
    assert_eq!(
        raws("位列第21位和第35位")[1],
        triple("第35位", 35.0, "位次")
    );
    // Not ranks: a count after the rank, a list that goes on into a noun, an ordinal.
    assert_eq!(
        raws("位居第3、5家企业"),
        [triple("第3", 3.0, "位次"), triple("5家", 5.0, "家")]
    );
    assert_eq!(
        raws("位列第12、45、73和91位、3家")[4],
        triple("3家", 3.0, "家")
    );
    none("第三、四届");
    assert_eq!(raws("位居全国第一和2.5亿元").len(), 2);
}

#[test]
fn policy_names_ending_in_tiao() {
    none("制定人才十条、科创十一条等配套政策");
    none("关于实施意见30条”");
    assert_eq!(only("配套出台21条专项政策"), triple("21条", 21.0, "条"));
}

#[test]
fn vague_and_bare_magnitudes() {
    none("数十家企业");
    none("几百个项目");
    none("每万人口");
    none("千家万户");
    none("关系到千家万户的美好生活");
    none("国家千人计划");
    none("数亿元");
    let q = scan("吸引千余家企业");
    assert_eq!(
        (q[0].value, q[0].inner_qualifier),
        (1000.0, Some(Qualifier::Over))
    );
    assert_eq!(only("服务近万人"), triple("万人", 10_000.0, "人"));
    assert_eq!(only("超千万元"), triple("千万元", 1e7, "元"));
    assert_eq!(only("年销售额超亿元。"), triple("亿元", 1e8, "元"));
    // A bare currency magnitude names a class of projects or firms, not an amount.
    assert_eq!(
        only("新引进190个亿元以上项目"),
        triple("190个", 190.0, "个")
    );
    assert_eq!(only("特别是亿元以上项目45个"), triple("45个", 45.0, "个"));
    assert_eq!(only("税收过亿元企业达到23家"), triple("23家", 23.0, "家"));
    none("每万元GDP能耗");
}

#[test]
fn indicator_acronyms_do_not_glue() {
    assert_eq!(only("实现GDP1499亿元"), triple("1499亿元", 1.499e11, "元"));
    none("ARJ21支线飞机");
}

#[test]
fn rates_keep_their_per_unit() {
    assert_eq!(
        only("产能2.6万吨/年"),
        triple("2.6万吨/年", 26_000.0, "吨/年")
    );
}

#[test]
fn fullwidth_and_separators() {
    assert_eq!(only("共１２３家"), triple("１２３家", 123.0, "家"));
    assert_eq!(
        only("收入1,234万元"),
        triple("1,234万元", 12_340_000.0, "元")
    );
    assert_eq!(only("共有1，500家"), triple("1，500家", 1500.0, "家"));
}

#[test]
fn ranges_are_on_char_boundaries_and_ordered() {
    let text = "全区拥有高新技术企业2443家，科技型中小企业2130家，独角兽企业3家，同比增长5.9%。";
    let qs = scan(text);
    assert_eq!(qs.len(), 4);
    for w in qs.windows(2) {
        assert!(w[0].range.end <= w[1].range.start);
    }
    for q in &qs {
        assert!(text.is_char_boundary(q.range.start) && text.is_char_boundary(q.range.end));
    }
    assert_eq!(&text[qs[3].range.clone()], "5.9%");
}

#[test]
fn kinds() {
    let kinds: Vec<QuantityKind> = scan("23家，18%，1/4，位居全国第3，")
        .into_iter()
        .map(|q| q.kind)
        .collect();
    use QuantityKind::*;
    assert_eq!(kinds, vec![Number, Percent, Fraction, Rank]);
}

#[test]
fn pathological_inputs_finish() {
    // Unclosed quotes, endless digit and numeral runs, ordinals: each must stay linear.
    let mut text = "“".repeat(20_000);
    text.push_str(&"1".repeat(20_000));
    text.push_str(&"一".repeat(20_000));
    text.push_str(&"第".repeat(20_000));
    text.push_str(&"1,".repeat(20_000));
    text.push_str(&"《3家》".repeat(20_000));
    let qs = scan(&text);
    assert!(qs.iter().all(|q| q.value.is_finite()));
    // The three-digit groups after `1,` never form a number with a unit, titles shield the rest.
    assert!(qs.is_empty(), "{:?}", qs.first());
}

mod props {
    use super::super::*;
    use proptest::prelude::*;

    fn alphabet() -> impl Strategy<Value = String> {
        let pieces = prop::sample::select(vec![
            "0", "1", "9", "０", "５", ".", "．", ",", "，", "/", "%", "％", "-", "+", " ", "\n",
            "一", "二", "两", "十", "百", "千", "万", "亿", "零", "〇", "余", "多", "点", "分之",
            "第", "前", "首位", "翻番", "元", "家", "人次", "个", "年", "月", "位", "成", "“", "”",
            "《", "》", "居", "全国", "A", "G", "是", "，", "。",
        ]);
        prop::collection::vec(pieces, 0..40).prop_map(|v| v.concat())
    }

    proptest! {
        #[test]
        fn scan_is_total_and_well_formed(text in alphabet()) {
            let qs = scan(&text);
            let mut last = 0;
            for q in qs {
                prop_assert!(q.range.start >= last);
                prop_assert!(q.range.start < q.range.end);
                prop_assert!(text.is_char_boundary(q.range.start));
                prop_assert!(text.is_char_boundary(q.range.end));
                prop_assert!(q.value.is_finite());
                last = q.range.end;
            }
        }

        #[test]
        fn scan_never_panics_on_any_string(text in any::<String>()) {
            for q in scan(&text) {
                prop_assert!(!text[q.range].is_empty());
                prop_assert!(q.value.is_finite());
            }
        }

        #[test]
        fn parse_number_is_total(text in alphabet()) {
            if let Some(v) = numbers::parse_number(&text) {
                prop_assert!(v.is_finite());
            }
        }

        #[test]
        fn parse_number_never_panics(text in any::<String>()) {
            if let Some(v) = numbers::parse_number(&text) {
                prop_assert!(v.is_finite());
            }
        }

        #[test]
        fn parse_number_reads_plain_decimals(int in 0u64..1_000_000_000, frac in 0u32..1000) {
            let s = format!("{int}.{frac:03}");
            let want: f64 = s.parse().unwrap();
            prop_assert_eq!(numbers::parse_number(&s), Some(want));
        }
    }
}

#[test]
fn negative_numbers_keep_their_sign() {
    assert_eq!(only("利润增长-69.1%。"), triple("-69.1%", -69.1, "%"));
    assert_eq!(only("净利润下滑（-69.1%）"), triple("-69.1%", -69.1, "%"));
    assert_eq!(only("净利润(−3.5亿元)"), triple("−3.5亿元", -3.5e8, "元"));
    // Dashes that are no sign: a range, a code, a double dash.
    for text in [
        "新增1-3家",
        "型号C-919客机",
        "编号A-5家",
        "2021-2023年新增5家",
    ] {
        assert!(
            raws(text).iter().all(|(_, v, _)| *v >= 0.0),
            "{text}: {:?}",
            raws(text)
        );
    }
}
