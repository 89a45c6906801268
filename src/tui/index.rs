//! Lookups derived once from the dataset: the region tree, figures per region and article,
//! and the search keys.

use std::collections::HashMap;

use crate::dataset::{Article, Dataset, Figure, Metric, Region, RegionKind};

use super::i18n::Lang;
use super::search::RegionKeys;

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
    /// Distinct articles with figures about each region.
    pub region_articles: Vec<usize>,
    /// Figures of each article, by span.
    pub article_figs: Vec<Vec<usize>>,
    /// The article of each figure, when present.
    pub figure_article: Vec<Option<usize>>,
    /// Search keys of each region.
    pub keys: Vec<RegionKeys>,
    metric_by_id: HashMap<String, usize>,
}

impl Index {
    /// Builds the lookups; tolerates dangling references and parent cycles.
    pub fn new(data: Dataset) -> Index {
        let n = data.regions.len();
        let region_by_id: HashMap<&str, usize> = data
            .regions
            .iter()
            .enumerate()
            .map(|(i, r)| (r.id.as_str(), i))
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
        for (i, s) in seen.iter().enumerate() {
            if !s {
                roots.push(i);
                for c in &mut children {
                    c.retain(|&x| x != i);
                }
            }
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
        for (i, f) in data.figures.iter().enumerate() {
            if let Some(r) = f.region.as_deref().and_then(|r| region_by_id.get(r)) {
                region_figs[*r].push(i);
            }
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
        let keys = data
            .regions
            .iter()
            .map(|r| RegionKeys::new(&r.name, &r.aliases))
            .collect();
        let metric_by_id = data
            .metrics
            .iter()
            .enumerate()
            .map(|(i, m)| (m.id.clone(), i))
            .collect();
        Index {
            parent,
            children,
            roots,
            region_figs,
            region_articles,
            article_figs,
            figure_article,
            keys,
            metric_by_id,
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
