//! Consistency checks on a parsed dataset, so the app and query commands can trust every id and
//! span they follow. Errors name the offending place as a JSON path (`figures[12].span`) and, in
//! the reason, the id of the record concerned.

use super::{Dataset, OLDEST_SCHEMA_VERSION, RegionKind, SCHEMA_VERSION};
/// Maps keyed by ids: a fast hasher, as ids come from local files, not from adversaries over
/// a network, and there are hundreds of thousands of them.
type HashMap<K, V> = std::collections::HashMap<K, V, foldhash::fast::RandomState>;
use std::path::Path;

/// Checks that `ds` is a dataset this build can use; `origin` names it in error messages.
///
/// Rules, checked in this order (the first failure is reported):
/// - `schema_version` is one this build reads ([`OLDEST_SCHEMA_VERSION`] to [`SCHEMA_VERSION`]);
/// - ids are unique within `articles`, `regions`, `metrics` and `figures`;
/// - every region's parent exists, parent chains end at the nation without loops, only the
///   nation lacks a parent, and when there are regions exactly one has kind `nation` (a dataset
///   with no regions at all is valid: it is what an empty build produces);
/// - every figure's article, region (if any) and metric (if any) exist;
/// - a figure's `span` and `sentence` satisfy `start <= end <= ` the article text's length in
///   characters, and the text's characters `span[0]..span[1]` equal `raw`.
pub fn validate(ds: &Dataset, origin: &Path) -> crate::Result<()> {
    let fail = |location: String, reason: String| crate::Error::Dataset {
        path: origin.to_path_buf(),
        location,
        reason,
    };
    if !(OLDEST_SCHEMA_VERSION..=SCHEMA_VERSION).contains(&ds.schema_version) {
        return Err(fail(
            "schema_version".into(),
            version_reason(ds.schema_version),
        ));
    }
    let articles = unique_ids("articles", ds.articles.iter().map(|a| a.id.as_str()))
        .map_err(|(l, r)| fail(l, r))?;
    let regions = unique_ids("regions", ds.regions.iter().map(|r| r.id.as_str()))
        .map_err(|(l, r)| fail(l, r))?;
    let metrics = unique_ids("metrics", ds.metrics.iter().map(|m| m.id.as_str()))
        .map_err(|(l, r)| fail(l, r))?;
    unique_ids("figures", ds.figures.iter().map(|f| f.id.as_str())).map_err(|(l, r)| fail(l, r))?;
    check_regions(ds, &regions).map_err(|(l, r)| fail(l, r))?;

    // One pass in figure order over what is cheap to check: references and ranges. The text
    // each span covers is checked after, article by article, for the figures before the
    // first failure so far: the first failing figure is reported either way.
    let mut chars: Vec<Option<usize>> = vec![None; ds.articles.len()];
    let mut article_of: Vec<usize> = Vec::with_capacity(ds.figures.len());
    let mut failed: Option<(usize, crate::Error)> = None;
    let mut last: Option<(&str, usize)> = None;
    for (i, f) in ds.figures.iter().enumerate() {
        let at = |field: &str| format!("figures[{i}].{field}");
        // Figures come grouped by article: most need no lookup.
        let ai = match last {
            Some((id, ai)) if id == f.article => Some(ai),
            _ => articles.get(f.article.as_str()).copied(),
        };
        let Some(ai) = ai else {
            let reason = format!("figure {}: no article has id {:?}", f.id, f.article);
            failed = Some((i, fail(at("article"), reason)));
            break;
        };
        last = Some((f.article.as_str(), ai));
        if let Some(r) = f.region.as_deref().filter(|r| !regions.contains_key(r)) {
            let reason = format!("figure {}: no region has id {r:?}", f.id);
            failed = Some((i, fail(at("region"), reason)));
            break;
        }
        if let Some(m) = f.metric.as_deref().filter(|m| !metrics.contains_key(m)) {
            let reason = format!("figure {}: no metric has id {m:?}", f.id);
            failed = Some((i, fail(at("metric"), reason)));
            break;
        }
        let len = *chars[ai].get_or_insert_with(|| ds.articles[ai].text.chars().count());
        if let Some((field, [start, end])) = [("span", f.span), ("sentence", f.sentence)]
            .into_iter()
            .find(|(_, [start, end])| start > end || end > &len)
        {
            let reason = format!(
                "figure {}: [{start}, {end}] is not a range within article {}, which has \
                 {len} characters",
                f.id, f.article
            );
            failed = Some((i, fail(at(field), reason)));
            break;
        }
        article_of.push(ai);
    }
    if let Some(i) = first_span_mismatch(ds, &article_of) {
        let f = &ds.figures[i];
        let [start, end] = f.span;
        let text = &ds.articles[article_of[i]].text;
        let covered: String = text.chars().skip(start).take(end - start).collect();
        let reason = format!(
            "figure {}: the text at [{start}, {end}] is {covered:?}, but raw is {:?}",
            f.id, f.raw
        );
        return Err(fail(format!("figures[{i}].span"), reason));
    }
    match failed {
        Some((_, e)) => Err(e),
        None => Ok(()),
    }
}

