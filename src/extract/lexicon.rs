//! Word lists searched in one pass: an Aho-Corasick automaton per list, built once.

use std::collections::HashMap;
use std::ops::Range;

use aho_corasick::{AhoCorasick, AhoCorasickKind};
use daachorse::{CharwiseDoubleArrayAhoCorasick, CharwiseDoubleArrayAhoCorasickBuilder, MatchKind};

/// Leftmost-longest matching of a large fixed list (division names, zone names) over whole
/// articles. A character-wise double-array automaton: it steps once per character rather than
/// per byte, which in Chinese text is a third of the steps, and builds in a fraction of the time
/// a byte DFA takes.
pub struct Longest {
    automaton: Option<CharwiseDoubleArrayAhoCorasick<u32>>,
}

impl std::fmt::Debug for Longest {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Longest").finish_non_exhaustive()
    }
}

impl Longest {
    /// Builds the automaton for `words`. A word listed twice is found as its first listing;
    /// empty words are never found.
    pub fn new<'w>(words: impl IntoIterator<Item = &'w str>) -> Self {
        let mut first: HashMap<&str, u32> = HashMap::new();
        let mut patterns: Vec<(&str, u32)> = Vec::new();
        for (i, w) in words.into_iter().enumerate() {
            let Ok(i) = u32::try_from(i) else { break };
            if !w.is_empty() && !first.contains_key(w) {
                first.insert(w, i);
                patterns.push((w, i));
            }
        }
        let automaton = CharwiseDoubleArrayAhoCorasickBuilder::new()
            .match_kind(MatchKind::LeftmostLongest)
            .build_with_values(patterns)
            .ok();
        Longest { automaton }
    }

    /// Non-overlapping matches in `text`, leftmost first and at each place the longest: the
    /// word's index in the list and its byte range.
    pub fn find_iter<'s>(
        &'s self,
        text: &'s str,
    ) -> impl Iterator<Item = (usize, Range<usize>)> + 's {
        self.automaton
            .iter()
            .flat_map(move |ac| ac.leftmost_find_iter(text))
            .map(|m| (m.value() as usize, m.start()..m.end()))
    }
}

/// A fixed list of words and an automaton that finds all of them, overlapping, in one pass.
pub struct WordSet {
    words: Vec<&'static str>,
    automaton: Option<AhoCorasick>,
}

impl WordSet {
    /// Builds the automaton for `words`.
    pub fn new(words: impl IntoIterator<Item = &'static str>) -> Self {
        let words: Vec<&'static str> = words.into_iter().collect();
        // A DFA: lists are small and searched once or more per figure, so search speed is what
        // counts. No prefilter: in Chinese text the bytes a prefilter looks for are everywhere,
        // and it only adds work to each step.
        let automaton = AhoCorasick::builder()
            .kind(Some(AhoCorasickKind::DFA))
            .prefilter(false)
            .build(&words)
            .ok();
        WordSet { automaton, words }
    }

    /// Whether `s` contains any word of the list.
    pub fn any_in(&self, s: &str) -> bool {
        self.automaton.as_ref().is_some_and(|ac| ac.is_match(s))
    }

    /// Every occurrence in `s` of every word, overlapping: `(word index, byte range)`.
    pub fn find_all<'s>(
        &'s self,
        s: &'s str,
    ) -> impl Iterator<Item = (usize, std::ops::Range<usize>)> + 's {
        self.automaton
            .iter()
            .flat_map(move |ac| ac.find_overlapping_iter(s))
            .map(|m| (m.pattern().as_usize(), m.range()))
    }

    /// `s` with every occurrence of each word removed, one word after the other in list order,
    /// exactly as `s.replace(w1, "").replace(w2, "")…` would: a removal can join text into a
    /// later word, which then goes too. Words that do not occur cost nothing.
    pub fn remove_in_order(&self, s: &str) -> String {
        let mut out = s.to_string();
        let mut from = 0;
        // The first word, at or after `from` in list order, that occurs in the text as it is
        // now; the words before it would leave the text unchanged.
        while let Some(k) = self
            .find_all(&out)
            .map(|(k, _)| k)
            .filter(|&k| k >= from)
            .min()
        {
            out = out.replace(self.words[k], "");
            from = k + 1;
        }
        out
    }

    /// The words of the list.
    pub fn words(&self) -> &[&'static str] {
        &self.words
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_overlapping_occurrences() {
        let set = WordSet::new(["拥有", "有效", "有"]);
        let found: Vec<_> = set
            .find_all("拥有有效")
            .map(|(i, r)| (set.words()[i], r))
            .collect();
        assert_eq!(found.len(), 4, "{found:?}");
        assert!(found.contains(&("有效", 6..12)));
        assert!(set.any_in("所有"));
        assert!(!set.any_in("没"));
        assert!(!set.any_in(""));
    }

    #[test]
    fn longest_matches_leftmost_and_longest_first() {
        let set = Longest::new(["成都", "成都高新区", "高新区", "都高", "成都"]);
        let found: Vec<_> = set.find_iter("在成都高新区和成都").collect();
        assert_eq!(found, [(1, 3..18), (0, 21..27)]);
        assert_eq!(Longest::new([]).find_iter("成都").count(), 0);
    }

    #[test]
    fn removes_words_as_successive_replaces_do() {
        let words = ["新签约", "签约", "的", "企业", "新", "区"];
        let set = WordSet::new(words);
        for s in [
            "新签约企业",
            "新的签约",
            "签新约",
            "企新业",
            "全区企业的",
            "",
            "生物医药",
            "新新签约约",
        ] {
            let mut want = s.to_string();
            for w in words {
                want = want.replace(w, "");
            }
            assert_eq!(set.remove_in_order(s), want, "{s}");
        }
    }
}
