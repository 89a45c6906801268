//! Word lists searched in one pass: an Aho-Corasick automaton per list, built once.

use aho_corasick::AhoCorasick;

/// A fixed list of words and an automaton that finds all of them, overlapping, in one pass.
pub struct WordSet {
    words: Vec<&'static str>,
    automaton: Option<AhoCorasick>,
}

impl WordSet {
    /// Builds the automaton for `words`.
    pub fn new(words: impl IntoIterator<Item = &'static str>) -> Self {
        let words: Vec<&'static str> = words.into_iter().collect();
        WordSet {
            automaton: AhoCorasick::new(&words).ok(),
            words,
        }
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
    }
}