/// The first of the figures `0..article_of.len()` (each in article `article_of[i]`, its span
/// within the text) whose span does not cover its `raw`. Each article's text is walked once,
/// its figures taken in span order, so the check is linear in the texts and figures.
fn first_span_mismatch(ds: &Dataset, article_of: &[usize]) -> Option<usize> {
    let mut order: Vec<(usize, usize, usize)> = article_of
        .iter()
        .enumerate()
        .map(|(i, &a)| (a, ds.figures[i].span[0], i))
        .collect();
    // Usually sorted already (figures come by article, then span): cheap to confirm.
    order.sort_unstable();
    let mut first: Option<usize> = None;
    // Where the walk through the current article stands: (article, char, byte).
    let mut at = (usize::MAX, 0, 0);
    for (a, start, i) in order {
        if first.is_some_and(|f| f < i) {
            continue;
        }
        let text = ds.articles[a].text.as_str();
        if at.0 != a {
            at = (a, 0, 0);
        }
        let byte = at.2 + byte_after(&text[at.2..], start - at.1);
        at = (a, start, byte);
        let f = &ds.figures[i];
        let covers =
            text[byte..].starts_with(f.raw.as_str()) && f.raw.chars().count() == f.span[1] - start;
        if !covers {
            first = Some(i);
        }
    }
    first
}

/// The byte offset of char `n` of `s` (its length when `s` has exactly `n` chars).
fn byte_after(s: &str, n: usize) -> usize {
    s.char_indices().nth(n).map_or(s.len(), |(b, _)| b)
}

/// Checks the version of a dataset document before it is parsed in full, so a document written
/// for another schema is reported as such rather than as a missing or unknown field. Documents
/// that are not JSON objects with a numeric `schema_version` pass through to the full parse,
/// which locates the problem.
pub(crate) fn check_schema_version(json: &str, origin: &Path) -> crate::Result<()> {
    #[derive(serde::Deserialize)]
    struct Probe {
        schema_version: u32,
    }
    match serde_json::from_str::<Probe>(json) {
        Ok(p) if !(OLDEST_SCHEMA_VERSION..=SCHEMA_VERSION).contains(&p.schema_version) => {
            Err(crate::Error::Dataset {
                path: origin.to_path_buf(),
                location: "schema_version".into(),
                reason: version_reason(p.schema_version),
            })
        }
        _ => Ok(()),
    }
}

fn version_reason(found: u32) -> String {
    let advice = if found > SCHEMA_VERSION {
        "use a newer gaoxin to read it"
    } else {
        "rebuild it with `gaoxin build`"
    };
    format!(
        "schema version {found} found, but this gaoxin reads versions {OLDEST_SCHEMA_VERSION} to {SCHEMA_VERSION}; {advice}"
    )
}

type Failure = (String, String);

