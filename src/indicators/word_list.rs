//! A list of words from the lexicon with the lookups the extractor needs:
//! membership, the longest word ending a text, and fast scanning of long
//! texts for any of the words (Aho-Corasick).

use std::collections::HashSet;

use aho_corasick::{AhoCorasick, MatchKind};

/// Words of one lexicon list.
pub struct WordList {
    words: Vec<String>,
    set: HashSet<String>,
    max_chars: usize,
    finder: AhoCorasick,
}

impl WordList {
    /// A list of `words` (duplicates dropped, longest first).
    pub fn new(mut words: Vec<String>) -> Self {
        words.sort_unstable();
        words.dedup();
        words.sort_by_key(|w| std::cmp::Reverse(w.chars().count()));
        // Lexicon lists are compiled in and small: building cannot fail.
        let finder = AhoCorasick::builder()
            .match_kind(MatchKind::LeftmostLongest)
            .build(&words)
            .unwrap_or_else(|e| panic!("lexicon word list: {e}"));
        Self {
            set: words.iter().cloned().collect(),
            max_chars: words.first().map_or(0, |w| w.chars().count()),
            words,
            finder,
        }
    }

    /// True when `word` is in the list.
    pub fn contains(&self, word: &str) -> bool {
        self.set.contains(word)
    }

    /// The longest word of the list that ends `text` and satisfies `accept`
    /// (which gets the word's length in chars).
    pub fn longest_suffix<'t>(
        &self,
        text: &'t str,
        accept: impl Fn(usize) -> bool,
    ) -> Option<&'t str> {
        let starts: Vec<usize> = text
            .char_indices()
            .map(|(i, _)| i)
            .rev()
            .take(self.max_chars)
            .collect();
        starts
            .iter()
            .enumerate()
            .rev()
            .map(|(index, &byte)| (index + 1, &text[byte..]))
            .find(|(chars, suffix)| self.set.contains(*suffix) && accept(*chars))
            .map(|(_, suffix)| suffix)
    }

    /// The word that starts `text`, longest first.
    pub fn longest_prefix<'t>(&self, text: &'t str) -> Option<&'t str> {
        self.words
            .iter()
            .find(|w| text.starts_with(w.as_str()))
            .map(|w| &text[..w.len()])
    }

    /// Byte span of the first (leftmost, longest) word found in `text`.
    pub fn first_in(&self, text: &str) -> Option<(usize, usize)> {
        self.finder.find(text).map(|m| (m.start(), m.end()))
    }

    /// Byte spans of the words found in `text`, left to right, not overlapping.
    pub fn spans_in<'t>(&'t self, text: &'t str) -> impl Iterator<Item = (usize, usize)> + 't {
        self.finder.find_iter(text).map(|m| (m.start(), m.end()))
    }

    /// How many times words of the list occur in `text` (non-overlapping).
    pub fn count_in(&self, text: &str) -> usize {
        self.finder.find_iter(text).count()
    }

    /// True when a word of the list occurs in `text`.
    pub fn occurs_in(&self, text: &str) -> bool {
        self.finder.is_match(text)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lookups() {
        let list = WordList::new(vec!["达".into(), "达到".into(), "不少于".into()]);
        assert_eq!(list.longest_suffix("旅游人数达到", |_| true), Some("达到"));
        assert_eq!(list.longest_suffix("旅游人数达到", |len| len == 1), None);
        assert_eq!(list.longest_suffix("优良率达", |_| true), Some("达"));
        assert_eq!(list.longest_prefix("不少于5个"), Some("不少于"));
        assert_eq!(list.count_in("达到达"), 2);
        assert!(list.occurs_in("不少于") && !list.occurs_in("增长"));
    }
}
