//! The names divisions go by besides their full names: short forms derived from the name's
//! administrative suffix, and well-known nicknames (search only).

use crate::dataset::RegionKind;

/// Ethnic group names as they appear inside autonomous-division names, longest first so that
/// stripping prefers `土家族` over `家族`-like accidents.
const ETHNIC: &[&str] = &[
    "柯尔克孜",
    "乌孜别克",
    "塔吉克",
    "哈萨克",
    "维吾尔",
    "俄罗斯",
    "鄂温克",
    "鄂伦春",
    "达斡尔",
    "塔塔尔",
    "蒙古",
    "土家",
    "布依",
    "朝鲜",
    "哈尼",
    "傈僳",
    "拉祜",
    "东乡",
    "纳西",
    "景颇",
    "仫佬",
    "布朗",
    "撒拉",
    "毛南",
    "仡佬",
    "锡伯",
    "阿昌",
    "普米",
    "德昂",
    "保安",
    "裕固",
    "独龙",
    "赫哲",
    "门巴",
    "珞巴",
    "基诺",
    "高山",
    "回",
    "藏",
    "苗",
    "彝",
    "壮",
    "满",
    "侗",
    "瑶",
    "白",
    "傣",
    "黎",
    "佤",
    "畲",
    "水",
    "土",
    "羌",
    "怒",
    "京",
    "各",
];

/// Administrative suffixes, longest first; stripping one gives the short form.
const SUFFIXES: &[&str] = &[
    "特别行政区",
    "自治区",
    "自治州",
    "自治县",
    "自治旗",
    "新区",
    "林区",
    "特区",
    "地区",
    "省",
    "市",
    "区",
    "县",
    "旗",
    "盟",
];

/// Short forms that are ordinary words or generic place words in running text; a division with
/// one of these keeps only its full name.
const GENERIC: &[&str] = &[
    "市中", "城关", "城中", "城东", "城西", "城北", "城南", "城厢", "新城", "老城", "古城", "山城",
    "市北", "市南", "新华", "和平", "长安", "东方", "平安", "前进", "向阳", "红旗", "友好", "新兴",
    "合作", "大方", "安定", "永和", "解放", "振兴", "复兴", "新市", "西市", "港口", "河口", "资源",
    "工农", "爱民", "民权", "龙门", "吉利", "太平", "安宁", "温泉", "共和", "同心", "新建", "大观",
    "宏伟", "上街", "南部", "中原", "江南", "东海", "南海", "平原", "江山", "富民", "惠民", "富裕",
    "友谊", "兴业", "兴隆", "平定", "万全", "万年", "安居", "长寿", "乐业", "康乐", "和顺", "平和",
    "凤凰", "莲花", "牡丹", "芙蓉", "麒麟", "海棠", "梨树", "红星", "青山", "白云", "江海", "海港",
    "七星", "元宝", "站前", "二道", "回民", "南湖", "北湖", "东湖", "西湖", "南岸", "新民", "中方",
    "公安", "阿里", "白银", "团结", "光明", "胜利", "建设", "先锋", "前锋", "东风", "天元", "新和",
    "新安", "大通", "龙华", "新区", "城区", "郊区", "矿区", "开发", "高新", "经济", "江北", "河东",
    "河西", "东区", "西区", "南区", "北区", "中区", "临空", "永安", "新丰", "清河", "沙河", "大安",
    // Full names that are generic words (攀枝花市东区, 大同市城区).
    "郊区", "矿区",
    // Phrases in economic news: 陆海新通道, 双城经济圈, 各大城市.
    "通道", "双城", "大城",
];

/// Nicknames and one-character abbreviations used in headlines and compounds (`京津冀`, `蓉`).
/// Never matched in running text: they collide with ordinary words.
const NICKNAMES: &[(&str, &[&str])] = &[
    ("北京市", &["京"]),
    ("天津市", &["津"]),
    ("上海市", &["沪", "申"]),
    ("重庆市", &["渝", "山城"]),
    ("河北省", &["冀"]),
    ("山西省", &["晋"]),
    ("内蒙古自治区", &["蒙"]),
    ("辽宁省", &["辽"]),
    ("吉林省", &["吉"]),
    ("黑龙江省", &["黑"]),
    ("江苏省", &["苏"]),
    ("浙江省", &["浙"]),
    ("安徽省", &["皖"]),
    ("福建省", &["闽"]),
    ("江西省", &["赣"]),
    ("山东省", &["鲁"]),
    ("河南省", &["豫", "中原"]),
    ("湖北省", &["鄂"]),
    ("湖南省", &["湘"]),
    ("广东省", &["粤"]),
    ("广西壮族自治区", &["桂"]),
    ("海南省", &["琼"]),
    ("四川省", &["川", "蜀"]),
    ("贵州省", &["黔", "贵"]),
    ("云南省", &["滇", "云"]),
    ("西藏自治区", &["藏"]),
    ("陕西省", &["陕", "秦"]),
    ("甘肃省", &["甘", "陇"]),
    ("青海省", &["青"]),
    ("宁夏回族自治区", &["宁"]),
    ("新疆维吾尔自治区", &["新"]),
    ("香港特别行政区", &["港"]),
    ("澳门特别行政区", &["澳"]),
    ("台湾省", &["台"]),
    ("成都市", &["蓉", "蓉城"]),
    ("宁波市", &["甬"]),
    ("深圳市", &["深", "鹏城"]),
    ("广州市", &["穗", "羊城", "花城"]),
    ("福州市", &["榕"]),
    ("厦门市", &["厦", "鹭岛"]),
    ("武汉市", &["汉", "江城"]),
    ("杭州市", &["杭"]),
    ("南京市", &["宁", "金陵"]),
    ("苏州市", &["姑苏"]),
    ("无锡市", &["锡"]),
    ("贵阳市", &["筑"]),
    ("南宁市", &["邕", "绿城"]),
    ("南昌市", &["洪", "洪城"]),
    ("济南市", &["泉城"]),
    ("哈尔滨市", &["哈", "冰城"]),
    ("昆明市", &["昆", "春城"]),
    ("长沙市", &["星城"]),
    ("太原市", &["并", "龙城"]),
    ("石家庄市", &["石"]),
    ("郑州市", &["郑", "绿城"]),
    ("西安市", &["长安"]),
    ("青岛市", &["岛城"]),
    ("大连市", &["连"]),
    ("合肥市", &["庐州"]),
];

