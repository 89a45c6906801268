use super::*;

fn gaz() -> &'static Gazetteer {
    Gazetteer::bundled()
}

fn code(name: &str) -> u32 {
    gaz()
        .divisions()
        .iter()
        .find(|d| d.name == name)
        .map(|d| d.code)
        .unwrap()
}

/// (surface, place) pairs for compact assertions.
fn found(text: &str) -> Vec<(String, Place)> {
    find_mentions(gaz(), text)
        .into_iter()
        .map(|m| {
            assert_eq!(&text[m.range.clone()], m.surface);
            (m.surface, m.place)
        })
        .collect()
}

fn park(name: &str, parent: Option<u32>) -> Place {
    Place::Park {
        name: name.to_string(),
        parent,
    }
}

#[test]
fn divisions_by_full_and_short_name() {
    let f = found("四川省成都市金牛区，以及成都、延边、内蒙古和黑龙江。");
    let places: Vec<Place> = f.iter().map(|x| x.1.clone()).collect();
    assert_eq!(
        places,
        [
            Place::Division(510000),
            Place::Division(510100),
            Place::Division(510106),
            Place::Division(510100),
            Place::Division(222400),
            Place::Division(150000),
            Place::Division(230000),
        ]
    );
}

#[test]
fn nation_words() {
    let f = found("全国173家国家高新区，我国经济");
    assert_eq!(f.len(), 2);
    assert_eq!(f[0], ("全国".to_string(), Place::Nation));
    assert_eq!(f[1].1, Place::Nation);
}

#[test]
fn municipality_districts() {
    let f = found("天津滨海新区和上海浦东新区");
    assert_eq!(f[0].1, Place::Division(120000));
    assert_eq!(f[1].1, Place::Division(120116));
    assert_eq!(gaz().city_of(120116), Some(120000));
    assert_eq!(f[3].1, Place::Division(code("浦东新区")));
}

#[test]
fn parks_by_pattern() {
    let f = found("近年来，德阳高新区牢固树立人才战略。");
    assert_eq!(
        f,
        [("德阳高新区".to_string(), park("德阳高新区", Some(510600)))]
    );
    let f = found("成都国家高新区与成都高新技术产业开发区是一回事。");
    assert_eq!(f[0].1, park("成都高新区", Some(510100)));
    assert_eq!(f[1].1, park("成都高新区", Some(510100)));
    let f = found("武汉经济技术开发区，长春新区");
    assert_eq!(f[0].1, park("武汉经开区", Some(420100)));
    assert_eq!(f[1].1, park("长春新区", Some(220100)));
}

#[test]
fn park_place_part_links_most_specific_division() {
    let f = found("十年来，宜春丰城高新区发展迅速。");
    assert_eq!(f[0].1, park("宜春丰城高新区", Some(360981)));
    assert_eq!(Place::Division(360981).city(gaz()), Some(360900));
    let f = found("十年来，天津滨海高新区发展迅速。");
    assert_eq!(f[0].1, park("天津滨海高新区", Some(120116)));
    let f = found("重点建设的西部科学城自贡科技园");
    assert_eq!(f[0].1, park("西部科学城自贡科技园", Some(510300)));
    let f = found("延吉高新区");
    assert_eq!(f[0].1.city(gaz()), Some(222400));
}

#[test]
fn bracketed_division_is_the_parent() {
    let f = found("临江高新区(钱塘区)与浙江省金融控股有限公司");
    assert_eq!(f[0].0, "临江高新区(钱塘区)");
    assert_eq!(f[0].1, park("临江高新区", Some(330114)));
    assert_eq!(f[0].1.city(gaz()), Some(330100));
    assert_eq!(f[1].1, Place::Division(330000));
}

#[test]
fn non_division_place_part_takes_context() {
    let f = found("长沙高新区全力调优产业结构。数据显示，十年来，麓谷园区新增市场主体");
    assert_eq!(f[1].1, park("麓谷园区", Some(430100)));
    let f = found("东莞松山湖高新区");
    assert_eq!(f[0].1, park("东莞松山湖高新区", Some(441900)));
    let f = found("以来,青岛西海岸新区");
    assert_eq!(f[0].1, park("青岛西海岸新区", Some(370200)));
}

