//! Lookups derived once from the dataset: the region tree, figures per region and article,
//! names to resolve and search, and where sources disagree.

/// Maps keyed by ids: a fast hasher, as ids come from local files, not from adversaries over
/// a network, and there are hundreds of thousands of them.
type HashMap<K, V> = std::collections::HashMap<K, V, foldhash::fast::RandomState>;
use std::ops::Range;
use std::sync::OnceLock;

use crate::dataset::{Article, Dataset, Figure, Measure, Metric, Region, RegionKind};

use super::conflicts::{self, Conflict};
use super::i18n::Lang;
use super::resolve::Names;

/// The dataset with its lookups.
#[derive(Debug, Clone)]
pub struct Index {
    /// The dataset as loaded.
    pub data: Dataset,
    /// Parent of each region, when present in the dataset.
    pub parent: Vec<Option<usize>>,
    /// Children of each region, nation/provinces/cities first, then by id.
    pub children: Vec<Vec<usize>>,
    /// Regions without a (known) parent: the nation, and any orphans.
    pub roots: Vec<usize>,
    /// Figures about each region, in source order.
    pub region_figs: Vec<Vec<usize>>,
    /// Figures about each region and every region under it.
    pub subtree_figs: Vec<usize>,
    /// Distinct articles with figures about each region.
    pub region_articles: Vec<usize>,
    /// Figures of each article, by span.
    pub article_figs: Vec<Vec<usize>>,
    /// The article of each figure, when present.
    pub figure_article: Vec<Option<usize>>,
    /// The region of each figure, when present.
    pub region_of: Vec<Option<usize>>,
    /// Region names, for resolving and searching.
    pub region_names: Names,
    /// Metric names, for resolving and searching.
    pub metric_names: Names,
    /// Groups of figures that disagree: same region, metric and year, different values from
    /// different articles; by region, then metric, measure, year and modality.
    pub conflicts: Vec<Conflict>,
    /// The conflict each figure belongs to, if any.
    pub figure_conflict: Vec<Option<usize>>,
    /// Where each article's chars start, filled in as sentences are asked for.
    marks: Vec<OnceLock<CharMarks>>,
    /// Figures about a region on each metric, counted when first asked for.
    metric_counts: OnceLock<Vec<usize>>,
    region_by_id: HashMap<String, usize>,
    metric_by_id: HashMap<String, usize>,
    primary: HashMap<String, Measure>,
}

/// Each metric's primary measure (see [`Index::primary_measure`]).
fn primary_measures(data: &Dataset) -> HashMap<String, Measure> {
    let mut counts: HashMap<&str, [usize; Measure::ALL.len()]> = HashMap::default();
    for f in data.figures.iter().filter(|f| f.is_rankable()) {
        if let Some(m) = f.metric.as_deref() {
            counts.entry(m).or_default()[f.measure as usize] += 1;
        }
    }
    counts
        .into_iter()
        .map(|(m, c)| {
            let i = if c[Measure::Level as usize] > 0 {
                Measure::Level as usize
            } else {
                (0..c.len())
                    .max_by_key(|&i| (c[i], std::cmp::Reverse(i)))
                    .unwrap_or(0)
            };
            (m.to_string(), Measure::ALL[i])
        })
        .collect()
}

