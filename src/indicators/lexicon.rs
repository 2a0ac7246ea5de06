//! The extractor's word lists, kept as data in `assets/lexicon/` and compiled
//! into the binary: measure words, qualifiers, direction verbs, tense cues,
//! metric synonyms and prefixes, and the category lexicon.

use std::collections::HashMap;
use std::sync::LazyLock;

use aho_corasick::{AhoCorasick, MatchKind};

use crate::indicators::word_list::WordList;
use crate::indicators::Category;

/// All word lists, parsed once.
pub struct Lexicon {
    /// Units as written → normalised base unit.
    pub measures: HashMap<String, String>,
    /// Qualifiers written before the number.
    pub qualifiers_before: WordList,
    /// Qualifiers written after the unit.
    pub qualifiers_after: WordList,
    /// Verbs of change (增长, 下降 ...).
    pub change_verbs: WordList,
    /// Verbs of delivery (新增, 建成 ...).
    pub delivery_verbs: WordList,
    /// Sentence cues for targets.
    pub target_cues: WordList,
    /// Sentence cues for achieved figures.
    pub actual_cues: WordList,
    /// Heading words that make a section a plan.
    pub target_headings: WordList,
    /// Heading words that make a section a review.
    pub actual_headings: WordList,
    /// Synonym → canonical metric key.
    pub synonyms: HashMap<String, String>,
    /// Metric prefixes that do not change the measured thing (全区, 全年 ...).
    pub metric_prefixes: WordList,
    /// Words that never belong to a metric name.
    pub stop_words: WordList,
    /// Words between a metric and its number that carry no meaning.
    pub linking_words: WordList,
    /// Words that open a list of targets ("预期目标是").
    pub target_list_cues: WordList,
    /// Aspiration words (力争, 确保) that qualify a figure with no closer bound.
    pub hedges: WordList,
    /// Headings of glossary sections, which hold no indicators.
    pub glossary_headings: WordList,
    /// Metric heads that name no thing of their own (总数, 规模, 投资).
    pub generic_metrics: WordList,
    /// What a figure crosses, never what it measures (大关, 台阶).
    pub landmarks: WordList,
    /// Metric endings that make a figure a completion share (完成率, 执行率).
    pub completion_metrics: WordList,
    /// The category lexicon.
    pub categories: Categories,
}

/// The lexicon compiled from `assets/lexicon/`.
pub static LEXICON: LazyLock<Lexicon> = LazyLock::new(Lexicon::load);

impl Lexicon {
    fn load() -> Self {
        let qualifiers = labelled_lists(include_str!("../../assets/lexicon/qualifiers.txt"));
        let directions = labelled_lists(include_str!("../../assets/lexicon/directions.txt"));
        let cues = labelled_lists(include_str!("../../assets/lexicon/tense_cues.txt"));
        let function_words =
            labelled_lists(include_str!("../../assets/lexicon/function_words.txt"));
        let prefixes = data_lines(include_str!("../../assets/lexicon/metric_prefixes.txt"))
            .flat_map(str::split_whitespace)
            .map(str::to_string)
            .collect();
        Self {
            measures: measures(include_str!("../../assets/lexicon/measures.txt")),
            qualifiers_before: list(&qualifiers, "before"),
            qualifiers_after: list(&qualifiers, "after"),
            change_verbs: list(&directions, "change"),
            delivery_verbs: list(&directions, "delivery"),
            target_cues: list(&cues, "target"),
            actual_cues: list(&cues, "actual"),
            target_headings: list(&cues, "target_heading"),
            actual_headings: list(&cues, "actual_heading"),
            synonyms: synonyms(include_str!("../../assets/lexicon/synonyms.txt")),
            metric_prefixes: WordList::new(prefixes),
            stop_words: list(&function_words, "stop"),
            linking_words: list(&function_words, "linking"),
            target_list_cues: list(&function_words, "target_list"),
            hedges: list(&function_words, "hedge"),
            glossary_headings: list(&function_words, "glossary"),
            generic_metrics: list(&function_words, "generic"),
            completion_metrics: list(&function_words, "completion_metric"),
            landmarks: list(&function_words, "landmark"),
            categories: Categories::new(include_str!("../../assets/lexicon/categories.txt")),
        }
    }

