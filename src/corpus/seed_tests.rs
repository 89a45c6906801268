//! The sample pages in `seeds/`: article counts, titles, bylines, captions, and that no body
//! text is lost (every gold figure quote must be found in some article).

use super::{RawArticle, decode::decode, lines, split_articles};

const SEEDS: [&str; 5] = [
    "000_a9c1ddc658754ece.txt",
    "001_163dbe4d3e18bc50.txt",
    "002_0811f6d8edfb6cd2.txt",
    "003_0c4cfb2025f63034.txt",
    "004_3f80ecf93031097c.txt",
];

fn seed_text(name: &str) -> String {
    let path = format!("{}/seeds/{name}", env!("CARGO_MANIFEST_DIR"));
    decode(&std::fs::read(path).unwrap()).unwrap()
}

fn seed(name: &str) -> Vec<RawArticle> {
    split_articles(&seed_text(name))
}

fn squash(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).collect()
}

fn titles(arts: &[RawArticle]) -> Vec<&str> {
    arts.iter().map(|a| a.title.as_str()).collect()
}

fn by_title<'a>(arts: &'a [RawArticle], part: &str) -> &'a RawArticle {
    arts.iter()
        .find(|a| a.title.contains(part))
        .unwrap_or_else(|| panic!("no article titled {part}"))
}

#[test]
fn seed_000_titles_including_stacked_and_trailing_headlines() {
    let arts = seed(SEEDS[0]);
    assert_eq!(
        titles(&arts),
        [
            "工业为基 深圳先进制造实现领跑",
            "津渝两市交流座谈 新时代地方外事工作",
            "第三十五届全国副省级城市 法治论坛在甬召开",
            "来了就不想走 成都“巴适得板”",
            "打造知识产权新高地“金字招牌”越擦越亮 大连高新区获评国家知识产权服务业高质量集聚发展试验区",
        ]
    );
    assert!(by_title(&arts, "津渝").text.contains("王雯一行来津调研"));
    assert!(
        by_title(&arts, "法治论坛")
            .text
            .contains("第三十六届全国副省级城市法治论坛将于明年")
    );
    assert!(
        by_title(&arts, "巴适得板")
            .text
            .contains("金牛区位于成都市的西北部")
    );
    assert!(
        by_title(&arts, "知识产权新高地")
            .text
            .contains("大连高新区跻身榜单")
    );
}

#[test]
fn seed_001_titles() {
    let arts = seed(SEEDS[1]);
    assert_eq!(
        titles(&arts),
        [
            "德阳高新区建全方位人才服务生态",
            "平顶山高新区：架设创就业通往企业桥梁",
            "临江高新区(钱塘区)：50亿元生物医药与高端器械基金落地",
            "嘉兴高新区：培养招商一线人员6种技能",
            "打造一流营商环境行动方案发布 珠海高新区擦亮「高新」服务品牌",
            "",
            "精心调研 精准施策 精细服务 本溪高新区三举措助企申报科技专项",
        ]
    );
    // The untitled photo story stands on its own.
    assert!(arts[5].text.starts_with("近日，鄂尔多斯高新区投资促进局"));
}

#[test]
fn seed_002_titles() {
    let arts = seed(SEEDS[2]);
    assert_eq!(
        titles(&arts),
        [
            "抢抓成渝双城经济圈建设机遇 四川自贡积极“入圈”谋发展",
            "“一把手”上擂台比拼,选派干部下沉一线…… 青岛西海岸新区:淬炼好作风,激发新作为",
            "推进全域创新、大力培育高企 江苏常州创新能级不断攀升",
        ]
    );
    assert!(!arts.iter().any(|a| a.text.contains("地方动态")));
}

#[test]
fn seed_003_every_park_is_its_own_article() {
    let arts = seed(SEEDS[3]);
    assert_eq!(
        titles(&arts),
        [
            "稳就业 国家高新区念好“三字经”",
            "《中国创业孵化发展报告（2022）》发布",
            "天津滨海高新区：打造“113X”产业体系",
            "长沙高新区：“黄金十年”勇争先",
            "青岛高新区：聚力奋进“1264”战略",
            "延吉高新区：抢抓新兴产业机遇期",
            "北海高新区：争创一流高科技园区",
            "宜春丰城高新区：十年磨剑立潮头",
            "潍坊高新区积极开发科研助理岗位促就业",
            "衡阳高新区：配置科研助理岗推动创新就业双赢",
        ]
    );
    for a in &arts {
        assert!(
            !a.text.contains("火炬动态"),
            "running head left in {}",
            a.title
        );
        assert!(!a.text.contains("供稿"), "author note left in {}", a.title);
    }
}