impl Index {
    /// Builds the lookups; tolerates dangling references and parent cycles.
    pub fn new(data: Dataset) -> Index {
        let n = data.regions.len();
        let region_by_id: HashMap<String, usize> = data
            .regions
            .iter()
            .enumerate()
            .map(|(i, r)| (r.id.clone(), i))
            .collect();
        let parent: Vec<Option<usize>> = data
            .regions
            .iter()
            .enumerate()
            .map(|(i, r)| {
                let p = r
                    .parent
                    .as_deref()
                    .and_then(|p| region_by_id.get(p).copied());
                p.filter(|&p| p != i)
            })
            .collect();
        let order = |a: &usize, b: &usize| {
            let (ra, rb) = (&data.regions[*a], &data.regions[*b]);
            (ra.kind, &ra.id).cmp(&(rb.kind, &rb.id))
        };
        let mut children = vec![Vec::new(); n];
        let mut roots = Vec::new();
        for (i, p) in parent.iter().enumerate() {
            match p {
                Some(p) => children[*p].push(i),
                None => roots.push(i),
            }
        }
        for c in &mut children {
            c.sort_by(order);
        }
        roots.sort_by(order);
        // Regions caught in a parent cycle are reachable from no root: list them as roots.
        let mut seen = vec![false; n];
        let mut stack: Vec<usize> = roots.clone();
        while let Some(r) = stack.pop() {
            if std::mem::replace(&mut seen[r], true) {
                continue;
            }
            stack.extend(children[r].iter().copied());
        }
        if seen.contains(&false) {
            for (i, s) in seen.iter().enumerate() {
                if !s {
                    roots.push(i);
                }
            }
            for c in &mut children {
                c.retain(|&x| seen[x]);
            }
        }
        // A region is in its parent's children unless it was made a root above.
        let mut is_root = vec![false; n];
        for &r in &roots {
            is_root[r] = true;
        }

        let article_by_id: HashMap<&str, usize> = data
            .articles
            .iter()
            .enumerate()
            .map(|(i, a)| (a.id.as_str(), i))
            .collect();
        let mut region_figs = vec![Vec::new(); n];
        let mut article_figs = vec![Vec::new(); data.articles.len()];
        let mut figure_article = Vec::with_capacity(data.figures.len());
        let mut figure_region = Vec::with_capacity(data.figures.len());
        for (i, f) in data.figures.iter().enumerate() {
            let r = f
                .region
                .as_deref()
                .and_then(|r| region_by_id.get(r))
                .copied();
            if let Some(r) = r {
                region_figs[r].push(i);
            }
            figure_region.push(r);
            let a = article_by_id.get(f.article.as_str()).copied();
            if let Some(a) = a {
                article_figs[a].push(i);
            }
            figure_article.push(a);
        }
        for figs in &mut article_figs {
            figs.sort_by_key(|&f| (data.figures[f].span[0], f));
        }
        let region_articles = region_figs
            .iter()
            .map(|figs| {
                let mut a: Vec<Option<usize>> = figs.iter().map(|&f| figure_article[f]).collect();
                a.sort_unstable();
                a.dedup();
                a.iter().flatten().count()
            })
            .collect();
        // Children before parents: the reverse of a walk from the roots down.
        let mut order = Vec::with_capacity(n);
        let mut stack: Vec<usize> = roots.clone();
        while let Some(r) = stack.pop() {
            order.push(r);
            stack.extend(children[r].iter().copied());
        }
        let mut subtree_figs: Vec<usize> = region_figs.iter().map(Vec::len).collect();
        for &r in order.iter().rev() {
            if let Some(p) = parent[r].filter(|_| !is_root[r]) {
                subtree_figs[p] += subtree_figs[r];
            }
        }
        let conflicts = conflicts::find(&data, &figure_region);
        let region_of = figure_region;
        let primary = primary_measures(&data);
        let mut figure_conflict = vec![None; data.figures.len()];
        for (c, conflict) in conflicts.iter().enumerate() {
            for &f in &conflict.figures {
                figure_conflict[f] = Some(c);
            }
        }
        let metric_by_id = data
            .metrics
            .iter()
            .enumerate()
            .map(|(i, m)| (m.id.clone(), i))
            .collect();
        Index {
            marks: (0..data.articles.len()).map(|_| OnceLock::new()).collect(),
            metric_counts: OnceLock::new(),
            parent,
            children,
            roots,
            region_figs,
            subtree_figs,
            region_articles,
            article_figs,
            figure_article,
            region_of,
            region_names: Names::regions(&data.regions),
            metric_names: Names::metrics(&data.metrics),
            conflicts,
            figure_conflict,
            region_by_id,
            metric_by_id,
            primary,
            data,
        }
    }

    /// A region by index.
    pub fn region(&self, i: usize) -> Option<&Region> {
        self.data.regions.get(i)
    }

    /// A figure by index.
    pub fn figure(&self, i: usize) -> Option<&Figure> {
        self.data.figures.get(i)
    }

