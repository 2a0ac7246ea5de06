//! Suggested tags for a passage: its keywords by TF-IDF (jieba-rs, with the
//! domain dictionary), leaving out numbers, units and function words.

use std::sync::LazyLock;

use jieba_rs::{KeywordExtract, TfIdf};

use crate::indicators::words::{is_stop_word, jieba};

static TFIDF: LazyLock<TfIdf> = LazyLock::new(TfIdf::default);

/// Parts of speech a tag can be: nouns, place and organisation names, verbal nouns, idioms.
const TAG_POS: [&str; 8] = ["n", "nz", "ns", "nt", "vn", "l", "j", "eng"];

/// Up to `count` keywords of `passage`, most telling first.
pub fn suggest_tags(passage: &str, count: usize) -> Vec<String> {
    let allowed = TAG_POS.iter().map(|p| p.to_string()).collect();
    TFIDF
        .extract_keywords(jieba(), passage, count * 2, allowed)
        .into_iter()
        .map(|k| k.keyword)
        .filter(|word| {
            word.chars().count() >= 2
                && !word.chars().any(|c| c.is_ascii_digit())
                && !is_stop_word(word)
        })
        .take(count)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suggests_the_nouns_a_passage_is_about() {
        let tags = suggest_tags(
            "新增停车泊位1万个以上，建成微循环道路15条，缓解老旧小区停车难问题。",
            5,
        );
        assert!(tags.iter().any(|t| t.contains("停车")), "{tags:?}");
        assert!(tags.iter().all(|t| !t.contains('1')), "{tags:?}");
    }
}
