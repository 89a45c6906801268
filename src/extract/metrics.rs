//! The canonical metric vocabulary and the lexicon that maps a figure's label to it.
//!
//! A label maps to the metric whose keyword it contains, preferring the longest keyword and only
//! metrics whose dimension fits the figure's unit (an amount in 元 is never a count of firms).

use std::sync::LazyLock;

use super::lexicon::WordSet;
use crate::dataset::{Dimension, Metric};

/// One canonical metric with the words that name it in labels.
pub struct MetricDef {
    /// snake_case id.
    pub id: &'static str,
    /// Chinese name.
    pub zh: &'static str,
    /// English name.
    pub en: &'static str,
    /// What it measures.
    pub dimension: Dimension,
    /// Words in a label that name this metric.
    pub keywords: &'static [&'static str],
    /// Words that, present in the label, rule this metric out (`高新技术企业营业收入` is revenue).
    pub excludes: &'static [&'static str],
}

use Dimension::{Area, Count, Money, People, Percent, Rank, Ratio};

/// Words that end a label about a change: an amount after them (`营业收入增长50亿元`) is an
/// increase, not the level the metric measures, so it maps to no metric.
const CHANGE_WORDS: &[&str] = &[
    "增长", "增加", "增速", "提升", "提高", "下降", "降低", "减少", "增幅",
];

