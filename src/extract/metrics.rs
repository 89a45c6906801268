//! The canonical metric vocabulary and the lexicon that maps a figure's label to it.
//!
//! A label maps to the metric whose keyword it contains, preferring the longest keyword and only
//! metrics whose dimension fits the figure's unit (an amount in 元 is never a count of firms).

use std::sync::LazyLock;

use super::lexicon::WordSet;
use crate::dataset::{Dimension, Measure, Metric};

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

use Dimension::{Area, Count, Money, People, Percent, Ratio};

/// The catalogue of `METRICS.md`, in the order it is listed to users. A figure gets a metric
/// only from this list; growth rates, shares and ranks are measures of these, not metrics.
#[rustfmt::skip]
pub const METRICS: &[MetricDef] = &[
    MetricDef { id: "enterprises", zh: "企业数", en: "Enterprises", dimension: Count, keywords: &["企业", "企业总数", "入驻企业", "聚集企业", "企业数量"], excludes: &[] },
    MetricDef { id: "high_tech_enterprises", zh: "高新技术企业", en: "High-tech enterprises", dimension: Count, keywords: &["高新技术企业", "高企", "国高企业", "国家高新技术企业", "国家级高新技术企业"], excludes: &[] },
    MetricDef { id: "tech_smes", zh: "科技型中小企业", en: "Tech-based SMEs", dimension: Count, keywords: &["科技型中小企业"], excludes: &[] },
    MetricDef { id: "specialized_smes", zh: "专精特新中小企业", en: "Specialized SMEs", dimension: Count, keywords: &["专精特新企业", "专精特新中小企业"], excludes: &["小巨人"] },
    MetricDef { id: "little_giants", zh: "专精特新“小巨人”企业", en: "Little-giant firms", dimension: Count, keywords: &["小巨人", "小巨人”企业", "小巨人企业"], excludes: &[] },
    MetricDef { id: "listed_companies", zh: "上市企业", en: "Listed companies", dimension: Count, keywords: &["上市企业", "上市公司", "挂牌企业", "上市"], excludes: &[] },
    MetricDef { id: "unicorns", zh: "独角兽企业", en: "Unicorns", dimension: Count, keywords: &["独角兽", "独角兽企业", "独角兽”", "独角兽”企业", "独角兽”创新企业"], excludes: &[] },
    MetricDef { id: "gazelles", zh: "瞪羚企业", en: "Gazelle firms", dimension: Count, keywords: &["瞪羚", "瞪羚企业"], excludes: &[] },
    MetricDef { id: "above_scale_enterprises", zh: "规模以上工业企业", en: "Above-scale industrial enterprises", dimension: Count, keywords: &["规模以上企业", "规上企业", "规模以上工业企业", "规上工业企业"], excludes: &[] },
    MetricDef { id: "market_entities", zh: "市场主体", en: "Market entities", dimension: Count, keywords: &["市场主体", "经营主体"], excludes: &[] },
    MetricDef { id: "gdp", zh: "地区生产总值", en: "GDP", dimension: Money, keywords: &["地区生产总值", "生产总值", "GDP", "经济总量"], excludes: &[] },
    MetricDef { id: "revenue", zh: "营业收入", en: "Revenue", dimension: Money, keywords: &["营业收入", "营业总收入", "营收", "总收入", "主营业务收入", "技工贸总收入", "销售收入"], excludes: &[] },
    MetricDef { id: "industrial_output", zh: "工业总产值", en: "Industrial output", dimension: Money, keywords: &["工业总产值", "工业产值", "产值"], excludes: &[] },
    MetricDef { id: "industrial_value_added", zh: "工业增加值", en: "Industrial value added", dimension: Money, keywords: &["工业增加值", "增加值"], excludes: &[] },
    MetricDef { id: "profit", zh: "利润", en: "Profit", dimension: Money, keywords: &["利润", "利润总额", "净利润"], excludes: &[] },
    MetricDef { id: "tax_revenue", zh: "税收", en: "Tax revenue", dimension: Money, keywords: &["税收", "税收收入", "上缴税费", "纳税"], excludes: &[] },
    MetricDef { id: "fiscal_revenue", zh: "财政收入", en: "Fiscal revenue", dimension: Money, keywords: &["财政收入", "一般公共预算收入", "地方财政收入", "公共财政预算收入"], excludes: &[] },
    MetricDef { id: "exports", zh: "出口额", en: "Exports", dimension: Money, keywords: &["出口", "出口额", "出口总额", "出口交货值"], excludes: &[] },
    MetricDef { id: "foreign_trade", zh: "进出口总额", en: "Foreign trade", dimension: Money, keywords: &["进出口", "进出口额", "进出口总额", "外贸进出口"], excludes: &[] },
    MetricDef { id: "fixed_asset_investment", zh: "固定资产投资", en: "Fixed-asset investment", dimension: Money, keywords: &["固定资产投资", "工业投资", "技改投资", "民间投资"], excludes: &[] },
    MetricDef { id: "investment_attracted", zh: "招商引资", en: "Investment attracted", dimension: Money, keywords: &["招商引资", "到位资金", "签约金额", "总投资", "投资总额", "协议投资", "协议引资", "引资"], excludes: &[] },
    MetricDef { id: "foreign_investment", zh: "实际利用外资", en: "Foreign investment", dimension: Money, keywords: &["实际利用外资", "实际使用外资", "利用外资", "实到外资", "外资", "FDI"], excludes: &[] },
    MetricDef { id: "fund_size", zh: "基金规模", en: "Fund size", dimension: Money, keywords: &["基金", "引导基金", "产业基金", "种子资金"], excludes: &[] },
    MetricDef { id: "digital_economy", zh: "数字经济", en: "Digital economy", dimension: Money, keywords: &["数字经济"], excludes: &[] },
    MetricDef { id: "rd_spending", zh: "研发经费", en: "R&D spending", dimension: Money, keywords: &["研发经费", "R&D经费", "研发投入", "研发费用", "R&D支出", "R&D总支出", "研发支出", "研究与试验发展", "研究经费", "试验发展经费"], excludes: &[] },
    MetricDef { id: "rd_intensity", zh: "研发投入强度", en: "R&D intensity", dimension: Percent, keywords: &["研发投入强度", "R&D投入强度", "R&D经费投入强度", "研发强度", "研发经费投入强度"], excludes: &[] },
    MetricDef { id: "invention_patents", zh: "发明专利", en: "Invention patents", dimension: Count, keywords: &["发明专利"], excludes: &[] },
    MetricDef { id: "patents", zh: "专利", en: "Patents", dimension: Count, keywords: &["专利", "知识产权"], excludes: &[] },
    MetricDef { id: "patents_per_10k", zh: "每万人发明专利拥有量", en: "Invention patents per 10,000 people", dimension: Ratio, keywords: &["万人发明专利", "万人有效发明专利", "万人口发明专利", "万人口高价值发明专利", "万人高价值发明专利"], excludes: &[] },
    MetricDef { id: "pct_applications", zh: "PCT国际专利申请", en: "PCT applications", dimension: Count, keywords: &["PCT"], excludes: &[] },
    MetricDef { id: "tech_transactions", zh: "技术合同成交额", en: "Technology contract turnover", dimension: Money, keywords: &["技术合同成交额", "技术交易额", "技术合同交易额", "技术合同成交金额"], excludes: &[] },
    MetricDef { id: "standards", zh: "标准", en: "Standards set", dimension: Count, keywords: &["国际标准", "国家标准", "行业标准", "团体标准"], excludes: &[] },
    MetricDef { id: "employees", zh: "从业人员", en: "Employees", dimension: People, keywords: &["从业人员", "就业人数", "职工", "员工"], excludes: &[] },
    MetricDef { id: "talent", zh: "人才总量", en: "Talent", dimension: People, keywords: &["人才", "各类人才", "人才总量", "人才资源"], excludes: &[] },
    MetricDef { id: "high_level_talent", zh: "高层次人才", en: "High-level talent", dimension: People, keywords: &["高层次人才", "领军人才", "高端人才", "人才计划"], excludes: &[] },
    MetricDef { id: "academicians", zh: "院士", en: "Academicians", dimension: People, keywords: &["院士"], excludes: &["工作站"] },
    MetricDef { id: "rd_personnel", zh: "研发人员", en: "R&D personnel", dimension: People, keywords: &["研发人员", "R&D人员", "研发人员数"], excludes: &[] },
    MetricDef { id: "population", zh: "常住人口", en: "Population", dimension: People, keywords: &["常住人口", "人口"], excludes: &[] },
    MetricDef { id: "jobs", zh: "就业岗位", en: "Jobs offered", dimension: People, keywords: &["岗位", "就业岗位", "招聘岗位", "新增就业", "人才需求"], excludes: &[] },
    MetricDef { id: "incubators", zh: "科技企业孵化器", en: "Incubators", dimension: Count, keywords: &["孵化器", "孵化载体", "孵化机构"], excludes: &[] },
    MetricDef { id: "maker_spaces", zh: "众创空间", en: "Maker spaces", dimension: Count, keywords: &["众创空间"], excludes: &[] },
    MetricDef { id: "innovation_platforms", zh: "创新平台", en: "Innovation platforms", dimension: Count, keywords: &["创新平台", "平台", "研发平台", "科创平台", "工作站", "创新中心", "实验基地", "创新载体"], excludes: &[] },
    MetricDef { id: "rd_institutions", zh: "研发机构", en: "R&D institutions", dimension: Count, keywords: &["研发机构", "新型研发机构", "科研院所", "科研机构", "研究院"], excludes: &[] },
    MetricDef { id: "key_labs", zh: "重点实验室", en: "Key laboratories", dimension: Count, keywords: &["重点实验室", "实验室"], excludes: &[] },
    MetricDef { id: "engineering_centers", zh: "工程技术研究中心", en: "Engineering research centres", dimension: Count, keywords: &["工程技术研究中心", "工程研究中心"], excludes: &[] },
    MetricDef { id: "tech_centers", zh: "企业技术中心", en: "Enterprise technology centres", dimension: Count, keywords: &["企业技术中心", "技术中心"], excludes: &[] },
    MetricDef { id: "universities", zh: "高校", en: "Universities and colleges", dimension: Count, keywords: &["高校", "高等院校", "高等学校"], excludes: &[] },
    MetricDef { id: "land_area", zh: "面积", en: "Area", dimension: Area, keywords: &["面积", "规划面积", "占地面积"], excludes: &[] },
    MetricDef { id: "projects", zh: "项目", en: "Projects", dimension: Count, keywords: &["项目"], excludes: &[] },
    MetricDef { id: "overall_standing", zh: "综合排名", en: "Overall standing", dimension: Count, keywords: &["综合排名", "综合实力", "综合评价", "总体排名", "百强", "百强区", "百强县", "百强市", "创新城市", "科研城市"], excludes: &[] },
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
        "平方米" | "平方公里" | "亩" | "公顷" => Area,
        "" | "位次" => Dimension::Other,
        _ => Count,
    }
}