    /// True when `word` is a change or delivery verb.
    pub fn is_verb(&self, word: &str) -> bool {
        self.change_verbs.contains(word) || self.delivery_verbs.contains(word)
    }
}

/// The category lexicon: keywords with their categories, found in one pass.
pub struct Categories {
    categories: Vec<Category>,
    finder: AhoCorasick,
}

impl Categories {
    fn new(text: &str) -> Self {
        let mut keywords = Vec::new();
        let mut categories = Vec::new();
        for (label, words) in data_lines(text).filter_map(|line| line.split_once(':')) {
            let Some(category) = category_named(label.trim()) else {
                continue;
            };
            for word in words.split_whitespace() {
                keywords.push(word.to_string());
                categories.push(category);
            }
        }
        let finder = AhoCorasick::builder()
            .match_kind(MatchKind::LeftmostLongest)
            .build(&keywords)
            .unwrap_or_else(|e| panic!("categories.txt: {e}"));
        Self { categories, finder }
    }

    /// The category of the longest keyword in `text` (the leftmost on ties).
    pub fn of(&self, text: &str) -> Option<Category> {
        let best = self
            .finder
            .find_iter(text)
            .max_by_key(|m| (m.len(), std::cmp::Reverse(m.start())))?;
        self.categories.get(best.pattern().as_usize()).copied()
    }
}

/// Lines that are neither blank nor `#` comments.
fn data_lines(text: &str) -> impl Iterator<Item = &str> {
    text.lines()
        .map(str::trim)
        .filter(|line| !line.is_empty() && !line.starts_with('#'))
}

/// Parses "label: word word ..." lines.
fn labelled_lists(text: &str) -> HashMap<String, Vec<String>> {
    data_lines(text)
        .filter_map(|line| line.split_once(':'))
        .map(|(label, words)| {
            let words = words.split_whitespace().map(str::to_string).collect();
            (label.trim().to_string(), words)
        })
        .collect()
}

fn list(lists: &HashMap<String, Vec<String>>, label: &str) -> WordList {
    WordList::new(lists.get(label).cloned().unwrap_or_default())
}

fn measures(text: &str) -> HashMap<String, String> {
    data_lines(text)
        .map(|line| match line.split_once('\t') {
            Some((unit, base)) => (unit.trim().to_string(), base.trim().to_string()),
            None => (line.to_string(), line.to_string()),
        })
        .collect()
}

fn synonyms(text: &str) -> HashMap<String, String> {
    let mut map = HashMap::new();
    for line in data_lines(text) {
        let terms: Vec<&str> = line.split('=').map(str::trim).collect();
        let Some(canonical) = terms.first() else {
            continue;
        };
        for term in &terms {
            map.insert((*term).to_string(), (*canonical).to_string());
        }
    }
    map
}

fn category_named(name: &str) -> Option<Category> {
    Category::ALL
        .into_iter()
        .find(|c| *c != Category::Other && c.as_str() == name)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lexicon_parses() {
        let lexicon = &*LEXICON;
        assert_eq!(
            lexicon.measures.get("个百分点").map(String::as_str),
            Some("百分点")
        );
        assert!(lexicon.qualifiers_before.contains("不少于"));
        assert_eq!(
            lexicon.synonyms.get("GDP").map(String::as_str),
            Some("地区生产总值")
        );
        assert_eq!(
            lexicon.categories.of("新增停车泊位"),
            Some(Category::UrbanConstruction)
        );
        assert_eq!(
            lexicon.categories.of("地区生产总值"),
            Some(Category::Economy)
        );
        assert!(lexicon.is_verb("新增"));
    }
}