/// Maps each id of `list` to its index, failing on the first repeated id.
fn unique_ids<'a>(
    list: &str,
    ids: impl Iterator<Item = &'a str>,
) -> Result<HashMap<&'a str, usize>, Failure> {
    let mut seen = HashMap::default();
    for (i, id) in ids.enumerate() {
        if let Some(first) = seen.insert(id, i) {
            let reason = format!("duplicate id {id:?}, already used by {list}[{first}]");
            return Err((format!("{list}[{i}].id"), reason));
        }
    }
    Ok(seen)
}

/// Parents exist, only the nation lacks one, exactly one nation, no loops.
fn check_regions(ds: &Dataset, index: &HashMap<&str, usize>) -> Result<(), Failure> {
    for (i, r) in ds.regions.iter().enumerate() {
        let at = format!("regions[{i}].parent");
        match (&r.parent, r.kind) {
            (Some(p), RegionKind::Nation) => {
                return Err((at, format!("region {}: the nation has parent {p:?}", r.id)));
            }
            (None, kind) if kind != RegionKind::Nation => {
                let reason = format!("region {}: only the nation may have no parent", r.id);
                return Err((at, reason));
            }
            (Some(p), _) if !index.contains_key(p.as_str()) => {
                let reason = format!("region {}: parent {p:?} is not a region id", r.id);
                return Err((at, reason));
            }
            _ => {}
        }
    }
    let nations: Vec<&str> = ds
        .regions
        .iter()
        .filter(|r| r.kind == RegionKind::Nation)
        .map(|r| r.id.as_str())
        .collect();
    if !ds.regions.is_empty() && nations.len() != 1 {
        let reason = format!(
            "exactly one region must have kind \"nation\", found {}: {nations:?}",
            nations.len()
        );
        return Err(("regions".into(), reason));
    }
    // Parents exist and only the nation lacks one, so walking up either ends at the nation or
    // revisits a region. Regions already seen to reach the nation end later walks early.
    let mut reaches_nation = vec![false; ds.regions.len()];
    for i in 0..ds.regions.len() {
        let mut chain: Vec<usize> = Vec::new();
        let mut cur = i;
        while !reaches_nation[cur] {
            if let Some(pos) = chain.iter().position(|&c| c == cur) {
                let looped: Vec<&str> = chain[pos..]
                    .iter()
                    .chain([&cur])
                    .map(|&c| ds.regions[c].id.as_str())
                    .collect();
                let reason = format!(
                    "region {}: parent chain loops: {}",
                    ds.regions[i].id,
                    looped.join(" → ")
                );
                return Err((format!("regions[{i}].parent"), reason));
            }
            chain.push(cur);
            match ds.regions[cur].parent.as_deref().and_then(|p| index.get(p)) {
                Some(&j) => cur = j,
                None => break,
            }
        }
        for c in chain {
            reaches_nation[c] = true;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use crate::dataset::{Dataset, bundled, from_json};
    use serde_json::{Value, json};
    use std::path::Path;

    /// A small consistent dataset: one article, nation → province → city, one figure.
    fn base() -> Value {
        json!({
            "schema_version": 1,
            "articles": [{
                "id": "000#1", "source": "seeds/000.txt", "title": "标题", "byline": "",
                "text": "全市高新技术企业达2443家，增长18.02%。"
            }],
            "regions": [
                {"id": "cn", "name": "全国", "kind": "nation", "parent": null,
                 "aliases": [], "lon": null, "lat": null},
                {"id": "510000", "name": "四川省", "kind": "province", "parent": "cn",
                 "aliases": [], "lon": null, "lat": null},
                {"id": "510100", "name": "成都市", "kind": "city", "parent": "510000",
                 "aliases": ["成都"], "lon": 104.06, "lat": 30.67}
            ],
            "metrics": [{"id": "high_tech_enterprises", "zh": "高新技术企业",
                         "en": "High-tech enterprises", "dimension": "count"}],
            "figures": [{
                "id": "000#1@9", "article": "000#1", "region": "510100",
                "label": "高新技术企业", "metric": "high_tech_enterprises", "value": 2443.0,
                "unit": "家", "raw": "2443家", "qualifier": "exact", "modality": "actual",
                "year": null, "span": [9, 14], "sentence": [0, 24]
            }]
        })
    }

    fn parse(v: &Value) -> crate::Result<Dataset> {
        from_json(&v.to_string(), Path::new("t.json"))
    }

    /// Applies `change` to the base document and returns the (location, reason) it is refused with.
    fn refused(change: impl FnOnce(&mut Value)) -> (String, String) {
        let mut v = base();
        change(&mut v);
        match parse(&v) {
            Err(crate::Error::Dataset {
                path,
                location,
                reason,
            }) => {
                assert_eq!(path, Path::new("t.json"));
                (location, reason)
            }
            other => panic!("expected a dataset error, got {other:?}"),
        }
    }

    fn push_region(v: &mut Value, id: &str, kind: &str, parent: Value) {
        let r = json!({"id": id, "name": id, "kind": kind, "parent": parent,
                       "aliases": [], "lon": null, "lat": null});
        v["regions"].as_array_mut().unwrap().push(r);
    }

    #[test]
    fn consistent_and_empty_datasets_pass() {
        let ds = parse(&base()).unwrap();
        assert_eq!(ds.figures[0].raw, "2443家");
        assert!(bundled().is_ok());
        let empty = json!({"schema_version": 1, "articles": [], "regions": [],
                           "metrics": [], "figures": []});
        assert!(parse(&empty).is_ok());
    }

    #[test]
    fn other_schema_versions_are_named() {
        let (loc, reason) = refused(|v| v["schema_version"] = json!(4));
        assert_eq!(loc, "schema_version");
        assert!(reason.contains("version 4 found"), "{reason}");
        assert!(reason.contains("versions 1 to 2"), "{reason}");
        assert!(reason.contains("newer gaoxin"), "{reason}");
        let (_, reason) = refused(|v| v["schema_version"] = json!(0));
        assert!(reason.contains("gaoxin build"), "{reason}");
        // A future document with another shape still reports its version, not a missing field.
        let (loc, reason) = refused(|v| {
            v.as_object_mut().unwrap().remove("figures");
            v["schema_version"] = json!(3);
        });
        assert_eq!(loc, "schema_version");
        assert!(reason.contains("version 3"), "{reason}");
    }

    #[test]
    fn duplicate_ids_are_refused_in_every_list() {
        for list in ["articles", "regions", "metrics", "figures"] {
            let (loc, reason) = refused(|v| {
                let items = v[list].as_array_mut().unwrap();
                let last = items.last().unwrap().clone();
                items.push(last);
            });
            let n = base()[list].as_array().unwrap().len();
            assert_eq!(loc, format!("{list}[{n}].id"));
            assert!(
                reason.contains(&format!("already used by {list}[{}]", n - 1)),
                "{reason}"
            );
        }
    }

    #[test]
    fn region_parents_must_exist() {
        let (loc, reason) = refused(|v| v["regions"][2]["parent"] = json!("519999"));
        assert_eq!(loc, "regions[2].parent");
        assert!(
            reason.contains("510100") && reason.contains("\"519999\""),
            "{reason}"
        );
    }

    #[test]
    fn only_the_nation_lacks_a_parent() {
        let (loc, reason) = refused(|v| v["regions"][1]["parent"] = Value::Null);
        assert_eq!(loc, "regions[1].parent");
        assert!(reason.contains("only the nation"), "{reason}");
        let (loc, reason) = refused(|v| v["regions"][0]["parent"] = json!("510000"));
        assert_eq!(loc, "regions[0].parent");
        assert!(reason.contains("the nation has parent"), "{reason}");
    }

    #[test]
    fn exactly_one_nation() {
        let (loc, reason) = refused(|v| push_region(v, "cn2", "nation", Value::Null));
        assert_eq!(loc, "regions");
        assert!(reason.contains("found 2"), "{reason}");
        let (loc, reason) = refused(|v| {
            v["regions"] = json!([{"id": "510000", "name": "四川省", "kind": "province",
                "parent": "510000", "aliases": [], "lon": null, "lat": null}]);
            v["figures"] = json!([]);
        });
        assert_eq!(loc, "regions");
        assert!(reason.contains("found 0"), "{reason}");
    }

    #[test]
    fn parent_loops_are_refused() {
        let (loc, reason) = refused(|v| {
            push_region(v, "520000", "province", json!("520100"));
            push_region(v, "520100", "city", json!("520000"));
        });
        assert_eq!(loc, "regions[3].parent");
        assert!(
            reason.contains("loops: 520000 → 520100 → 520000"),
            "{reason}"
        );
    }

    #[test]
    fn figure_references_must_exist() {
        for (field, bad) in [
            ("article", "999#1"),
            ("region", "999999"),
            ("metric", "gdp"),
        ] {
            let (loc, reason) = refused(|v| v["figures"][0][field] = json!(bad));
            assert_eq!(loc, format!("figures[0].{field}"));
            assert!(reason.contains("figure 000#1@9"), "{reason}");
            assert!(reason.contains(&format!("{bad:?}")), "{reason}");
        }
        // Absent region and metric are fine.
        let mut v = base();
        v["figures"][0]["region"] = Value::Null;
        v["figures"][0]["metric"] = Value::Null;
        assert!(parse(&v).is_ok());
    }

    #[test]
    fn spans_must_lie_in_the_text_and_match_raw() {
        let (loc, reason) = refused(|v| v["figures"][0]["span"] = json!([14, 9]));
        assert_eq!(loc, "figures[0].span");
        assert!(reason.contains("[14, 9] is not a range"), "{reason}");
        let (loc, reason) = refused(|v| v["figures"][0]["span"] = json!([20, 25]));
        assert_eq!(loc, "figures[0].span");
        assert!(reason.contains("24 characters"), "{reason}");
        let (loc, reason) = refused(|v| v["figures"][0]["span"] = json!([8, 13]));
        assert_eq!(loc, "figures[0].span");
        assert!(
            reason.contains(r#"is "达2443", but raw is "2443家""#),
            "{reason}"
        );
        // A span elsewhere in the text passes when it matches its raw.
        let mut v = base();
        v["figures"][0]["span"] = json!([17, 23]);
        v["figures"][0]["raw"] = json!("18.02%");
        assert!(parse(&v).is_ok());
    }

    #[test]
    fn sentence_must_lie_in_the_text() {
        let (loc, reason) = refused(|v| v["figures"][0]["sentence"] = json!([0, 25]));
        assert_eq!(loc, "figures[0].sentence");
        assert!(reason.contains("000#1@9"), "{reason}");
        let (loc, _) = refused(|v| v["figures"][0]["sentence"] = json!([5, 4]));
        assert_eq!(loc, "figures[0].sentence");
    }

    #[test]
    fn syntax_and_shape_errors_keep_their_location() {
        let json = base().to_string();
        let cut = &json[..json.len() / 2];
        let err = from_json(cut, Path::new("t.json")).unwrap_err();
        let crate::Error::Dataset { location, .. } = &err else {
            panic!("{err:?}");
        };
        assert!(location.starts_with("line 1, column "), "{location}");
        assert!(
            err.to_string().starts_with("t.json: line 1, column "),
            "{err}"
        );

        let (loc, reason) = refused(|v| {
            v["figures"][0].as_object_mut().unwrap().remove("raw");
        });
        assert_eq!(loc, "figures[0].raw");
        assert_eq!(reason, "figure 000#1@9: missing field `raw`");
    }

    #[test]
    fn errors_display_path_location_and_reason() {
        let mut v = base();
        v["figures"][0]["metric"] = json!("gdp");
        let err = parse(&v).unwrap_err().to_string();
        assert_eq!(
            err,
            r#"t.json: figures[0].metric: figure 000#1@9: no metric has id "gdp"; fix the file, or rebuild it from articles with `gaoxin build`"#
        );
    }
}
