//! Parsed arguments to a resolved request: every region and metric name becomes an index, or
//! the command stops with an error that lists the closest names.

use super::report::Format;
use super::{Command, RankKind};
use crate::dataset::RegionKind;
use crate::query::{ExportFilter, Index, KindFilter, QueryError, compare};

/// A query with every name resolved.
#[derive(Debug, Clone, PartialEq)]
pub enum Request {
    /// `regions`: an optional kind and province (region index).
    Regions {
        /// Only this kind.
        kind: Option<RegionKind>,
        /// Only regions in this province.
        province: Option<usize>,
    },
    /// `show`: one region.
    Show {
        /// Region index.
        region: usize,
    },
    /// `compare`: regions and, optionally, metric ids.
    Compare {
        /// Region indices.
        regions: Vec<usize>,
        /// Metric ids, when the user chose some.
        metrics: Option<Vec<String>>,
    },
    /// `rank`: metric id, kind filter, year.
    Rank {
        /// Metric id.
        metric: String,
        /// Which regions.
        kind: KindFilter,
        /// Only this year.
        year: Option<i32>,
        /// The measure ranked; the metric's primary measure when `None`.
        measure: Option<crate::dataset::Measure>,
    },
    /// `metrics`.
    Metrics,
    /// `export`: which figures.
    Export(ExportFilter),
}

fn metric(ix: &Index, name: &str) -> Result<String, QueryError> {
    let m = ix.metric_names.resolve(name)?;
    Ok(ix
        .data
        .metrics
        .get(m)
        .map(|m| m.id.clone())
        .unwrap_or_default())
}

/// Resolves a query command's names against the dataset. `build` and `completions` ask
/// nothing of it: they are an error here.
pub fn resolve(ix: &Index, command: Command) -> anyhow::Result<(Request, Format)> {
    let regions = &ix.region_names;
    Ok(match command {
        Command::Regions {
            kind: k,
            province,
            output,
        } => {
            let province = match province {
                Some(p) => {
                    let r = regions.resolve(&p)?;
                    let is_province = ix.region(r).is_some_and(|x| x.kind == RegionKind::Province);
                    if !is_province {
                        anyhow::bail!("{} is not a province", regions.shown(r));
                    }
                    Some(r)
                }
                None => None,
            };
            (Request::Regions { kind: k, province }, output.format)
        }
        Command::Show { region, output } => (
            Request::Show {
                region: regions.resolve(&region)?,
            },
            output.format,
        ),
        Command::Compare {
            regions: names,
            metrics,
            output,
        } => {
            let mut rs = Vec::new();
            for n in &names {
                let r = regions.resolve(n)?;
                if rs.contains(&r) {
                    anyhow::bail!("{} is named twice", regions.shown(r));
                }
                rs.push(r);
            }
            if !(compare::MIN_REGIONS..=compare::MAX_REGIONS).contains(&rs.len()) {
                return Err(QueryError::RegionCount(rs.len()).into());
            }
            let metrics = if metrics.is_empty() {
                None
            } else {
                Some(
                    metrics
                        .iter()
                        .map(|m| metric(ix, m))
                        .collect::<Result<Vec<_>, _>>()?,
                )
            };
            (
                Request::Compare {
                    regions: rs,
                    metrics,
                },
                output.format,
            )
        }
        Command::Rank {
            metric: m,
            kind,
            year,
            measure,
            output,
        } => (
            Request::Rank {
                metric: metric(ix, &m)?,
                kind: match kind {
                    RankKind::All => KindFilter::All,
                    RankKind::Park => KindFilter::Parks,
                    RankKind::City => KindFilter::Cities,
                    RankKind::Province => KindFilter::Provinces,
                    RankKind::District => KindFilter::Districts,
                },
                year,
                measure,
            },
            output.format,
        ),
        Command::Metrics { output } => (Request::Metrics, output.format),
        Command::Export {
            format,
            output: _,
            regions: names,
            metrics,
            year,
            kind,
        } => {
            let filter = ExportFilter {
                regions: names
                    .iter()
                    .map(|n| regions.resolve(n))
                    .collect::<Result<_, _>>()?,
                metrics: metrics
                    .iter()
                    .map(|m| metric(ix, m))
                    .collect::<Result<_, _>>()?,
                year,
                kind,
            };
            (Request::Export(filter), format.unwrap_or(Format::Csv))
        }
        Command::Build { .. } | Command::Completions { .. } => {
            anyhow::bail!("not a query command")
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cli::Output;

    fn ix() -> Index {
        Index::new(crate::dataset::bundled().unwrap())
    }

    fn out() -> Output {
        Output {
            format: Format::Json,
        }
    }

    #[test]
    fn names_become_indices() {
        let ix = ix();
        let (req, format) = resolve(
            &ix,
            Command::Compare {
                regions: vec!["chengdu".into(), "天津滨海高新区".into()],
                metrics: vec!["高新技术企业".into()],
                output: out(),
            },
        )
        .unwrap();
        assert_eq!(format, Format::Json);
        let Request::Compare { regions, metrics } = req else {
            panic!("{req:?}");
        };
        assert_eq!(ix.region(regions[0]).unwrap().name, "成都市");
        assert_eq!(metrics, Some(vec!["high_tech_enterprises".to_string()]));
    }

    #[test]
    fn bad_names_and_repeats_are_errors() {
        let ix = ix();
        let twice = Command::Compare {
            regions: vec!["成都".into(), "cd".into()],
            metrics: vec![],
            output: out(),
        };
        assert!(
            resolve(&ix, twice)
                .unwrap_err()
                .to_string()
                .contains("twice")
        );
        let not_province = Command::Regions {
            kind: None,
            province: Some("成都".into()),
            output: out(),
        };
        assert!(resolve(&ix, not_province).is_err());
        let unknown = Command::Rank {
            metric: "nonsense metric".into(),
            kind: RankKind::All,
            year: None,
            measure: None,
            output: out(),
        };
        let err = resolve(&ix, unknown).unwrap_err().to_string();
        assert!(err.contains("no metric matches"), "{err}");
    }
}