    /// An article by index.
    pub fn article(&self, i: usize) -> Option<&Article> {
        self.data.articles.get(i)
    }

    /// The measure `metric` is ranked and compared by when none is asked for: `level` when any
    /// of its rankable figures has it, else the measure most of them have (`rank` for places
    /// in a list).
    pub fn primary_measure(&self, metric: &str) -> Measure {
        self.primary.get(metric).copied().unwrap_or_default()
    }

    /// The conflicts about region `r`, in the order of [`Index::conflicts`] (which is by
    /// region).
    pub fn region_conflicts(&self, r: usize) -> &[Conflict] {
        let from = self.conflicts.partition_point(|c| c.region < r);
        let to = self.conflicts.partition_point(|c| c.region <= r);
        self.conflicts.get(from..to).unwrap_or_default()
    }

    /// How many figures about a region each metric of the vocabulary has, in its order.
    pub fn metric_counts(&self) -> &[usize] {
        self.metric_counts.get_or_init(|| {
            let mut by_id: HashMap<&str, usize> = HashMap::default();
            for f in self.data.figures.iter().filter(|f| f.region.is_some()) {
                if let Some(m) = f.metric.as_deref() {
                    *by_id.entry(m).or_default() += 1;
                }
            }
            self.data
                .metrics
                .iter()
                .map(|m| by_id.get(m.id.as_str()).copied().unwrap_or(0))
                .collect()
        })
    }

    /// Whether figure `f` is part of a conflict.
    pub fn in_conflict(&self, f: usize) -> bool {
        self.figure_conflict.get(f).copied().flatten().is_some()
    }

    /// A region's index by id.
    pub fn region_by_id(&self, id: &str) -> Option<usize> {
        self.region_by_id.get(id).copied()
    }

    /// The region a figure is about, if it is in the dataset.
    pub fn figure_region(&self, f: &Figure) -> Option<usize> {
        f.region.as_deref().and_then(|r| self.region_by_id(r))
    }

    /// The region itself or its nearest ancestor of `kind`.
    pub fn ancestor(&self, r: usize, kind: RegionKind) -> Option<usize> {
        let mut cur = Some(r);
        for _ in 0..=16 {
            let i = cur?;
            if self.region(i)?.kind == kind {
                return Some(i);
            }
            cur = self.parent[i];
        }
        None
    }

    /// A metric's index by id.
    pub fn metric_index(&self, id: &str) -> Option<usize> {
        self.metric_by_id.get(id).copied()
    }

    /// The sentence holding figure `f` and where the figure sits in it (see [`sentence_of`]).
    /// Costs the sentence's length, not the article's: each article's text is walked once,
    /// the first time one of its sentences is asked for.
    pub fn sentence(&self, f: usize) -> (Vec<char>, Range<usize>) {
        let Some(fig) = self.figure(f) else {
            return (Vec::new(), 0..0);
        };
        let article = self.figure_article.get(f).copied().flatten();
        match article.and_then(|a| Some((self.article(a)?, self.marks.get(a)?))) {
            Some((a, marks)) => {
                let marks = marks.get_or_init(|| CharMarks::new(&a.text));
                sentence_in(&a.text, marks, fig)
            }
            None => sentence_in("", &CharMarks::new(""), fig),
        }
    }

    /// A metric by id.
    pub fn metric(&self, id: &str) -> Option<&Metric> {
        self.metric_by_id
            .get(id)
            .and_then(|&i| self.data.metrics.get(i))
    }

    /// What a figure measures in `lang`: the metric's name, or the article's label.
    pub fn figure_name(&self, f: &Figure, lang: Lang) -> String {
        match f.metric.as_deref().and_then(|m| self.metric(m)) {
            Some(m) => lang.pick(&m.zh, &m.en).to_string(),
            None => f.label.clone(),
        }
    }

    /// What a figure measures, for a table row: the metric's name with the measure when it is
    /// not the level (`营业收入 · 增长`), or the article's label when there is no metric.
    pub fn figure_measure_name(&self, f: &Figure, lang: Lang) -> String {
        match f.metric.as_deref() {
            Some(m) => self.series_name(m, f.measure, lang),
            None => f.label.clone(),
        }
    }

