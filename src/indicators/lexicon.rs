//! The extractor's word lists, kept as data in `assets/lexicon/` and compiled
//! into the binary: measure words, qualifiers, direction verbs, tense cues,
//! metric synonyms and prefixes, and the category lexicon.

use std::collections::HashMap;
use std::sync::LazyLock;

use crate::indicators::Category;

/// All word lists, parsed once.
pub struct Lexicon {
    /// Units as written → normalised base unit.
    pub measures: HashMap<String, String>,
    /// Qualifiers written before the number, longest first.
    pub qualifiers_before: Vec<String>,
    /// Qualifiers written after the unit, longest first.
    pub qualifiers_after: Vec<String>,
    /// Verbs of change (增长, 下降 ...), longest first.
    pub change_verbs: Vec<String>,
    /// Verbs of delivery (新增, 建成 ...), longest first.
    pub delivery_verbs: Vec<String>,
    /// Sentence cues for targets.
    pub target_cues: Vec<String>,
    /// Sentence cues for achieved figures.
    pub actual_cues: Vec<String>,
    /// Heading words that make a section a plan.
    pub target_headings: Vec<String>,
    /// Heading words that make a section a review.
    pub actual_headings: Vec<String>,
    /// Synonym → canonical metric key.
    pub synonyms: HashMap<String, String>,
    /// Metric prefixes that do not change the measured thing (全区, 全年 ...), longest first.
    pub metric_prefixes: Vec<String>,
    /// (keyword, category) pairs in file order.
    pub categories: Vec<(String, Category)>,
}

/// The lexicon compiled from `assets/lexicon/`.
pub static LEXICON: LazyLock<Lexicon> = LazyLock::new(Lexicon::load);

impl Lexicon {
    fn load() -> Self {
        let qualifiers = labelled_lists(include_str!("../../assets/lexicon/qualifiers.txt"));
        let directions = labelled_lists(include_str!("../../assets/lexicon/directions.txt"));
        let cues = labelled_lists(include_str!("../../assets/lexicon/tense_cues.txt"));
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
            metric_prefixes: longest_first(
                data_lines(include_str!("../../assets/lexicon/metric_prefixes.txt"))
                    .flat_map(str::split_whitespace)
                    .map(str::to_string)
                    .collect(),
            ),
            categories: categories(include_str!("../../assets/lexicon/categories.txt")),
        }
    }

    /// The change or delivery verb that `text` is, if any.
    pub fn is_verb(&self, text: &str) -> bool {
        self.change_verbs.iter().any(|v| v == text) || self.delivery_verbs.iter().any(|v| v == text)
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

fn list(lists: &HashMap<String, Vec<String>>, label: &str) -> Vec<String> {
    longest_first(lists.get(label).cloned().unwrap_or_default())
}

/// Sorts by length in chars, longest first, so that prefix matching prefers "不少于" to "少".
fn longest_first(mut words: Vec<String>) -> Vec<String> {
    words.sort_by_key(|w| std::cmp::Reverse(w.chars().count()));
    words.dedup();
    words
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

fn categories(text: &str) -> Vec<(String, Category)> {
    let mut pairs = Vec::new();
    for (label, words) in data_lines(text).filter_map(|line| line.split_once(':')) {
        let Some(category) = category_named(label.trim()) else {
            continue;
        };
        pairs.extend(words.split_whitespace().map(|w| (w.to_string(), category)));
    }
    pairs
}

fn category_named(name: &str) -> Option<Category> {
    [
        Category::Economy,
        Category::InvestmentAndProjects,
        Category::InnovationAndTalent,
        Category::Industry,
        Category::UrbanConstruction,
        Category::Environment,
        Category::Livelihood,
        Category::Governance,
    ]
    .into_iter()
    .find(|c| c.as_str() == name)
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
        assert_eq!(
            lexicon.qualifiers_before.first().map(|w| w.chars().count()),
            Some(3)
        );
        assert_eq!(
            lexicon.synonyms.get("GDP").map(String::as_str),
            Some("地区生产总值")
        );
        assert!(lexicon.categories.len() > 100);
        assert!(lexicon.is_verb("新增"));
    }
}