/// Whether a figure in a unit of dimension `unit`, read with `measure`, can be a value of a
/// metric of dimension `metric`.
fn fits(metric: Dimension, unit: Dimension, measure: Measure) -> bool {
    match measure {
        // A rate or a rank of anything is about that thing, whatever its own dimension.
        Measure::Growth | Measure::Share | Measure::Rank => return true,
        // `提高0.5个百分点` changes a percentage; `增加140家` a count.
        Measure::Change if unit == Percent => return true,
        Measure::Density => return true,
        _ => {}
    }
    match (metric, unit) {
        (a, b) if a == b => true,
        // People and positions are counted in 个 as often as in 人.
        (People, Count) | (Count, People) => true,
        // A per-10k ratio is counted in 件.
        (Ratio, Count) => true,
        // A bare magnitude (`2100余万`) fits any count-like metric.
        (Count | People | Money, Dimension::Other) => true,
        _ => false,
    }
}

/// The metric a subject names, with the byte offset where its keyword starts in `subject`:
/// the catalogue keyword that ends last in it (Chinese puts the head noun last:
/// `高新技术企业营业收入` is revenue, `在孵高新技术企业` high-tech enterprises), the longest of
/// those, among metrics whose dimension fits the figure's unit and measure.
pub fn metric_at(
    subject: &str,
    unit: &str,
    measure: Measure,
) -> Option<(&'static MetricDef, usize)> {
    let dim = unit_dimension(unit);
    let (words, owners) = &*KEYWORDS;
    let mut best: Option<(&MetricDef, std::ops::Range<usize>)> = None;
    for (k, r) in words.find_all(subject) {
        let m = &METRICS[owners[k]];
        if !fits(m.dimension, dim, measure) || m.excludes.iter().any(|x| subject.contains(x)) {
            continue;
        }
        let better = best
            .as_ref()
            .is_none_or(|(_, b)| r.end > b.end || (r.end == b.end && r.len() > b.len()));
        if better {
            best = Some((m, r));
        }
    }
    best.map(|(m, r)| (m, r.start))
}