/// The vocabulary, in the order it is listed to users.
#[rustfmt::skip]
pub const METRICS: &[MetricDef] = &[
    MetricDef { id: "high_tech_enterprises", zh: "高新技术企业", en: "High-tech enterprises", dimension: Count, keywords: &["高新技术企业", "高企", "国家高新技术企业"], excludes: &[] },
    MetricDef { id: "tech_smes", zh: "科技型中小企业", en: "Tech-based SMEs", dimension: Count, keywords: &["科技型中小企业", "科技型企业"], excludes: &[] },
    MetricDef { id: "specialized_smes", zh: "专精特新企业", en: "Specialized SMEs (专精特新)", dimension: Count, keywords: &["专精特新"], excludes: &["小巨人"] },
    MetricDef { id: "little_giants", zh: "专精特新“小巨人”企业", en: "“Little giant” firms", dimension: Count, keywords: &["小巨人"], excludes: &[] },
    MetricDef { id: "listed_companies", zh: "上市企业", en: "Listed companies", dimension: Count, keywords: &["上市企业", "上市公司", "上市", "挂牌"], excludes: &[] },
    MetricDef { id: "unicorns", zh: "独角兽企业", en: "Unicorns", dimension: Count, keywords: &["独角兽"], excludes: &[] },
    MetricDef { id: "gazelles", zh: "瞪羚企业", en: "Gazelle firms", dimension: Count, keywords: &["瞪羚"], excludes: &[] },
    MetricDef { id: "above_scale_enterprises", zh: "规模以上企业", en: "Above-scale enterprises", dimension: Count, keywords: &["规模以上企业", "规上企业", "规模以上工业企业", "规上工业企业"], excludes: &[] },
    MetricDef { id: "market_entities", zh: "市场主体", en: "Market entities", dimension: Count, keywords: &["市场主体"], excludes: &[] },
    MetricDef { id: "enterprises", zh: "企业数量", en: "Enterprises", dimension: Count, keywords: &["企业", "用人单位", "入驻企业", "在孵企业"], excludes: &[] },
    MetricDef { id: "revenue", zh: "营业收入", en: "Revenue", dimension: Money, keywords: &["营业收入", "营收", "总收入", "主营业务收入", "销售收入", "技工贸总收入"], excludes: &[] },
    MetricDef { id: "profit", zh: "利润", en: "Profit", dimension: Money, keywords: &["利润"], excludes: &[] },
    MetricDef { id: "industrial_output", zh: "工业总产值", en: "Industrial output", dimension: Money, keywords: &["工业总产值", "工业产值", "产值"], excludes: &[] },
    MetricDef { id: "industrial_value_added", zh: "工业增加值", en: "Industrial value added", dimension: Money, keywords: &["工业增加值"], excludes: &[] },
    MetricDef { id: "gdp", zh: "地区生产总值", en: "GDP", dimension: Money, keywords: &["地区生产总值", "生产总值", "GDP", "经济总量"], excludes: &[] },
    MetricDef { id: "rd_spending", zh: "研发投入", en: "R&D spending", dimension: Money, keywords: &["研发投入", "研发费用", "研发经费", "R&D经费", "R&D支出", "R&D", "研发支出"], excludes: &[] },
    MetricDef { id: "rd_intensity", zh: "研发投入强度", en: "R&D intensity", dimension: Percent, keywords: &["研发投入强度", "R&D投入强度", "研发强度", "R&D经费投入强度"], excludes: &[] },
    MetricDef { id: "tax_revenue", zh: "税收", en: "Tax revenue", dimension: Money, keywords: &["税收收入", "财政收入", "一般公共预算收入", "税收"], excludes: &["企业"] },
    MetricDef { id: "exports", zh: "进出口额", en: "Foreign trade", dimension: Money, keywords: &["进出口", "出口额", "出口总额"], excludes: &[] },
    MetricDef { id: "foreign_investment", zh: "实际利用外资", en: "Foreign investment", dimension: Money, keywords: &["实际利用外资", "实到外资", "利用外资", "外资"], excludes: &[] },
    MetricDef { id: "investment", zh: "投资额", en: "Investment", dimension: Money, keywords: &["固定资产投资", "总投资", "投资总额", "投资", "到位资金", "招商引资"], excludes: &[] },
    MetricDef { id: "funds", zh: "基金与资金", en: "Funds and financing", dimension: Money, keywords: &["基金", "资金", "融资", "贷款", "奖励", "补贴", "扶持"], excludes: &[] },
    MetricDef { id: "tech_transactions", zh: "技术合同成交额", en: "Technology transactions", dimension: Money, keywords: &["技术合同成交额", "技术交易额", "技术合同交易额", "交易金额", "成交额"], excludes: &[] },
    MetricDef { id: "talent", zh: "人才", en: "Talent", dimension: People, keywords: &["人才", "专家", "高层次", "博士", "硕士", "工程师", "技能"], excludes: &[] },
    MetricDef { id: "academicians", zh: "院士", en: "Academicians", dimension: People, keywords: &["院士"], excludes: &["工作站", "团队"] },
    MetricDef { id: "employees", zh: "从业人员", en: "Employees", dimension: People, keywords: &["从业人员", "就业人数", "吸纳就业", "职工", "员工", "就业"], excludes: &[] },
    MetricDef { id: "jobs", zh: "就业岗位", en: "Jobs offered", dimension: Count, keywords: &["岗位", "就业岗位", "招聘岗位", "人才需求"], excludes: &[] },
    MetricDef { id: "population", zh: "常住人口", en: "Population", dimension: People, keywords: &["常住人口", "人口", "户籍人口"], excludes: &[] },
    MetricDef { id: "incubators", zh: "科技企业孵化器", en: "Incubators", dimension: Count, keywords: &["孵化器", "孵化载体", "孵化机构", "孵化基地", "加速器"], excludes: &["在孵企业", "毕业企业", "基金", "收入"] },
    MetricDef { id: "maker_spaces", zh: "众创空间", en: "Maker spaces", dimension: Count, keywords: &["众创空间"], excludes: &["孵化器", "服务", "吸纳"] },
    MetricDef { id: "innovation_platforms", zh: "创新平台", en: "Innovation platforms", dimension: Count, keywords: &["创新平台", "研发平台", "科创平台", "平台", "技术中心", "创新中心", "工作站", "实验基地"], excludes: &[] },
    MetricDef { id: "rd_institutions", zh: "研发机构", en: "R&D institutions", dimension: Count, keywords: &["研发机构", "新型研发机构", "研究院", "科研机构", "创新机构"], excludes: &[] },
    MetricDef { id: "key_labs", zh: "重点实验室", en: "Key laboratories", dimension: Count, keywords: &["重点实验室", "实验室"], excludes: &[] },
    MetricDef { id: "engineering_centers", zh: "工程技术研究中心", en: "Engineering research centres", dimension: Count, keywords: &["工程技术研究中心", "工程研究中心", "工程中心"], excludes: &[] },
    MetricDef { id: "invention_patents", zh: "发明专利", en: "Invention patents", dimension: Count, keywords: &["发明专利"], excludes: &[] },
    MetricDef { id: "patents", zh: "专利与知识产权", en: "Patents and IP", dimension: Count, keywords: &["专利", "知识产权"], excludes: &["发明专利"] },
    MetricDef { id: "projects", zh: "项目", en: "Projects", dimension: Count, keywords: &["项目"], excludes: &[] },
    MetricDef { id: "achievements", zh: "科技成果", en: "Research results", dimension: Count, keywords: &["成果", "科学技术奖"], excludes: &[] },
    MetricDef { id: "policies", zh: "政策举措", en: "Policy measures", dimension: Count, keywords: &["政策", "举措", "措施"], excludes: &[] },
    MetricDef { id: "events", zh: "活动场次", en: "Events held", dimension: Count, keywords: &["活动", "招聘会", "培训", "场次"], excludes: &[] },
    MetricDef { id: "growth_rate", zh: "增长率", en: "Growth rate", dimension: Percent, keywords: &["同比增长", "年增长率", "增长率", "增速", "增长"], excludes: &[] },
    MetricDef { id: "share", zh: "占比", en: "Share", dimension: Percent, keywords: &["比重", "占比", "占全市", "占全省", "占全国"], excludes: &[] },
    MetricDef { id: "multiple", zh: "倍数", en: "Multiple", dimension: Ratio, keywords: &["倍"], excludes: &[] },
    MetricDef { id: "rank", zh: "排名", en: "Rank", dimension: Rank, keywords: &[], excludes: &[] },
    MetricDef { id: "land_area", zh: "面积", en: "Area", dimension: Area, keywords: &["面积", "用地", "载体", "厂房", "平方米", "亩", "平方公里"], excludes: &[] },
];

