//! Questions asked of a dataset, answered the same way for the command line and the app:
//! which region a name means, how regions compare, who ranks first, how a figure moved over
//! the years, where sources disagree, and every figure as a flat row for export.
//!
//! Everything starts from an [`Index`], built once per dataset. Results hold indices into
//! the dataset, never copies, so renderers can reach each figure's article and sentence.

pub mod compare;
pub mod conflicts;
pub mod export;
pub mod format;
pub mod i18n;
pub mod index;
pub mod pick;
pub mod rank;
pub mod resolve;
pub mod search;
pub mod trends;

pub use compare::{Cell, CompareRow, Comparison, compare};
pub use conflicts::Conflict;
pub use export::{
    EXPORT_COLUMNS, ExportFilter, ExportRow, export_row, export_rows, export_rows_where,
};
pub use format::Scale;
pub use i18n::Lang;
pub use index::Index;
pub use pick::{Pick, pick};
pub use rank::{KindFilter, RankEntry, Ranking, rank, rank_by};
pub use resolve::{Names, QueryError};
pub use trends::{Trend, TrendPoint, trends};
