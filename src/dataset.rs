//! The dataset: the contract between the extractor and the app (schema_version 2).
//!
//! `gaoxin build` writes it; the app and every query command only read it. Field meanings follow
//! `DATASET.md` in the repository root. Offsets in [`Figure::span`] count Unicode scalar values.

use serde::{Deserialize, Serialize};

/// The schema version this build writes.
pub const SCHEMA_VERSION: u32 = 2;

/// The oldest schema version this build still reads: version 1 has no `measure`, `scope` or
/// `date`, read as `level`, `null` and `null`.
pub const OLDEST_SCHEMA_VERSION: u32 = 1;

/// The whole dataset document.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Dataset {
    /// [`SCHEMA_VERSION`] when written by this build; older readable versions load too.
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
    /// The publication date as the page gives it (`2020-01-21`, `2021-03`), if known.
    #[serde(default)]
    pub date: Option<String>,
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
    /// An area.
    Area,
    /// Anything else; schema 1's `rank` dimension reads as this (a rank is a measure now).
    #[serde(alias = "rank")]
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

/// How a figure's number relates to its metric (`METRICS.md`).
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default, Serialize, Deserialize,
)]
#[serde(rename_all = "snake_case")]
pub enum Measure {
    /// The region's amount at a time or for a period (拥有, 达到, 实现).
    #[default]
    Level,
    /// What was added in the period (新增, 新认定, 新引进).
    Added,
    /// Added up over a multi-year span (累计, 先后).
    Cumulative,
    /// Relative change, in % or 倍 (同比增长, 年均增长, 翻番).
    Growth,
    /// Absolute change (增加, 净增, 提高N个百分点, 前进N位).
    Change,
    /// A part of a larger whole, in % (占…比重).
    Share,
    /// Position in a list of regions (居第N位).
    Rank,
    /// Per person, per area or per firm (每万人, 人均, 地均).
    Density,
}

impl Measure {
    /// Every measure, in the order the contract lists them.
    pub const ALL: [Measure; 8] = [
        Measure::Level,
        Measure::Added,
        Measure::Cumulative,
        Measure::Growth,
        Measure::Change,
        Measure::Share,
        Measure::Rank,
        Measure::Density,
    ];

    /// The measure as the dataset spells it (`level`, `growth`, …).
    pub fn as_str(self) -> &'static str {
        match self {
            Measure::Level => "level",
            Measure::Added => "added",
            Measure::Cumulative => "cumulative",
            Measure::Growth => "growth",
            Measure::Change => "change",
            Measure::Share => "share",
            Measure::Rank => "rank",
            Measure::Density => "density",
        }
    }

    /// Whether a lower number is better (first place beats tenth).
    pub fn lower_is_better(self) -> bool {
        self == Measure::Rank
    }
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
    /// Catalogue metric id, if the figure is an indicator of the catalogue.
    pub metric: Option<String>,
    /// How the number relates to the metric; schema 1 documents read as `level`.
    #[serde(default)]
    pub measure: Measure,
    /// The part of the region the figure covers, in the article's words; `None` for the
    /// region's own total. Only figures with a metric and no scope are ranked or compared.
    #[serde(default)]
    pub scope: Option<String>,
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
    /// `[start, end)` of the sentence holding the figure, in Unicode scalar values. gaoxin adds
    /// it for itself: a document without it loads with the sentence found around the span.
    #[serde(default)]
    pub sentence: [usize; 2],
}

impl Figure {
    /// Whether the figure may enter a ranking or a comparison row: an indicator of the catalogue
    /// about the region's own total.
    pub fn is_rankable(&self) -> bool {
        self.metric.is_some() && self.scope.is_none()
    }

    /// Whether the figure is like for like with others on `metric` and `measure`: that
    /// indicator, that relation to it, about the region's own total.
    pub fn is_like(&self, metric: &str, measure: Measure) -> bool {
        self.metric.as_deref() == Some(metric) && self.measure == measure && self.scope.is_none()
    }
}

/// The dataset bundled into the binary at compile time (`data/dataset.json`).
pub const BUNDLED_JSON: &str = include_str!("../data/dataset.json");

/// Parses a dataset document and checks it with [`validate`]; `origin` names it in error
/// messages. Syntax errors and cut-short files are located by line and column; a document that
/// is JSON but not a dataset by the record (and field) that does not fit, as in
/// `articles[3].title`.
pub fn from_json(json: &str, origin: &std::path::Path) -> crate::Result<Dataset> {
    // Editors on Windows save JSON with a byte-order mark; it is not part of the document.
    let json = json.strip_prefix('\u{feff}').unwrap_or(json);
    // A document that parses needs no second look: its version is checked by `validate`, with
    // the same message the early check gives. Only a failed parse pays for finding out why.
    let mut ds: Dataset = match serde_json::from_str(json) {
        Ok(ds) => ds,
        Err(e) => return Err(parse_failure(json, &e, origin)),
    };
    derive::missing_sentences(&mut ds);
    validate(&ds, origin)?;
    Ok(ds)
}

/// Why `json` is no dataset: a version this build does not read (whatever else is wrong with
/// it), else where the parse failed `e` went wrong.
fn parse_failure(json: &str, e: &serde_json::Error, origin: &std::path::Path) -> crate::Error {
    if let Err(version) = validate::check_schema_version(json, origin) {
        return version;
    }
    let (location, reason) = shape::parse_error(json, e);
    crate::Error::Dataset {
        path: origin.to_path_buf(),
        location,
        reason,
    }
}

/// Reads and parses a dataset file.
pub fn load(path: &std::path::Path) -> crate::Result<Dataset> {
    let limit = crate::limits::Limit::dataset()?;
    // A regular file within the cap is read in pieces: it never sits in memory twice, as
    // text and parsed. Whatever that read gives up on (and anything not a regular file,
    // which cannot be read twice) is read whole, which reports any problem exactly.
    if let Ok(file) = std::fs::File::open(path)
        && file
            .metadata()
            .is_ok_and(|m| m.is_file() && m.len() <= limit.bytes)
        && let Ok(mut ds) = stream::read(file, limit.bytes)
    {
        derive::missing_sentences(&mut ds);
        validate(&ds, path)?;
        return Ok(ds);
    }
    // Capped: `--data /dev/zero` must not grow without bound.
    let bytes = crate::limits::read_capped_text(path, limit)?;
    // Parsing the bytes checks the UTF-8 of every string as it goes, and everything outside
    // strings must be ASCII: a document that parses is valid UTF-8, so the separate check
    // (and the copy of the file it would need) is left to documents that fail.
    let body = bytes.strip_prefix("\u{feff}".as_bytes()).unwrap_or(&bytes);
    if let Ok(mut ds) = serde_json::from_slice::<Dataset>(body) {
        derive::missing_sentences(&mut ds);
        validate(&ds, path)?;
        return Ok(ds);
    }
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

mod derive;
mod shape;
mod stream;
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