/// Strips ethnic-group names (with or without `族`) from the end of `stem`, keeping at least two
/// characters: `延边朝鲜` → `延边`, `积石山保安族东乡族撒拉` → `积石山`.
fn strip_ethnic(stem: &str) -> &str {
    let mut s = stem;
    loop {
        let before = s;
        let t = s.strip_suffix('族').unwrap_or(s);
        for e in ETHNIC {
            if let Some(rest) = t.strip_suffix(e) {
                // Bare one-character names (`回`, `藏`) only count with `族`, else `西藏` would lose `藏`.
                let bare_ok = t.len() != s.len() || e.chars().count() > 1;
                if bare_ok && rest.chars().count() >= 2 {
                    s = rest;
                    break;
                }
            }
        }
        if s == before {
            return s;
        }
    }
}

/// The short forms a division goes by in running text, derived from its full name: `成都市` →
/// `成都`, `延边朝鲜族自治州` → `延边`, `金牛区` → `金牛`, `滨海新区` → `滨海`. At least two characters
/// always remain; generic words (`城区`, `新华`, `和平`) are never produced.
pub fn short_forms(name: &str, kind: RegionKind) -> Vec<String> {
    let mut out = Vec::new();
    for suffix in SUFFIXES {
        let Some(stem) = name.strip_suffix(suffix) else {
            continue;
        };
        // A prefecture's 地区 is its suffix; a county named 新区 is not 新.
        if *suffix == "地区" && kind != RegionKind::City {
            continue;
        }
        let stem = if suffix.starts_with("自治") || *suffix == "特别行政区" {
            strip_ethnic(stem)
        } else {
            stem
        };
        if stem.chars().count() >= 2 && !GENERIC.contains(&stem) && stem != name {
            out.push(stem.to_string());
        }
        break;
    }
    out
}

/// Nicknames of a division by full name (`成都市` → `蓉`, `蓉城`); for search, never for text.
pub fn nicknames(full_name: &str) -> Vec<String> {
    NICKNAMES
        .iter()
        .find(|(n, _)| *n == full_name)
        .map(|(_, v)| v.iter().map(|s| s.to_string()).collect())
        .unwrap_or_default()
}

/// Whether `word` is a generic word that looks like a place short form but is not one.
pub fn is_generic(word: &str) -> bool {
    GENERIC.contains(&word)
}

#[cfg(test)]
mod tests {
    use super::*;
    use RegionKind::*;

    fn sf(name: &str, kind: RegionKind) -> Vec<String> {
        short_forms(name, kind)
    }

    #[test]
    fn provinces_and_autonomous_regions() {
        assert_eq!(sf("内蒙古自治区", Province), ["内蒙古"]);
        assert_eq!(sf("广西壮族自治区", Province), ["广西"]);
        assert_eq!(sf("新疆维吾尔自治区", Province), ["新疆"]);
        assert_eq!(sf("宁夏回族自治区", Province), ["宁夏"]);
        assert_eq!(sf("西藏自治区", Province), ["西藏"]);
        assert_eq!(sf("香港特别行政区", Province), ["香港"]);
        assert_eq!(sf("黑龙江省", Province), ["黑龙江"]);
    }

    #[test]
    fn prefectures_and_counties() {
        assert_eq!(sf("成都市", City), ["成都"]);
        assert_eq!(sf("延边朝鲜族自治州", City), ["延边"]);
        assert_eq!(sf("恩施土家族苗族自治州", City), ["恩施"]);
        assert_eq!(sf("博尔塔拉蒙古自治州", City), ["博尔塔拉"]);
        assert_eq!(sf("大兴安岭地区", City), ["大兴安岭"]);
        assert_eq!(sf("锡林郭勒盟", City), ["锡林郭勒"]);
        assert_eq!(sf("滨海新区", District), ["滨海"]);
        assert_eq!(sf("丰城市", County), ["丰城"]);
        assert_eq!(sf("金牛区", District), ["金牛"]);
        assert_eq!(sf("积石山保安族东乡族撒拉族自治县", County), ["积石山"]);
        assert_eq!(sf("互助土族自治县", County), ["互助"]);
        assert_eq!(sf("三都水族自治县", County), ["三都"]);
    }

    #[test]
    fn never_one_character_or_generic() {
        assert!(sf("忠县", County).is_empty());
        assert!(sf("城区", District).is_empty());
        assert!(sf("新华区", District).is_empty());
        assert!(sf("和平区", District).is_empty());
        assert!(sf("市中区", District).is_empty());
        assert!(sf("城关区", District).is_empty());
    }

    #[test]
    fn nicknames_are_separate() {
        assert_eq!(nicknames("成都市"), ["蓉", "蓉城"]);
        assert_eq!(nicknames("宁波市"), ["甬"]);
        assert!(nicknames("德阳市").is_empty());
    }
}