    /// A metric and measure as one name: the metric's name, with the measure when it is not
    /// the level (`营业收入 · 增长`, `Revenue · growth`).
    pub fn series_name(&self, metric: &str, measure: Measure, lang: Lang) -> String {
        let name = self.metric_name(metric, lang);
        if measure == Measure::Level {
            name
        } else {
            format!("{name} · {}", super::i18n::measure(measure, lang))
        }
    }

    /// A metric's name in `lang`, or the id when the metric is not in the vocabulary.
    pub fn metric_name(&self, id: &str, lang: Lang) -> String {
        self.metric(id)
            .map_or(id, |m| lang.pick(&m.zh, &m.en))
            .to_string()
    }

    /// Names from the top of the tree down to the region: `四川省 › 成都市 › 金牛区`.
    pub fn chain(&self, r: usize) -> Vec<&str> {
        let mut out = Vec::new();
        let mut cur = Some(r);
        while let Some(i) = cur {
            if out.len() > 16 {
                break;
            }
            if let Some(reg) = self.region(i) {
                out.push(reg.name.as_str());
            }
            cur = self.parent[i];
        }
        out.reverse();
        out
    }

    /// Regions in tree order with their depth, skipping the children of collapsed regions.
    pub fn tree(&self, collapsed: &[bool]) -> Vec<(usize, usize)> {
        let mut out = Vec::with_capacity(self.data.regions.len());
        let mut stack: Vec<(usize, usize)> = self.roots.iter().rev().map(|&r| (r, 0)).collect();
        while let Some((r, d)) = stack.pop() {
            out.push((r, d));
            if !collapsed.get(r).copied().unwrap_or(false) {
                // Provinces sit flush under the nation: one more indent level buys nothing.
                let nation = self.region(r).is_some_and(|x| x.kind == RegionKind::Nation);
                let cd = if nation { d } else { d + 1 };
                stack.extend(self.children[r].iter().rev().map(|&c| (c, cd)));
            }
        }
        out
    }
}

/// A figure's sentence in chars: `(sentence, figure range within it)`. A sentence span that
/// does not hold the figure is replaced by some context around the figure.
pub fn sentence_of(text: &str, f: &Figure) -> (Vec<char>, Range<usize>) {
    sentence_in(text, &CharMarks::new(text), f)
}

/// [`sentence_of`], with `text`'s char positions at hand.
fn sentence_in(text: &str, marks: &CharMarks, f: &Figure) -> (Vec<char>, Range<usize>) {
    let n = marks.chars;
    let [s0, s1] = f.sentence;
    let [f0, f1] = f.span;
    let (s0, s1) = if s0 < s1 && s1 <= n && s0 <= f0 && f1 <= s1 {
        (s0, s1)
    } else {
        let f0 = f0.min(n);
        (
            f0.saturating_sub(30),
            f1.clamp(f0, n).saturating_add(30).min(n),
        )
    };
    let sentence: Vec<char> = text[marks.byte(text, s0)..marks.byte(text, s1)]
        .chars()
        .collect();
    let start = f0.saturating_sub(s0).min(sentence.len());
    let end = f1.saturating_sub(s0).clamp(start, sentence.len());
    (sentence, start..end)
}

/// Chars between two marks in [`CharMarks`].
const MARK_EVERY: usize = 64;

/// Where every [`MARK_EVERY`]th char of a text starts, so a char position becomes a byte
/// offset in a few steps instead of a walk from the start.
#[derive(Debug, Clone)]
struct CharMarks {
    /// Byte offset of chars 0, 64, 128, ….
    marks: Vec<usize>,
    /// The text's length in chars.
    chars: usize,
}

impl CharMarks {
    fn new(text: &str) -> CharMarks {
        let mut marks = Vec::with_capacity(text.len() / MARK_EVERY + 1);
        let mut chars = 0;
        for (i, (b, _)) in text.char_indices().enumerate() {
            if i % MARK_EVERY == 0 {
                marks.push(b);
            }
            chars = i + 1;
        }
        CharMarks { marks, chars }
    }