/// The vocabulary as dataset records, in listing order.
pub fn vocabulary() -> Vec<Metric> {
    METRICS
        .iter()
        .map(|m| Metric {
            id: m.id.to_string(),
            zh: m.zh.to_string(),
            en: m.en.to_string(),
            dimension: m.dimension,
        })
        .collect()
}

/// The dimension a figure with this unit measures.
pub fn unit_dimension(unit: &str) -> Dimension {
    match unit {
        "元" | "美元" | "欧元" | "港元" | "日元" | "英镑" => Money,
        "人" | "名" | "位" | "人次" => People,
        "%" | "个百分点" | "成" => Percent,
        "倍" | "ratio" => Ratio,
        "位次" => Rank,
        "平方米" | "平方公里" | "亩" | "公顷" => Area,
        "" => Dimension::Other,
        _ => Count,
    }
}

/// Whether a metric of dimension `metric` can hold a figure of dimension `unit`.
fn fits(metric: Dimension, unit: Dimension) -> bool {
    match (metric, unit) {
        (a, b) if a == b => true,
        // Jobs and talent are counted in 个 as often as in 人.
        (People, Count) | (Count, People) => true,
        // A bare magnitude (`2100余万`) fits any count-like metric.
        (Count | People | Money, Dimension::Other) => true,
        _ => false,
    }
}