#[test]
fn seed_004_titles() {
    let arts = seed(SEEDS[4]);
    assert_eq!(
        titles(&arts),
        [
            "构建长三角民间国际科技创新共同体 杭州因地制宜发展新质生产力",
            "",
            "兰白国家自创区：强化自主创新与科技赋能产业",
            "嘉兴高新区：赴武汉设专场招才引智",
            "襄阳高新区：“一号工程”之首是新能源汽车引进",
            "把优化营商环境作为“一号工程” 湘潭高新区四连获湖南省先进园区",
            "镇江高新区：做好企业诉求『后半篇文章』",
        ]
    );
    assert!(arts[1].text.starts_with("3月6日"));
}

#[test]
fn bylines_leading_trailing_and_multiline() {
    let a0 = seed(SEEDS[0]);
    assert_eq!(by_title(&a0, "巴适得板").byline, "本报记者 王晓涛");
    assert_eq!(by_title(&a0, "津渝").byline, "李揽月 记者朱波报道");
    assert_eq!(by_title(&a0, "法治论坛").byline, "孙 婷");
    let a1 = seed(SEEDS[1]);
    assert_eq!(by_title(&a1, "德阳").byline, "高云翠");
    assert_eq!(by_title(&a1, "平顶山").byline, "张拉");
    let a2 = seed(SEEDS[2]);
    assert_eq!(by_title(&a2, "自贡").byline, "陈科");
    assert_eq!(
        by_title(&a2, "青岛").byline,
        "本报记者 王健高 实习记者 宋迎迎 通讯员 王伟"
    );
    let a3 = seed(SEEDS[3]);
    assert_eq!(by_title(&a3, "潍坊").byline, "供稿：潍坊高新区");
    let a4 = seed(SEEDS[4]);
    assert_eq!(by_title(&a4, "镇江").byline, "张亮");
    assert_eq!(a4[1].byline, "牟敏 文/图");
    assert_eq!(by_title(&a4, "湘潭").byline, "颜士敦 邓玉娟");
    for name in SEEDS {
        for a in seed(name) {
            for p in a.text.split('\n') {
                for b in ["本报记者", "◎", "□", "高云翠", "颜士敦", "供稿"] {
                    assert!(!p.starts_with(b), "{b} left in the text of {}", a.title);
                }
            }
        }
    }
}

#[test]
fn captions_and_furniture_are_dropped() {
    let all: String = SEEDS.iter().flat_map(|n| seed(n)).map(|a| a.text).collect();
    for caption in [
        "府南河畔",
        "图片来源",
        "受访者供图",
        "常州市科技局供图",
        "湘潭高新区企业服务中心",
        "政务服务驿站缩短",
    ] {
        assert!(!all.contains(caption), "caption text {caption} kept");
    }
    for furniture in ["一线报道", "新闻速递", "火炬动态", "创业孵化\n"] {
        assert!(!all.contains(furniture), "page furniture {furniture} kept");
    }
}

#[test]
fn numbers_broken_by_the_wrap_come_out_whole() {
    let a0 = seed(SEEDS[0]);
    let chengdu = &by_title(&a0, "巴适得板").text;
    assert!(chengdu.contains("常住人口达2100余万"));
    assert!(chengdu.contains("提供岗位20.14万个"));
    let a3 = seed(SEEDS[3]);
    let report = &by_title(&a3, "中国创业孵化发展报告").text;
    assert!(report.contains("间接惠及16.4万家科技创业企业"));
    // A space printed inside a line is kept; the wrap adds none.
    assert!(
        by_title(&a3, "天津")
            .text
            .contains("累计集聚各类人才近 10万人")
    );
}

