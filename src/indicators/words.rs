//! Words of a clause (jieba-rs with the domain dictionary in assets/) and the
//! noun phrases that name a metric, before or after a number.

use std::sync::LazyLock;

use jieba_rs::Jieba;

use crate::indicators::lexicon::LEXICON;

static JIEBA: LazyLock<Jieba> = LazyLock::new(|| {
    let mut jieba = Jieba::new();
    let mut domain = include_str!("../../assets/lexicon/jieba_domain.txt").as_bytes();
    // The domain dictionary is compiled in: a malformed line is a build defect.
    jieba
        .load_dict(&mut domain)
        .unwrap_or_else(|e| panic!("jieba_domain.txt: {e}"));
    jieba
});

/// The segmenter with the domain dictionary, shared with tag suggestions.
pub fn jieba() -> &'static Jieba {
    &JIEBA
}

/// True for function words (的, 和, 全年 …) that never name anything.
pub fn is_stop_word(word: &str) -> bool {
    LEXICON.stop_words.contains(word)
}

/// Single-char suffixes that turn the word before them into a measured noun: 盘活率, 总项数.
const NOUN_SUFFIXES: &[&str] = &["率", "数", "量", "额", "度", "比"];

/// One word of a clause; quoted and bracketed names are merged into one word.
pub struct Word<'a> {
    /// The word.
    pub text: &'a str,
    /// jieba's part-of-speech tag, or "quoted" for a merged name.
    pub tag: &'a str,
    /// Char offset of the word in the segmented text.
    pub start: usize,
    /// Char offset past the word.
    pub end: usize,
}

impl Word<'_> {
    /// True when the word can be part of a metric name.
    pub fn is_metric(&self) -> bool {
        if self.tag == "quoted" {
            return true;
        }
        if is_stop_word(self.text) || LEXICON.delivery_verbs.contains(self.text) {
            return false;
        }
        let unit_word = self.tag == "m" && self.text.ends_with('元');
        unit_word
            || self.tag.starts_with('n')
            || matches!(
                self.tag,
                "vn" | "j" | "l" | "b" | "an" | "eng" | "f" | "q" | "nz" | "suffixed"
            )
    }

    /// A verb, conjunction or adjective that may sit inside a metric: 招聘活动, 有效线索.
    fn is_inner_link(&self) -> bool {
        matches!(
            self.tag,
            "v" | "c" | "vd" | "a" | "ad" | "d" | "x" | "nr" | "ng" | "z"
        ) && !LEXICON.is_verb(self.text)
            && !is_stop_word(self.text)
            && !self
                .text
                .chars()
                .any(|c| matches!(c, ',' | '。' | ';' | ':' | '、'))
    }

    /// A word that names a place or direction (内, 中), not a measured thing.
    fn is_locative(&self) -> bool {
        self.tag == "f" && self.text.chars().count() == 1
    }
}

/// Segments `text` into words: “…”, 《…》 and (…) become one name each, a
/// number with its measure ("65岁", "500强") becomes one name, and noun
/// suffixes such as 率 are glued to the word before.
pub fn words(text: &str) -> Vec<Word<'_>> {
    let tags = JIEBA.tag(text, true);
    let mut words: Vec<Word> = Vec::with_capacity(tags.len());
    let mut i = 0;
    while let Some(tag) = tags.get(i) {
        let (last, mut kind) = merged_name(&tags, i).unwrap_or((i, tag.tag));
        let (mut byte_start, mut start) = (tag.byte_start, tag.start);
        if NOUN_SUFFIXES.contains(&tag.word) {
            if let Some(previous) = words.pop() {
                (byte_start, start, kind) =
                    (text_start(text, &previous), previous.start, "suffixed");
            }
        }
        words.push(Word {
            text: &text[byte_start..tags[last].byte_end],
            tag: kind,
            start,
            end: tags[last].end,
        });
        i = last + 1;
    }
    words
}

/// The index of the last tag of a name starting at `i`, if one starts there.
fn merged_name(tags: &[jieba_rs::Tag], i: usize) -> Option<(usize, &'static str)> {
    let word = tags.get(i)?.word;
    let close = match word {
        "“" => "”",
        "《" => "》",
        "(" => ")",
        _ if word.chars().all(|c| c.is_ascii_digit()) => {
            let next = tags.get(i + 1)?.word;
            let measured = LEXICON.measures.contains_key(next) || next == "强";
            return measured.then_some((i + 1, "quoted"));
        }
        _ => return None,
    };
    tags[i..]
        .iter()
        .position(|t| t.word == close)
        .map(|p| (p + i, "quoted"))
}