    /// The byte offset of char `c` of `text` (the text's length from its last char on).
    fn byte(&self, text: &str, c: usize) -> usize {
        let Some(&from) = self.marks.get(c / MARK_EVERY) else {
            return text.len();
        };
        text[from..]
            .char_indices()
            .nth(c % MARK_EVERY)
            .map_or(text.len(), |(b, _)| from + b)
    }
}

/// A small dataset for the query tests.
#[cfg(test)]
pub mod tests {
    use super::*;
    use crate::dataset::{Dimension, Modality, Qualifier};

    fn region(id: &str, name: &str, kind: RegionKind, parent: Option<&str>) -> Region {
        Region {
            id: id.into(),
            name: name.into(),
            kind,
            parent: parent.map(Into::into),
            aliases: Vec::new(),
            lon: Some(104.0),
            lat: Some(30.0),
        }
    }

    /// A figure in article `article` about region number `region` of [`index`].
    pub fn fig(
        article: &str,
        region: usize,
        metric: &str,
        value: f64,
        year: Option<i32>,
        modality: Modality,
    ) -> Figure {
        let ids = ["100100", "100200", "park:100100:甲高新区", "cn"];
        Figure {
            id: String::new(),
            article: article.into(),
            region: ids.get(region).map(|s| s.to_string()),
            label: metric.into(),
            metric: Some(metric.into()),
            measure: if metric == "overall_standing" {
                crate::dataset::Measure::Rank
            } else {
                crate::dataset::Measure::Level
            },
            scope: None,
            value,
            unit: if metric == "gdp" { "元" } else { "家" }.into(),
            raw: "1".into(),
            qualifier: Qualifier::Exact,
            modality,
            year,
            span: [0, 1],
            sentence: [0, 2],
        }
    }

    /// Cities 甲市 (0) and 乙市 (1), park 甲高新区 (2) in 甲市, the nation (3); articles a, b, c.
    pub fn index(mut figures: Vec<Figure>) -> Index {
        for (i, f) in figures.iter_mut().enumerate() {
            f.id = format!("{}@{i}", f.article);
        }
        let metric = |id: &str, zh: &str, dimension| Metric {
            id: id.into(),
            zh: zh.into(),
            en: id.into(),
            dimension,
        };
        let article = |id: &str| Article {
            id: id.into(),
            source: format!("{id}.txt"),
            title: format!("标题{id}"),
            byline: String::new(),
            text: "一二三四五".into(),
            date: None,
        };
        Index::new(Dataset {
            schema_version: crate::dataset::SCHEMA_VERSION,
            articles: vec![article("a"), article("b"), article("c")],
            regions: vec![
                region("100100", "甲市", RegionKind::City, Some("cn")),
                region("100200", "乙市", RegionKind::City, Some("cn")),
                region(
                    "park:100100:甲高新区",
                    "甲高新区",
                    RegionKind::Park,
                    Some("100100"),
                ),
                region("cn", "全国", RegionKind::Nation, None),
            ],
            metrics: vec![
                metric("gdp", "地区生产总值", Dimension::Money),
                metric("enterprises", "企业", Dimension::Count),
                metric("overall_standing", "综合排名", Dimension::Count),
            ],
            figures,
        })
    }

    #[test]
    fn lookups() {
        let ix = index(vec![fig("a", 2, "gdp", 1.0, None, Modality::Actual)]);
        assert_eq!(ix.region_by_id("100200"), Some(1));
        assert_eq!(
            ix.subtree_figs,
            [1, 0, 1, 1],
            "the park's figure counts for its city and the nation"
        );
        assert_eq!(ix.ancestor(2, RegionKind::City), Some(0));
        assert_eq!(ix.ancestor(2, RegionKind::Province), None);
        assert_eq!(ix.metric_name("gdp", Lang::Zh), "地区生产总值");
        assert_eq!(ix.metric_name("nope", Lang::Zh), "nope");
        let (s, lit) = ix.sentence(0);
        assert_eq!(
            (s.iter().collect::<String>(), lit),
            ("一二".to_string(), 0..1)
        );
    }
}