#[test]
fn subheadings_stay_inside_their_article() {
    let a3 = seed(SEEDS[3]);
    let jobs = by_title(&a3, "稳就业");
    for sub in ["突出一个“早”字", "实现一个“精”字", "依靠一个“创”字"]
    {
        assert!(
            jobs.text.split('\n').any(|p| p == sub),
            "subheading {sub} not its own paragraph"
        );
    }
    let a1 = seed(SEEDS[1]);
    assert!(
        by_title(&a1, "德阳")
            .text
            .split('\n')
            .any(|p| p == "搭建人才载体")
    );
    let a0 = seed(SEEDS[0]);
    assert!(
        by_title(&a0, "知识产权新高地")
            .text
            .contains("\n合力建设知识产权强区\n")
    );
}

#[test]
fn hard_wrapped_paragraphs_are_rejoined() {
    let a0 = seed(SEEDS[0]);
    let text = &by_title(&a0, "津渝").text;
    // Title and four paragraphs (one paragraph opening falls on a full-width line after a
    // full-width sentence end and cannot be told).
    assert_eq!(text.lines().count(), 5, "{text}");
    assert!(text.contains("参加活动。\n栾建章表示"));
    assert!(
        text.contains("\n王雯介绍了重庆市外办开展外事工作和建设中西部国际交往中心等有关情况。")
    );
    let a3 = seed(SEEDS[3]);
    let tianjin = &by_title(&a3, "天津").text;
    assert!(tianjin.starts_with(
        "天津滨海高新区：打造“113X”产业体系\n创新是引领发展的第一动力。\n党的十八大以来"
    ));
}

#[test]
fn every_gold_quote_is_in_some_article() {
    for fixture in ["000", "001", "003"] {
        let path = format!(
            "{}/tests/fixtures/{fixture}.jsonl",
            env!("CARGO_MANIFEST_DIR")
        );
        let gold = std::fs::read_to_string(path).unwrap();
        let mut cache: Option<(String, Vec<String>)> = None;
        let mut checked = 0;
        for line in gold.lines().filter(|l| !l.trim().is_empty()) {
            let row: serde_json::Value = serde_json::from_str(line).unwrap();
            let file = row["file"].as_str().unwrap().to_string();
            let quote = squash(row["quote"].as_str().unwrap());
            if cache.as_ref().is_none_or(|(f, _)| *f != file) {
                let texts = seed(&file).iter().map(|a| squash(&a.text)).collect();
                cache = Some((file.clone(), texts));
            }
            let texts = &cache.as_ref().unwrap().1;
            assert!(
                texts.iter().any(|t| t.contains(&quote)),
                "{file}: quote {quote} not in any article"
            );
            checked += 1;
        }
        assert!(checked > 50, "{fixture}: only {checked} quotes");
    }
}

#[test]
fn bodies_cover_every_body_line_of_every_seed() {
    for name in SEEDS {
        let text = seed_text(name);
        let arts = split_articles(&text);
        let bodies: String = arts.iter().map(|a| squash(&a.text)).collect();
        let heads: String = arts
            .iter()
            .map(|a| squash(&a.title) + "|" + &squash(&a.byline))
            .collect();
        let mut han_in_file = 0usize;
        for raw in text.lines() {
            let line = raw.trim().trim_start_matches(['#', '□', '◎']).trim();
            // Captions told apart by their place (between headline and dateline), not wording.
            let placed_caption = [
                "湘潭高新区企业服务中心",
                "湘潭高新区政务服务驿站缩短服务距离。",
            ]
            .contains(&line);
            if line.is_empty()
                || lines::is_caption(line)
                || lines::is_furniture(line)
                || placed_caption
            {
                continue;
            }
            let line = match lines::split_end_note(line) {
                Some((prefix, _)) => prefix,
                None => line,
            };
            let line = squash(line);
            han_in_file += line.chars().filter(|&c| lines::is_han(c)).count();
            let found = bodies.contains(&line)
                || heads.contains(&line)
                || line
                    .strip_prefix("本报讯")
                    .is_some_and(|rest| heads.contains(rest));
            assert!(found, "{name}: line {line} is in no article");
        }
        let han_out: usize = arts
            .iter()
            .map(|a| {
                format!("{}{}", a.title, a.text)
                    .chars()
                    .filter(|&c| lines::is_han(c))
                    .count()
            })
            .sum();
        assert!(
            han_out * 100 >= han_in_file * 95,
            "{name}: {han_out} of {han_in_file} characters kept"
        );
    }
}
