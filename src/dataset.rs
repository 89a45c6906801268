//! The dataset: the contract between the extractor and the app (schema_version 1).
//!
//! `gaoxin build` writes it; the app and every query command only read it. Field meanings follow
//! `DATASET.md` in the repository root. Offsets in [`Figure::span`] count Unicode scalar values.

use serde::{Deserialize, Serialize};

/// The schema version this build writes and reads.
pub const SCHEMA_VERSION: u32 = 1;

/// The whole dataset document.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Dataset {
    /// Always [`SCHEMA_VERSION`].
    pub schema_version: u32,
    /// Articles, sorted by source file then position in the file.
    pub articles: Vec<Article>,
    /// Regions, sorted by id; parents always present.
    pub regions: Vec<Region>,
    /// The canonical metric vocabulary.
    pub metrics: Vec<Metric>,
    /// Figures, sorted by article then span.
    pub figures: Vec<Figure>,
}

/// One article, reflowed.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Article {
    /// Stable id: `<source path without extension>#<index in the file>`.
    pub id: String,
    /// The input file's path relative to where `build` ran, with `/` separators.
    pub source: String,
    /// The headline as printed, or `""`.
    pub title: String,
    /// The byline (author, reporter) as printed, or `""`.
    #[serde(default)]
    pub byline: String,
    /// The body, hard wraps joined, paragraphs separated by `\n`.
    pub text: String,
}

/// Administrative level or kind of a region.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RegionKind {
    /// 全国.
    Nation,
    /// Province-level division (省, 自治区, 直辖市).
    Province,
    /// Prefecture-level division (地级市, 自治州, 地区, 盟).
    City,
    /// City district (市辖区).
    District,
    /// County-level division other than a district (县, 县级市, 旗).
    County,
    /// A development zone: 高新区, 新区, 经开区, 科技城, 自创区, 科技园 and similar.
    Park,
}

impl RegionKind {
    /// Every kind, from the nation down.
    pub const ALL: [RegionKind; 6] = [
        RegionKind::Nation,
        RegionKind::Province,
        RegionKind::City,
        RegionKind::District,
        RegionKind::County,
        RegionKind::Park,
    ];

    /// The kind as the dataset spells it (`nation`, `park`, …).
    pub fn as_str(self) -> &'static str {
        match self {
            RegionKind::Nation => "nation",
            RegionKind::Province => "province",
            RegionKind::City => "city",
            RegionKind::District => "district",
            RegionKind::County => "county",
            RegionKind::Park => "park",
        }
    }
}

/// A region figures can be about.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Region {
    /// Stable id: the six-digit division code, `cn` for the nation, `park:<parent>:<name>` for parks.
    pub id: String,
    /// Full name (`成都市`, `天津滨海高新区`).
    pub name: String,
    /// Administrative kind.
    pub kind: RegionKind,
    /// Enclosing region's id; `None` only for the nation.
    pub parent: Option<String>,
    /// Other names under which the region appears in text.
    pub aliases: Vec<String>,
    /// Longitude, where known.
    pub lon: Option<f64>,
    /// Latitude, where known.
    pub lat: Option<f64>,
}

/// What kind of quantity a metric measures.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Dimension {
    /// A number of things (enterprises, patents, platforms).
    Count,
    /// A number of people.
    People,
    /// An amount of money.
    Money,
    /// A percentage.
    Percent,
    /// A ratio or multiple.
    Ratio,
    /// A position in a ranking.
    Rank,
    /// An area.
    Area,
    /// Anything else.
    Other,
}

/// A canonical measure.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Metric {
    /// snake_case English id (`high_tech_enterprises`).
    pub id: String,
    /// Chinese name.
    pub zh: String,
    /// English name.
    pub en: String,
    /// What kind of quantity it is.
    pub dimension: Dimension,
}

/// How exact a figure is, as the text hedges it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Qualifier {
    /// No hedge.
    Exact,
    /// 超过, 突破, 逾, 以上, 余, 多.
    Over,
    /// 约, 左右.
    About,
    /// 近, 接近.
    Nearly,
    /// 不足, 不到.
    Under,
    /// 最高, 最多.
    UpTo,
}

/// Whether a figure is achieved, aimed for or forecast.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Modality {
    /// Reported as achieved.
    Actual,
    /// 目标, 力争, 计划.
    Target,
    /// 预计.
    Forecast,
}

/// One figure found in an article.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Figure {
    /// Stable id: `<article id>@<start>`.
    pub id: String,
    /// The article it was found in.
    pub article: String,
    /// The region it is about, if any.
    pub region: Option<String>,
    /// What is measured, in the article's words.
    pub label: String,
    /// Canonical metric id, if the label maps to one.
    pub metric: Option<String>,
    /// The number with magnitude words applied, in the base unit.
    pub value: f64,
    /// Base unit as written (`元`, `家`, `%`), `ratio` for fractions, `""` when none.
    pub unit: String,
    /// Number, magnitude and unit exactly as written.
    pub raw: String,
    /// Hedge.
    pub qualifier: Qualifier,
    /// Actual, target or forecast.
    pub modality: Modality,
    /// The year the figure refers to.
    pub year: Option<i32>,
    /// `[start, end)` of `raw` in the article's text, in Unicode scalar values.
    pub span: [usize; 2],
    /// `[start, end)` of the sentence holding the figure, in Unicode scalar values.
    pub sentence: [usize; 2],
}

/// The dataset bundled into the binary at compile time (`data/dataset.json`).
pub const BUNDLED_JSON: &str = include_str!("../data/dataset.json");

/// Parses a dataset document and checks it with [`validate`]; `origin` names it in error
/// messages. Syntax errors and cut-short files are located by line and column; a document that
/// is JSON but not a dataset by the record (and field) that does not fit, as in
/// `articles[3].title`.
pub fn from_json(json: &str, origin: &std::path::Path) -> crate::Result<Dataset> {
    validate::check_schema_version(json, origin)?;
    let ds = serde_json::from_str(json).map_err(|e| {
        let (location, reason) = shape::parse_error(json, &e);
        crate::Error::Dataset {
            path: origin.to_path_buf(),
            location,
            reason,
        }
    })?;
    validate(&ds, origin)?;
    Ok(ds)
}

/// Reads and parses a dataset file.
pub fn load(path: &std::path::Path) -> crate::Result<Dataset> {
    // Capped: `--data /dev/zero` must not grow without bound.
    let bytes = crate::limits::read_capped_text(path, crate::limits::Limit::dataset()?)?;
    let json = String::from_utf8(bytes).map_err(|e| {
        let at = e.utf8_error().valid_up_to();
        crate::Error::io(
            path,
            std::io::Error::new(
                std::io::ErrorKind::InvalidData,
                format!("stream did not contain valid UTF-8 (first bad byte at offset {at})"),
            ),
        )
    })?;
    from_json(&json, path)
}

/// The dataset bundled into the binary.
pub fn bundled() -> crate::Result<Dataset> {
    from_json(
        BUNDLED_JSON,
        std::path::Path::new("<bundled data/dataset.json>"),
    )
}

mod shape;
mod validate;
pub use validate::validate;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kind_names_are_the_serialised_names() {
        for k in RegionKind::ALL {
            assert_eq!(serde_json::to_value(k).unwrap(), k.as_str());
        }
    }
}