fn text_start(text: &str, word: &Word) -> usize {
    word.text.as_ptr() as usize - text.as_ptr() as usize
}

/// Char offsets where words of `text` start.
pub fn word_starts(text: &str) -> Vec<usize> {
    JIEBA.cut(text, true).iter().map(|t| t.start).collect()
}

/// A metric phrase found at the end of a text.
pub struct Phrase {
    /// Char offset of the phrase in the segmented text.
    pub start: usize,
    /// The word before the phrase, if it is a lexicon verb.
    pub verb_before: Option<(String, usize)>,
    /// True when the phrase is only verbal nouns ("策划") or ends in a locative ("辖区内").
    pub weak: bool,
}

/// The noun phrase at the end of `text`; a verb after a noun at the very end
/// counts as a nominalisation ("二次供水改造", "房屋征收").
pub fn phrase_at_end(text: &str) -> Option<Phrase> {
    let words = words(text);
    let mut first = words.len();
    let nominal_verb_at_end =
        words.len() >= 2 && LEXICON.is_verb(words[first - 1].text) && words[first - 2].is_metric();
    if nominal_verb_at_end {
        first -= 1;
    }
    while first > 0 {
        let word = &words[first - 1];
        let right_is_metric = words.get(first).is_some_and(Word::is_metric);
        let left_is_metric = first >= 2 && words[first - 2].is_metric();
        let enumeration = word.text == "、" && left_is_metric && right_is_metric;
        let number_in_name = word.text.chars().all(|c| c.is_ascii_digit()) && right_is_metric;
        let linked = enumeration
            || number_in_name
            || word.is_inner_link() && (left_is_metric || (right_is_metric && word.tag == "a"));
        if !(word.is_metric() || linked) {
            break;
        }
        first -= 1;
    }
    let head = words.get(first)?;
    let verb_before = first
        .checked_sub(1)
        .and_then(|i| words.get(i))
        .filter(|w| LEXICON.is_verb(w.text))
        .map(|w| (w.text.to_string(), w.start));
    let phrase = &words[first..];
    let weak = phrase.iter().all(|w| w.tag == "vn") || phrase.last().is_some_and(Word::is_locative);
    Some(Phrase {
        start: head.start,
        verb_before,
        weak,
    })
}

/// The noun phrase at the start of `text`, as a char length.
pub fn phrase_at_start(text: &str) -> Option<usize> {
    let words = words(text);
    let mut count = 0;
    while let Some(word) = words.get(count) {
        let right_is_metric = words.get(count + 1).is_some_and(Word::is_metric);
        let number_in_name = word.text.chars().all(|c| c.is_ascii_digit()) && right_is_metric;
        // After a number a verb starts the predicate ("162台电梯获批…"): only
        // adjectives may join two nouns here.
        let adjective = matches!(word.tag, "a" | "b" | "z") && word.is_inner_link();
        let linked = number_in_name || adjective && right_is_metric;
        if !(word.is_metric() || linked) {
            break;
        }
        count += 1;
    }
    let last = words.get(count.checked_sub(1)?)?;
    Some(last.end)
}

/// Cuts a long metric to its last 16 chars at a word boundary; returns the new start.
pub fn trim_long(text: &str) -> usize {
    let len = text.chars().count();
    if len <= 20 {
        return 0;
    }
    JIEBA
        .cut(text, true)
        .iter()
        .find(|t| len - t.start <= 16)
        .map_or(0, |t| t.start)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn domain_dictionary_loads() {
        assert!(JIEBA.has_word("地区生产总值"));
        assert!(JIEBA.has_word("政策引导资金"));
    }

    #[test]
    fn quoted_names_are_one_word() {
        let words = words("“专精特新”企业");
        assert_eq!(words[0].text, "“专精特新”");
        assert!(words[0].is_metric());
    }

    #[test]
    fn phrases() {
        let phrase =
            phrase_at_end("全年新增高新技术企业").map(|p| (p.start, p.verb_before.map(|v| v.0)));
        assert_eq!(phrase, Some((4, Some("新增".into()))));
        assert_eq!(phrase_at_start("政策引导资金,为"), Some(6));
    }
}