/// The metric a label names, given the unit of its figure.
pub fn metric_for(label: &str, unit: &str) -> Option<&'static MetricDef> {
    let dim = unit_dimension(unit);
    // A position in a ranking is a rank whatever was ranked (`位居全国第4`).
    if dim == Rank {
        return METRICS.iter().find(|m| m.dimension == Rank);
    }
    let is_rate = matches!(dim, Percent | Ratio);
    if !is_rate && CHANGE_WORDS.iter().any(|w| label.ends_with(w)) {
        return None;
    }
    // Longest keyword of each metric found in the label, in one pass over the label.
    static KEYWORDS: LazyLock<(WordSet, Vec<usize>)> = LazyLock::new(|| {
        let owners = METRICS
            .iter()
            .enumerate()
            .flat_map(|(i, m)| m.keywords.iter().map(move |_| i))
            .collect();
        let words = WordSet::new(METRICS.iter().flat_map(|m| m.keywords.iter().copied()));
        (words, owners)
    });
    let (words, owners) = &*KEYWORDS;
    let mut longest = vec![0usize; METRICS.len()];
    for (k, _) in words.find_all(label) {
        let len = words.words()[k].chars().count();
        longest[owners[k]] = longest[owners[k]].max(len);
    }
    let mut best: Option<(&MetricDef, usize)> = None;
    for (m, &len) in METRICS.iter().zip(&longest) {
        if len == 0 || !fits(m.dimension, dim) || m.excludes.iter().any(|x| label.contains(x)) {
            continue;
        }
        if best.is_none_or(|(_, l)| len > l) {
            best = Some((m, len));
        }
    }
    best.map(|(m, _)| m)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn id(label: &str, unit: &str) -> Option<&'static str> {
        metric_for(label, unit).map(|m| m.id)
    }

    #[test]
    fn vocabulary_is_large_unique_and_snake_case() {
        let v = vocabulary();
        assert!(v.len() >= 25);
        let mut ids: Vec<_> = v.iter().map(|m| m.id.as_str()).collect();
        ids.sort_unstable();
        ids.dedup();
        assert_eq!(ids.len(), v.len());
        assert!(
            ids.iter()
                .all(|i| i.chars().all(|c| c.is_ascii_lowercase() || c == '_'))
        );
    }

    #[test]
    fn labels_map_by_longest_keyword() {
        assert_eq!(id("高新技术企业", "家"), Some("high_tech_enterprises"));
        assert_eq!(id("科技型中小企业", "家"), Some("tech_smes"));
        assert_eq!(id("入库科技型中小企业", "家"), Some("tech_smes"));
        assert_eq!(id("国家级科技企业孵化器", "家"), Some("incubators"));
        assert_eq!(id("有效发明专利拥有量", "件"), Some("invention_patents"));
        assert_eq!(id("规模以上工业总产值", "元"), Some("industrial_output"));
        assert_eq!(id("企业营业收入", "元"), Some("revenue"));
        assert_eq!(id("两院院士", "位"), Some("academicians"));
        assert_eq!(id("国家备案众创空间", "家"), Some("maker_spaces"));
        assert_eq!(id("常住人口", ""), Some("population"));
    }

    #[test]
    fn unit_dimension_rules_out_wrong_metrics() {
        // Revenue growth in percent is a growth rate, never revenue.
        assert_eq!(id("营业收入同比增长", "%"), Some("growth_rate"));
        // An amount of money is never a count of enterprises.
        assert_eq!(id("高新技术企业", "元"), None);
        assert_eq!(id("在孵企业平均研发投入强度", "%"), Some("rd_intensity"));
        // An increase in money is not a revenue level.
        assert_eq!(id("营业收入增长", "元"), None);
        assert_eq!(id("位居全国", "位次"), Some("rank"));
    }

    #[test]
    fn unknown_labels_stay_unmapped() {
        assert_eq!(id("网站点击量", "次"), None);
        assert_eq!(id("", "家"), None);
    }
}
