//! Extracted files → one dataset: stable ids, regions with their parent chains, character offsets,
//! a deterministic order.

use std::collections::BTreeMap;

use rayon::prelude::*;

use crate::dataset::{Article, Dataset, Figure, Region, RegionKind, SCHEMA_VERSION};
use crate::extract::gazetteer::Gazetteer;
use crate::extract::metrics;
use crate::extract::places::Place;

use super::ExtractedFile;

/// The nation's region id.
pub const NATION_ID: &str = "cn";

fn division_id(code: u32) -> String {
    format!("{code:06}")
}

fn park_id(name: &str, parent: Option<u32>) -> String {
    match parent {
        Some(code) => format!("park:{}:{name}", division_id(code)),
        None => format!("park:{name}"),
    }
}

/// The dataset id of a place.
pub fn place_id(place: &Place) -> String {
    match place {
        Place::Nation => NATION_ID.to_string(),
        Place::Division(code) => division_id(*code),
        Place::Park { name, parent } => park_id(name, *parent),
    }
}

/// Collects regions: every place a figure is about, with all its ancestors.
struct Regions<'g> {
    gaz: &'g Gazetteer,
    out: BTreeMap<String, Region>,
}

impl Regions<'_> {
    fn nation(&mut self) -> String {
        self.out
            .entry(NATION_ID.to_string())
            .or_insert_with(|| Region {
                id: NATION_ID.to_string(),
                name: "全国".to_string(),
                kind: RegionKind::Nation,
                parent: None,
                aliases: vec!["中国".to_string(), "我国".to_string()],
                lon: None,
                lat: None,
            });
        NATION_ID.to_string()
    }

    fn division(&mut self, code: u32) -> String {
        let id = division_id(code);
        if self.out.contains_key(&id) {
            return id;
        }
        let Some(d) = self.gaz.get(code) else {
            return self.nation();
        };
        let parent = match d.parent {
            Some(p) => self.division(p),
            None => self.nation(),
        };
        self.out.insert(
            id.clone(),
            Region {
                id: id.clone(),
                name: d.name.clone(),
                kind: d.kind,
                parent: Some(parent),
                // Nicknames (蓉 for 成都市) are never matched in running text, but readers
                // search by them.
                aliases: {
                    let mut a: Vec<String> =
                        d.aliases.iter().chain(&d.nicknames).cloned().collect();
                    a.sort();
                    a.dedup();
                    a
                },
                lon: Some(d.lon),
                lat: Some(d.lat),
            },
        );
        id
    }

    /// Records `surface` as another name of `place`, if the place is already a region. A park
    /// named by a division's name alone, as an item of a list (`常州和武进国家高新区`), is not
    /// known by that name: the division is.
    fn alias(&mut self, place: &Place, surface: &str) {
        if let Place::Park { .. } = place
            && !self.gaz.by_name(surface).is_empty()
        {
            return;
        }
        let Some(r) = self.out.get_mut(&place_id(place)) else {
            return;
        };
        if surface != r.name && !surface.is_empty() && !r.aliases.iter().any(|a| a == surface) {
            r.aliases.push(surface.to_string());
            r.aliases.sort();
        }
    }

    fn place(&mut self, place: &Place) -> String {
        match place {
            Place::Nation => self.nation(),
            Place::Division(code) => self.division(*code),
            Place::Park { name, parent } => {
                let id = park_id(name, *parent);
                let parent_id = match parent {
                    Some(code) => self.division(*code),
                    None => self.nation(),
                };
                let (lon, lat) = self
                    .out
                    .get(&parent_id)
                    .map_or((None, None), |p| (p.lon, p.lat));
                self.out.entry(id.clone()).or_insert_with(|| Region {
                    id: id.clone(),
                    name: name.clone(),
                    kind: RegionKind::Park,
                    parent: Some(parent_id),
                    aliases: Vec::new(),
                    // A park sits in its parent division; the division's point is the best known.
                    lon,
                    lat,
                });
                id
            }
        }
    }
}

/// Assembles the dataset from extracted files, in the order given.
pub fn assemble(files: &[ExtractedFile], gaz: &Gazetteer) -> Dataset {
    let mut regions = Regions {
        gaz,
        out: BTreeMap::new(),
    };
    let stems = article_stems(files);
    // Each file's articles and figures are built in parallel; regions are collected afterwards,
    // in the same order, by one thread.
    let built: Vec<(Vec<Article>, Vec<Figure>)> = files
        .par_iter()
        .zip(&stems)
        .map(|(file, stem)| file_records(file, stem))
        .collect();
    let mut articles = Vec::new();
    let mut figures = Vec::new();
    for ((a, mut f), file) in built.into_iter().zip(files) {
        let drafts = file.articles.iter().flat_map(|(_, found)| &found.drafts);
        for (figure, d) in f.iter_mut().zip(drafts) {
            figure.region = d.place.as_ref().map(|p| regions.place(p));
        }
        articles.extend(a);
        figures.extend(f);
    }
    // Every spelling under which any article names a region becomes one of its aliases. Regions
    // are all known by now, so the aliases do not depend on the order of the articles.
    for (_, found) in files.iter().flat_map(|f| &f.articles) {
        for m in &found.mentions {
            regions.alias(&m.place, &m.surface);
        }
    }
    Dataset {
        schema_version: SCHEMA_VERSION,
        articles,
        regions: regions.out.into_values().collect(),
        metrics: metrics::vocabulary(),
        figures,
    }
}