#[test]
fn bare_suffixes_are_not_parks() {
    for text in [
        "该高新区目前已形成产业体系",
        "，助力高新区高质量发展",
        "奋力开创了高新区高质量发展",
        "在工业园区",
        "启用“政务服务高新区",
        "服务网点全部集聚高新区",
        "创建具有世界影响力的高科技园区",
        "各国家高新区",
        "连续4年位列省级高新区",
    ] {
        assert!(
            found(text)
                .iter()
                .all(|(_, p)| !matches!(p, Place::Park { .. })),
            "{text}: {:?}",
            found(text)
        );
    }
    assert!(is_anaphor("该高新区"));
    assert!(is_anaphor("园区"));
    assert!(is_anaphor("全区"));
    assert!(!is_anaphor("德阳高新区"));
}

#[test]
fn enumerations_name_one_park_each() {
    let f = found("成都、武汉、沈阳……等国家高新区");
    let names: Vec<Place> = f.into_iter().map(|x| x.1).collect();
    assert_eq!(
        names,
        [
            park("成都高新区", Some(510100)),
            park("武汉高新区", Some(420100)),
            park("沈阳高新区", Some(210100)),
        ]
    );
    let f = found("西安、上海张江等高新区");
    assert_eq!(f[0].1, park("西安高新区", Some(610100)));
    assert_eq!(f[1].1, park("上海张江高新区", Some(310000)));
    assert_eq!(f[1].0, "上海张江");
}

#[test]
fn short_names_listed_before_a_park_name_one_park_each() {
    let parks = |text: &str| -> Vec<Place> { found(text).into_iter().map(|x| x.1).collect() };
    assert_eq!(
        parks("常州和武进国家高新区全国排名位列第21位和第35位")[..2],
        [
            park("常州高新区", Some(320400)),
            park("武进高新区", Some(320412)),
        ]
    );
    let f = parks("株洲、湘潭、衡阳高新区排位稳步上升");
    assert_eq!(f.len(), 3, "{f:?}");
    assert!(f.iter().all(|p| matches!(p, Place::Park { .. })), "{f:?}");
    // As many names as the count before the suffix says.
    let f = parks("绵阳、德阳、乐山、宜宾4家高新区进入全国前80名");
    assert_eq!(f.len(), 5, "{f:?}");
    assert!(
        f[..4].iter().all(|p| matches!(p, Place::Park { .. })),
        "{f:?}"
    );
    assert_eq!(f[4], Place::Nation);
    // Not parks: a full city name, a province, a count that does not match, no list at all.
    assert_eq!(parks("德阳市和成都高新区签约")[0], Place::Division(510600));
    assert_eq!(parks("四川和成都高新区")[0], Place::Division(510000));
    let f = parks("绵阳、德阳、乐山5家高新区");
    assert!(f.iter().all(|p| matches!(p, Place::Division(_))), "{f:?}");
    let f = parks("绵阳、德阳4家高新区");
    assert!(f.iter().all(|p| matches!(p, Place::Division(_))), "{f:?}");
}

#[test]
fn ambiguous_short_names_use_context() {
    assert!(found("朝阳的企业").is_empty(), "{:?}", found("朝阳的企业"));
    assert_eq!(found("北京朝阳的企业")[1].1, Place::Division(110105));
    assert_eq!(
        found("北京市的企业很多。朝阳的企业")[1].1,
        Place::Division(110105)
    );
    assert_eq!(found("辽宁朝阳的企业")[1].1, Place::Division(211300));
    assert_eq!(found("鼓楼区").len(), 0);
    assert_eq!(found("南京市鼓楼区")[1].1, Place::Division(320106));
    assert_eq!(found("西安的企业")[0].1, Place::Division(610100));
    assert_eq!(found("河北的企业")[0].1, Place::Division(130000));
    assert_eq!(found("吉林市")[0].1, Place::Division(220200));
}

#[test]
fn county_short_forms_need_support() {
    assert!(found("剑阁开钻").is_empty());
    assert_eq!(found("在四川剑阁开钻")[1].1, Place::Division(510823));
    assert_eq!(found("成都市金牛区和金牛")[2].1, Place::Division(510106));
    assert!(
        found("提高县域经济").is_empty(),
        "{:?}",
        found("提高县域经济")
    );
    assert_eq!(found("湛河区")[0].1, Place::Division(410411));
}