/// Every keyword of the catalogue in one automaton, with the metric each belongs to.
static KEYWORDS: LazyLock<(WordSet, Vec<usize>)> = LazyLock::new(|| {
    let owners = METRICS
        .iter()
        .enumerate()
        .flat_map(|(i, m)| m.keywords.iter().map(move |_| i))
        .collect();
    let words = WordSet::new(METRICS.iter().flat_map(|m| m.keywords.iter().copied()));
    (words, owners)
});

/// Byte ranges of every catalogue keyword in `s`, overlapping.
pub fn keyword_spans(s: &str) -> impl Iterator<Item = std::ops::Range<usize>> + '_ {
    KEYWORDS.0.find_all(s).map(|(_, r)| r)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn id(label: &str, unit: &str) -> Option<&'static str> {
        metric_at(label, unit, Measure::Level).map(|(m, _)| m.id)
    }

    #[test]
    fn catalogue_is_unique_and_snake_case() {
        let v = vocabulary();
        assert!(v.len() >= 40);
        let mut ids: Vec<_> = v.iter().map(|m| m.id.as_str()).collect();
        ids.sort_unstable();
        ids.dedup();
        assert_eq!(ids.len(), v.len());
        assert!(ids.iter().all(|i| {
            i.chars()
                .all(|c| c.is_ascii_lowercase() || c == '_' || c.is_ascii_digit())
        }));
        for old in [
            "growth_rate",
            "share",
            "rank",
            "multiple",
            "events",
            "policies",
            "funds",
        ] {
            assert!(!ids.contains(&old), "{old} is a measure or no metric now");
        }
    }

    #[test]
    fn the_head_noun_names_the_metric() {
        assert_eq!(id("高新技术企业", "家"), Some("high_tech_enterprises"));
        assert_eq!(id("入库科技型中小企业", "家"), Some("tech_smes"));
        assert_eq!(id("国家级科技企业孵化器", "家"), Some("incubators"));
        assert_eq!(id("有效发明专利拥有量", "件"), Some("invention_patents"));
        assert_eq!(id("规模以上工业总产值", "元"), Some("industrial_output"));
        assert_eq!(id("高新技术企业营业收入", "元"), Some("revenue"));
        assert_eq!(id("规模以上企业营业收入", "元"), Some("revenue"));
        assert_eq!(id("在孵高新技术企业", "家"), Some("high_tech_enterprises"));
        assert_eq!(id("两院院士", "位"), Some("academicians"));
        assert_eq!(id("常住人口", ""), Some("population"));
        assert_eq!(id("万人有效发明专利拥有量", "件"), Some("patents_per_10k"));
    }

    #[test]
    fn unit_dimension_rules_out_wrong_metrics() {
        assert_eq!(id("高新技术企业", "元"), None);
        assert_eq!(id("营业收入", "家"), None);
        assert_eq!(id("院士工作站", "个"), Some("innovation_platforms"));
        // A rate of revenue is about revenue.
        assert_eq!(
            metric_at("营业收入", "%", Measure::Growth).map(|(m, _)| m.id),
            Some("revenue")
        );
        assert_eq!(id("营业收入", "%"), None);
    }

    #[test]
    fn unknown_labels_stay_unmapped() {
        assert_eq!(id("网站点击量", "次"), None);
        assert_eq!(id("", "家"), None);
        assert_eq!(id("培训", "场"), None);
    }
}