/// One file's articles and figures (figures without their region yet).
fn file_records(file: &ExtractedFile, stem: &str) -> (Vec<Article>, Vec<Figure>) {
    let mut articles = Vec::new();
    let mut figures = Vec::new();
    for (i, (raw, found)) in file.articles.iter().enumerate() {
        let id = format!("{stem}#{i}");
        let text = &raw.text;
        // Byte → char offsets, walking forward once: drafts come in text order.
        let chars = CharIndex::new(text);
        for d in &found.drafts {
            let start = chars.of(d.range.start);
            figures.push(Figure {
                id: format!("{id}@{start}"),
                article: id.clone(),
                region: None,
                label: d.label.clone(),
                metric: d.metric.map(str::to_string),
                measure: d.measure,
                scope: d.scope.clone(),
                value: d.value,
                unit: d.unit.clone(),
                raw: d.raw.clone(),
                qualifier: d.qualifier,
                modality: d.modality,
                year: d.year,
                span: [start, chars.of(d.range.end)],
                sentence: [chars.of(d.sentence.start), chars.of(d.sentence.end)],
            });
        }
        articles.push(Article {
            id,
            source: file.source.clone(),
            title: raw.title.clone(),
            byline: raw.byline.clone(),
            text: text.clone(),
            date: raw.date.clone(),
        });
    }
    (articles, figures)
}

/// The id stem of each file's articles: the whole source path, so `a/x.txt` and `b/x.txt`
/// never share ids, without its extension, unless another file has the same path but for the
/// extension (`x.txt` and `x.md`): those keep theirs.
fn article_stems(files: &[ExtractedFile]) -> Vec<String> {
    let mut count: BTreeMap<&str, usize> = BTreeMap::new();
    for f in files {
        *count.entry(strip_extension(&f.source)).or_default() += 1;
    }
    files
        .iter()
        .map(|f| {
            let stem = strip_extension(&f.source);
            if count.get(stem).copied().unwrap_or(0) > 1 {
                f.source.clone()
            } else {
                stem.to_string()
            }
        })
        .collect()
}

/// `seeds/000.txt` → `seeds/000`; the article extensions in any case.
fn strip_extension(source: &str) -> &str {
    match source.rsplit_once('.') {
        Some((stem, ext))
            if !stem.is_empty()
                && !ext.contains('/')
                && super::ARTICLE_EXTENSIONS
                    .iter()
                    .any(|a| ext.eq_ignore_ascii_case(a)) =>
        {
            stem
        }
        _ => source,
    }
}

/// Converts byte offsets of one string to char offsets.
struct CharIndex {
    /// Byte offset of every char boundary, in order; the last entry is the string's length.
    bounds: Vec<usize>,
}

impl CharIndex {
    fn new(s: &str) -> Self {
        let mut bounds: Vec<usize> = s.char_indices().map(|(i, _)| i).collect();
        bounds.push(s.len());
        CharIndex { bounds }
    }

    fn of(&self, byte: usize) -> usize {
        self.bounds.partition_point(|&b| b < byte)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn article_ids_keep_the_folder_and_drop_the_extension() {
        assert_eq!(strip_extension("a/x.txt"), "a/x");
        assert_eq!(strip_extension("b/x.TXT"), "b/x");
        assert_eq!(strip_extension("notes.md"), "notes");
        assert_eq!(strip_extension("dir.v2/readme"), "dir.v2/readme");
        assert_eq!(strip_extension(".txt"), ".txt");
        assert_eq!(strip_extension("page.html"), "page");
    }

    #[test]
    fn files_differing_only_by_extension_get_distinct_ids() {
        let file = |source: &str| ExtractedFile {
            source: source.to_string(),
            articles: Vec::new(),
        };
        let files = [
            file("a/x.txt"),
            file("a/x.md"),
            file("a/y.txt"),
            file("b/x.txt"),
        ];
        assert_eq!(article_stems(&files), ["a/x.txt", "a/x.md", "a/y", "b/x"]);
    }

    #[test]
    fn a_park_is_not_known_by_its_citys_name() {
        let mut regions = Regions {
            gaz: Gazetteer::bundled(),
            out: BTreeMap::new(),
        };
        let park = Place::Park {
            name: "常州高新区".into(),
            parent: Some(320400),
        };
        let id = regions.place(&park);
        regions.alias(&park, "常州");
        regions.alias(&park, "常州国家高新区");
        assert_eq!(regions.out[&id].aliases, ["常州国家高新区"]);
    }

    #[test]
    fn char_index_counts_scalar_values() {
        let s = "a中𠀀b";
        let ix = CharIndex::new(s);
        assert_eq!(ix.of(0), 0);
        assert_eq!(ix.of(1), 1);
        assert_eq!(ix.of(4), 2);
        assert_eq!(ix.of(8), 3);
        assert_eq!(ix.of(s.len()), 4);
    }
}