#[test]
fn false_positive_guards() {
    for text in [
        "交通州际公路",
        "长安汽车销量",
        "东方红",
        "和平发展",
        "新华社记者",
        "中山路上",
        "开发区",
        "城区人口",
        "新区建设",
        "永和豆浆",
        "市中心",
        "阿里巴巴",
        "加强合作",
    ] {
        assert!(found(text).is_empty(), "{text}: {:?}", found(text));
    }
}

#[test]
fn ranges_are_sorted_and_disjoint() {
    let text = "成都、武汉等国家高新区，天津滨海高新区，北京朝阳和全国";
    let ms = find_mentions(gaz(), text);
    assert!(ms.windows(2).all(|w| w[0].range.end <= w[1].range.start));
    assert!(ms.iter().all(|m| text.is_char_boundary(m.range.start)));
}

proptest::proptest! {
    #[test]
    fn never_panics(s in "[成都高新区、等（）()天津滨海上海张江全国a-z0-9，。 ]{0,40}") {
        let ms = find_mentions(gaz(), &s);
        for m in &ms {
            proptest::prop_assert_eq!(&s[m.range.clone()], m.surface.as_str());
        }
    }
}

#[test]
fn canonical_names_use_short_forms() {
    let f = found("晨曦中的四川省自贡市高新区");
    assert_eq!(f[0].1, park("自贡高新区", Some(510300)));
    assert_eq!(f[0].0, "四川省自贡市高新区");
    let f = found("德阳市高新区");
    assert_eq!(f[0].1, park("德阳高新区", Some(510600)));
}

#[test]
fn province_wide_zones_and_repeated_suffixes_are_not_parks() {
    let f = found("青岛高新区在山东省开发区中率先完成");
    assert_eq!(f.len(), 2);
    assert_eq!(f[1].1, Place::Division(370000));
    let f = found("宜春丰城高新区高新区产业");
    assert_eq!(f.len(), 1);
    assert_eq!(f[0].1, park("宜春丰城高新区", Some(360981)));
    let f = found("获批建设山东半岛国家自主创新示范区");
    assert_eq!(f[0].1, park("山东半岛自创区", Some(370000)));
}

#[test]
fn province_context_does_not_pick_obscure_counties() {
    // 吉林省 has a 西安区 (辽源市); a mention of the province elsewhere must not pull 西安 there.
    let f = found("吉林省的企业。西安、上海张江等高新区");
    assert_eq!(f[1].1, park("西安高新区", Some(610100)));
    assert!(found("湖南省积极建设西部陆海新通道").len() == 1);
}

fn parks_of(text: &str) -> Vec<(String, Place)> {
    found(text)
        .into_iter()
        .filter(|(_, p)| matches!(p, Place::Park { .. }))
        .collect()
}

#[test]
fn listed_zones_and_nicknames_are_parks() {
    let east_lake = park("武汉东湖高新区", Some(420100));
    assert_eq!(parks_of("光谷企业数量")[0].1, east_lake);
    assert_eq!(
        parks_of("中国光谷的企业")[0],
        ("中国光谷".into(), east_lake.clone())
    );
    assert_eq!(parks_of("武汉东湖新技术开发区管委会")[0].1, east_lake);
    let f = found("湖北武汉东湖新技术开发区管委会");
    assert_eq!(f[0].1, Place::Division(420000));
    assert_eq!(f[1], ("武汉东湖新技术开发区".into(), east_lake.clone()));
    assert_eq!(parks_of("东湖高新区发布")[0].1, east_lake);
    let f = found("中新天津生态城已累计导入项目");
    assert_eq!(f.len(), 1);
    assert_eq!(f[0].1, park("中新天津生态城", Some(120000)));
    assert_eq!(
        parks_of("中关村的企业")[0].1,
        park("中关村科技园", Some(110000))
    );
}

#[test]
fn listed_zones_link_pattern_parks_to_their_division() {
    assert_eq!(
        parks_of("两江新区发布")[0].1,
        park("重庆两江新区", Some(500000))
    );
    assert_eq!(
        parks_of("四川天府新区")[0].1,
        park("四川天府新区", Some(510000))
    );
    assert_eq!(
        parks_of("在仲恺高新区")[0].1,
        park("仲恺高新区", Some(441300))
    );
    assert_eq!(
        parks_of("兰白自创区")[0].1,
        park("兰白自创区", Some(620000))
    );
    // A zone spanning several cities is the province's, not the city the article is about.
    let f = parks_of("常州市推进苏南国家自主创新示范区建设");
    assert_eq!(f[0].1, park("苏南自创区", Some(320000)));
    // The park's own division stays where it lies inside the zone's.
    assert_eq!(
        parks_of("天津滨海高新区")[0].1,
        park("天津滨海高新区", Some(120116))
    );
    assert_eq!(
        parks_of("深圳光明科学城")[0].1,
        park("光明科学城", Some(440311))
    );
    assert_eq!(
        parks_of("广州南沙新区")[0].1,
        park("广州南沙新区", Some(440115))
    );
    // A nickname inside a pattern-found park places it when no division does.
    assert_eq!(
        parks_of("光谷科技园")[0].1,
        park("光谷科技园", Some(420100))
    );
}

#[test]
fn zone_links_that_must_not_fire() {
    // Three 火炬 zones, two 医药 zones: the bare form names none of them.
    assert_eq!(parks_of("火炬高新区")[0].1, park("火炬高新区", None));
    assert_eq!(parks_of("医药高新区")[0].1, park("医药高新区", None));
    // Names made of division names stay divisions.
    assert_eq!(found("上海浦东新区")[1].1, Place::Division(310115));
    assert_eq!(found("天津滨海新区")[1].1, Place::Division(120116));
    // Not a listed name: the pattern's parent stands.
    assert_eq!(
        parks_of("武汉高新区")[0].1,
        park("武汉高新区", Some(420100))
    );
    assert!(parks_of("张江说").is_empty(), "a bare 张江 may be a person");
    assert!(parks_of("东湖公园").is_empty());
    assert!(parks_of("光谷大道上").is_empty());
    assert!(parks_of("中关村大街").is_empty());
    assert!(parks_of("光谷广场").is_empty());
}

#[test]
fn subareas_are_parks_under_their_zone() {
    let f = parks_of("南京江北新区直管区实现增长");
    assert_eq!(
        f[0],
        (
            "南京江北新区直管区".into(),
            park("南京江北新区直管区", Some(320100))
        )
    );
    let f = parks_of("厦门科学城构建孵化体系,核心园区累计新增企业2500家");
    assert_eq!(f[1].1, park("厦门科学城核心园区", Some(350200)));
    let f = parks_of("苏州工业园区加快建设,苏相合作区实现产值");
    assert_eq!(f[1].1, park("苏相合作区", Some(320500)));
    assert!(parks_of("深化战略合作区域").is_empty());
    assert!(parks_of("推进深度合作区建设").is_empty());
    assert!(parks_of("两地合作区域").is_empty());
    let f = parks_of("苏州工业园区。核心区实现产值");
    assert_eq!(f[1].1, park("苏州工业园区核心区", Some(320500)));
}

#[test]
fn subareas_that_must_not_fire() {
    for text in [
        "核心区建设加快",
        "厦门科学城打造核心区",
        "厦门科学城,核心区域",
        "厦门科学城。\n核心区实现产值",
    ] {
        let f = parks_of(text);
        assert!(f.iter().all(|(s, _)| !s.contains("核心")), "{text}: {f:?}");
    }
}

#[test]
fn county_names_inside_other_names_follow_the_article() {
    // 凌云 is 广西's 凌云县; in a 宁波 article its park is 宁波's.
    let f = parks_of("宁波市。凌云产业园入驻企业");
    assert_eq!(f[0].1, park("凌云产业园", Some(330200)));
    // Must not fire: the county's own city supports it, and a park name alone keeps it.
    let f = parks_of("百色市凌云产业园");
    assert_eq!(f[0].1, park("百色凌云产业园", Some(451027)));
    assert_eq!(parks_of("延吉高新区")[0].1.city(gaz()), Some(222400));
}

#[test]
fn shared_names_stay_in_the_page_province() {
    // 资阳 is 四川's 资阳市 and 湖南's 资阳区 (益阳): a 湖南 page does not reach into 四川.
    let f = found("湖南省的企业。资阳的企业");
    assert!(
        f.iter().all(|(_, p)| *p != Place::Division(512000)),
        "{f:?}"
    );
    // Must not fire: alone or with 四川, 资阳 is the city.
    assert_eq!(found("资阳的企业")[0].1, Place::Division(512000));
    assert_eq!(found("四川资阳的企业")[1].1, Place::Division(512000));
}
